import UntrustedText

/// The bake files of one directory read together, as `docker buildx bake` reads them: every file's variables and
/// functions visible to every file, blocks of the same target merged in file order, `inherits` applied.
///
/// Only what a build's context needs is evaluated (`context`, `dockerfile`, `dockerfile-inline`, `target`, `args`,
/// `contexts`, `inherits`, and groups' `targets`): an attribute such as `tags` may call a function ctxtrim does not
/// know without failing the read, since no answer depends on it.
package struct BakeDefinition: Sendable {
    /// The files bake reads in a directory when given none, in its order (buildx `defaultFilenames`, less the
    /// compose files, whose services ctxtrim discovers itself).
    package static let defaultFileNames = [
        "docker-bake.json", "docker-bake.hcl", "docker-bake.override.json", "docker-bake.override.hcl",
    ]

    /// One file's name (for messages and locations, and `.json` selects the JSON form) and its bytes.
    package struct Source: Sendable {
        package let name: String
        package let bytes: [UInt8]

        package init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Every target, in the order its first block appears; each is a build of its own.
    package let targets: [BakeTarget]
    /// Group name → the targets and groups it names. Groups only select targets.
    package let groups: [String: [String]]

    /// The targets some group names, directly or through another group.
    package var groupedTargets: Set<String> {
        var found: Set<String> = []
        var visited: Set<String> = []
        var pending = Array(groups.keys)
        while let name = pending.popLast() {
            guard visited.insert(name).inserted else { continue }
            for member in groups[name] ?? [] {
                if groups[member] != nil { pending.append(member) } else { found.insert(member) }
            }
        }
        return found
    }

    /// The targets another target inherits from.
    package var inheritedTargets: Set<String> { Set(targets.flatMap(\.inherits)) }

    /// Reads `sources` in order.
    ///
    /// - Throws: ``BakeError`` naming the file and line of the first construct outside the subset, value of the
    ///   wrong type, unknown variable or function, cycle, or bound exceeded.
    package static func read(_ sources: [Source]) throws(BakeError) -> BakeDefinition {
        var evaluator = BakeEvaluator()
        // Top-level attributes win over `variable` blocks of the same name, as in buildx's `resolveValue`.
        var globals: [String: BakeEvaluator.Variable] = [:]
        var targetBlocks: [(file: String, block: BakeBlock)] = []
        var groupBlocks: [String: (file: String, block: BakeBlock)] = [:]
        for source in sources {
            let body =
                source.name.hasSuffix(".json")
                ? try BakeJSONParser.parse(source.bytes, file: source.name)
                : try HCLParser.parse(source.bytes, file: source.name)
            for attribute in body.attributes {
                globals[attribute.name] = BakeEvaluator.Variable(
                    expression: attribute.expression, file: source.name, line: attribute.line)
            }
            for block in body.blocks {
                guard ["target", "group", "variable", "function"].contains(block.type) else { continue }
                guard block.labels.count == 1, let label = block.labels.first else {
                    throw BakeError(
                        .syntax, "a \(block.type) block has one name", file: source.name, line: block.line)
                }
                switch block.type {
                case "variable":
                    evaluator.variables[label] = BakeEvaluator.Variable(
                        expression: block.body.attributes.first { $0.name == "default" }?.expression,
                        file: source.name, line: block.line)
                case "function":
                    evaluator.functions[label] = try function(block, label: label, file: source.name)
                case "target":
                    try validateName(label, file: source.name, line: block.line)
                    targetBlocks.append((source.name, block))
                default:
                    groupBlocks[label] = (source.name, block)
                }
            }
        }

        evaluator.variables.merge(globals) { $1 }

        var declared: [String: BakeTarget] = [:]
        var order: [String] = []
        var matrixGroups: [String: [String]] = [:]
        for (file, block) in targetBlocks {
            let label = block.labels[0]
            let scopes = try matrixScopes(block, file: file, evaluator: &evaluator)
            for scope in scopes {
                let name = try targetName(block, label: label, scope: scope, file: file, evaluator: &evaluator)
                let target = try declaredTarget(block, name: name, file: file, scope: scope, evaluator: &evaluator)
                if declared[name] == nil {
                    guard order.count < maximumTargets else {
                        throw BakeError(
                            .tooLarge, "the bake files declare more than \(maximumTargets) targets", file: file,
                            line: block.line)
                    }
                    order.append(name)
                    declared[name] = target
                } else {
                    declared[name]?.merge(target)
                }
                if scope != nil { matrixGroups[label, default: []].append(name) }
            }
        }
        var resolved: [String: BakeTarget] = [:]
        var targets: [BakeTarget] = []
        for name in order {
            targets.append(try resolve(name, declared: declared, resolved: &resolved, visiting: []))
        }

        // buildx names the block's label as a group of the targets its matrix makes.
        var groups: [String: [String]] = matrixGroups
        for (name, (file, block)) in groupBlocks {
            guard let attribute = block.body.attributes.first(where: { $0.name == "targets" }) else {
                groups[name] = []
                continue
            }
            groups[name] = try strings(
                try evaluator.evaluate(attribute.expression, file: file), "targets of group \(name)", file: file,
                line: attribute.line)
        }
        return BakeDefinition(targets: targets, groups: groups)
    }

    /// buildx's `validTargetNameChars`: `[a-zA-Z0-9_-]+`.
    private static func validateName(_ name: String, file: String, line: Int) throws(BakeError) {
        guard !name.isEmpty,
            name.utf8.allSatisfy({ byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            })
        else {
            throw BakeError(
                .badValue, "the target name \(Excerpt.quote(name)) has characters other than [a-zA-Z0-9_-]",
                file: file, line: line)
        }
    }

    private static func function(_ block: BakeBlock, label: String, file: String) throws(BakeError)
        -> BakeEvaluator.Function
    {
        let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        guard let result = attributes["result"] else {
            throw BakeError(.syntax, "the function \(Excerpt.quote(label)) has no result", file: file, line: block.line)
        }
        var parameters: [String] = []
        if let params = attributes["params"] {
            guard case .list(let elements) = params.expression.kind else {
                throw BakeError(.syntax, "params is a list of names", file: file, line: params.line)
            }
            for element in elements {
                guard case .variable(let name) = element.kind else {
                    throw BakeError(.syntax, "params is a list of names", file: file, line: element.line)
                }
                parameters.append(name)
            }
        }
        var variadic: String?
        if let rest = attributes["variadic_params"] {
            guard case .variable(let name) = rest.expression.kind else {
                throw BakeError(.syntax, "variadic_params is a name", file: file, line: rest.line)
            }
            variadic = name
        }
        return BakeEvaluator.Function(
            parameters: parameters, variadic: variadic, result: result.expression, file: file, line: block.line)
    }

    /// Combinations of matrix values a target block makes at most.
    static let maximumMatrix = 1024
    /// Targets a definition has at most, matrices expanded: far above any real repository's.
    static let maximumTargets = 10_000

    /// The scopes of a block's `matrix` (buildx `Target.GetEvalContexts`): one per combination of the values of
    /// its keys, keys taken in sorted order; `[nil]` for a block without a matrix.
    private static func matrixScopes(
        _ block: BakeBlock, file: String, evaluator: inout BakeEvaluator
    ) throws(BakeError) -> [[String: BakeValue]?] {
        guard let attribute = block.body.attributes.first(where: { $0.name == "matrix" }) else { return [nil] }
        guard case .object(let matrix) = try evaluator.evaluate(attribute.expression, file: file) else {
            throw BakeError(.badValue, "matrix must be a map of lists", file: file, line: attribute.line)
        }
        var scopes: [[String: BakeValue]] = [[:]]
        for key in matrix.keys.sorted() {
            guard case .list(let values) = matrix[key] else {
                throw BakeError(
                    .badValue, "matrix values must be lists (\(Excerpt.quote(key)) is not)", file: file,
                    line: attribute.line)
            }
            guard scopes.count * values.count <= maximumMatrix else {
                throw BakeError(
                    .tooLarge, "the matrix makes more than \(maximumMatrix) targets", file: file,
                    line: attribute.line)
            }
            scopes = values.flatMap { value in scopes.map { $0.merging([key: value]) { $1 } } }
        }
        return scopes
    }

    /// The block's label, or for a matrix target its `name` evaluated in the combination's scope.
    private static func targetName(
        _ block: BakeBlock, label: String, scope: [String: BakeValue]?, file: String, evaluator: inout BakeEvaluator
    ) throws(BakeError) -> String {
        let attribute = block.body.attributes.first { $0.name == "name" }
        guard let scope else {
            if let attribute {
                throw BakeError(.badValue, "name requires matrix", file: file, line: attribute.line)
            }
            return label
        }
        guard let attribute else {
            throw BakeError(.badValue, "a matrix target needs a name", file: file, line: block.line)
        }
        let value = try evaluator.evaluate(attribute.expression, file: file, scope: scope)
        guard let name = value.stringConversion else {
            throw BakeError(
                .badValue, "name must be a string, not a \(value.typeName)", file: file, line: attribute.line)
        }
        try validateName(name, file: file, line: attribute.line)
        return name
    }

    /// One block's own attributes, evaluated (in a matrix combination's scope).
    private static func declaredTarget(
        _ block: BakeBlock, name: String, file: String, scope: [String: BakeValue]?, evaluator: inout BakeEvaluator
    ) throws(BakeError) -> BakeTarget {
        let scope = scope ?? [:]
        var target = BakeTarget(name: name, location: .init(file: file, line: block.line))
        for attribute in block.body.attributes {
            let line = attribute.line
            let what = "\(attribute.name) of target \(name)"
            switch attribute.name {
            case "matrix", "name":
                continue
            case "context", "dockerfile", "dockerfile-inline", "target":
                let value = try evaluator.evaluate(attribute.expression, file: file, scope: scope)
                guard value != .null else { continue }
                guard let text = value.stringConversion else {
                    throw BakeError(
                        .badValue, "\(what) must be a string, not a \(value.typeName)", file: file, line: line)
                }
                switch attribute.name {
                case "context":
                    target.context = text
                    target.contextLocation = .init(file: file, line: line)
                case "dockerfile": target.dockerfile = text
                case "dockerfile-inline": target.dockerfileInline = text
                default: target.target = text
                }
            case "args", "contexts":
                let value = try evaluator.evaluate(attribute.expression, file: file, scope: scope)
                guard value != .null else { continue }
                guard case .object(let members) = value else {
                    throw BakeError(
                        .badValue, "\(what) must be a map, not a \(value.typeName)", file: file, line: line)
                }
                for (key, member) in members where member != .null {
                    guard let text = member.stringConversion else {
                        throw BakeError(
                            .badValue, "\(what): \(Excerpt.quote(key)) must be a string, not a \(member.typeName)",
                            file: file, line: line)
                    }
                    if attribute.name == "args" {
                        target.args[key] = text
                    } else if !text.isEmpty {
                        target.contexts[key] = text
                        target.contextLocations[key] = .init(file: file, line: line)
                    }
                }
            case "inherits":
                target.inherits = try strings(
                    try evaluator.evaluate(attribute.expression, file: file, scope: scope), what, file: file,
                    line: line)
            default:
                continue
            }
        }
        return target
    }

    /// A target with its parents merged first, in order (buildx `Config.target`); a cycle is an error.
    private static func resolve(
        _ name: String, declared: [String: BakeTarget], resolved: inout [String: BakeTarget], visiting: [String]
    ) throws(BakeError) -> BakeTarget {
        if let done = resolved[name] { return done }
        guard let own = declared[name] else {
            throw BakeError(.unknownTarget, "no target is named \(Excerpt.quote(name))", file: "", line: nil)
        }
        guard visiting.count < BakeEvaluator.maximumDepth else {
            throw BakeError(
                .tooDeep, "inherits chains run deeper than \(BakeEvaluator.maximumDepth) targets",
                file: own.location.file, line: own.location.line)
        }
        var merged = BakeTarget(name: name, location: own.location)
        for parent in own.inherits {
            guard !visiting.contains(parent), parent != name else {
                throw BakeError(
                    .cycle, "target \(Excerpt.quote(name)) inherits from itself through \(Excerpt.quote(parent))",
                    file: own.location.file, line: own.location.line)
            }
            guard declared[parent] != nil else {
                throw BakeError(
                    .unknownTarget,
                    "target \(Excerpt.quote(name)) inherits from \(Excerpt.quote(parent)), which no file declares",
                    file: own.location.file, line: own.location.line)
            }
            merged.merge(try resolve(parent, declared: declared, resolved: &resolved, visiting: visiting + [name]))
        }
        merged.merge(own)
        merged.inherits = own.inherits
        resolved[name] = merged
        return merged
    }

    private static func strings(_ value: BakeValue, _ what: String, file: String, line: Int) throws(BakeError)
        -> [String]
    {
        guard case .list(let elements) = value else {
            throw BakeError(
                .badValue, "\(what) must be a list of strings, not a \(value.typeName)", file: file, line: line)
        }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw BakeError(
                    .badValue, "\(what) must be a list of strings, not hold a \(element.typeName)", file: file,
                    line: line)
            }
            result.append(text)
        }
        return result
    }
}
