import UntrustedText
import Yams

/// One compose file as written: each service's `build:` section and `extends:`, and the file's `include:` entries,
/// interpolated with the project's variables (``ComposeInterpolation``). Only these fields decide a build, so only
/// they are read: a `${DB_PASSWORD:?}` under `environment:` is not ctxtrim's business. Nothing is followed here
/// (``ComposeProject`` loads includes and extends); every error names this file and the line.
package struct ComposeFile: Sendable {
    /// One service of the file.
    package struct Service: Sendable, Equatable {
        package var name: String
        /// The line of the service's name.
        package var line: Int
        /// The `build:` section; nil when the service has none (an `image`-only service) or `!reset` removes it.
        package var build: ComposeBuild?
        /// `build: !reset`: the build earlier files declared is removed.
        package var resetsBuild = false
        package var extends: Extends?
    }

    /// `extends: other`, `extends: {service: other}` or `extends: {file: f, service: other}`.
    package struct Extends: Sendable, Equatable {
        package var service: String
        /// Relative to the declaring file's working directory; nil for the same file.
        package var file: String?
        package var line: Int
    }

    /// One `include:` entry: a path, or `{path: [main, overrides...], project_directory, env_file}`.
    package struct Include: Sendable, Equatable {
        package var paths: [String]
        package var projectDirectory: String?
        package var envFiles: [String]
        package var line: Int
    }

    /// The file names Docker Compose looks for in a directory, in its order of preference (compose-go's
    /// `DefaultFileNames`): the first one found is the project's file.
    package static let primaryNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
    /// The override file merged over the primary one, in compose-go's order of preference
    /// (`DefaultOverrideFileNames`).
    package static let overrideNames = [
        "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml",
    ]

    /// The primary and override names.
    package static let names: Set<String> = Set(primaryNames + overrideNames)

    /// Whether discovery reads a file of this name: a primary or override file, or a variant such as
    /// `docker-compose.prod.yml` or `compose.ci.yaml` (applied over the primary one as `-f` would).
    package static func isComposeName(_ name: String) -> Bool {
        names.contains(name) || variantLabel(name) != nil
    }

    /// `prod` for `docker-compose.prod.yml` or `compose.prod.yaml`; nil for any other name.
    package static func variantLabel(_ name: String) -> String? {
        for prefix in ["docker-compose.", "compose."] where name.hasPrefix(prefix) {
            for suffix in [".yml", ".yaml"] where name.hasSuffix(suffix) {
                let label = name.dropFirst(prefix.count).dropLast(suffix.count)
                guard !label.isEmpty, label != "override", name.count > prefix.count + suffix.count else { continue }
                return String(label)
            }
        }
        return nil
    }

    /// The services, in file order.
    package let services: [Service]
    package let includes: [Include]

    /// The services with a build section, in file order.
    package var builds: [Service] { services.filter { $0.build != nil } }

    /// Parses compose YAML. `source` names the file in errors and in the declarations; `variables` are the values
    /// `${VAR}` takes (``ComposeInterpolation``).
    package static func parse(
        _ text: String, source: String, variables: [String: String] = [:]
    ) throws(MonorepoError) -> ComposeFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw MonorepoError(
                code: .malformedCompose, file: source, line: Self.line(of: error),
                message: "not valid YAML", fix: "fix the compose file", cause: Self.problem(of: error))
        } catch {
            throw MonorepoError(
                code: .malformedCompose, file: source, message: "not valid YAML", fix: "fix the compose file")
        }
        guard let root else { return ComposeFile(services: [], includes: []) }
        guard let top = root.mapping else { throw Self.error(source, root, "the top level must be a mapping") }
        let reader = Reader(source: source, interpolation: ComposeInterpolation(values: variables))
        var services: [Service] = []
        if let servicesNode = top["services"], !Self.isNull(servicesNode) {
            guard let serviceMap = servicesNode.mapping else {
                throw Self.error(source, servicesNode, "`services` must be a mapping of service names to services")
            }
            for (nameNode, service) in serviceMap {
                guard let name = nameNode.scalar?.string else {
                    throw Self.error(source, nameNode, "a service name must be a plain string")
                }
                if let found = try reader.service(name, nameNode, service) { services.append(found) }
            }
        }
        var includes: [Include] = []
        if let includeNode = top["include"], !Self.isNull(includeNode) {
            guard let entries = includeNode.sequence else {
                throw Self.error(source, includeNode, "`include` must be a list of files")
            }
            for entry in entries { includes.append(try reader.include(entry)) }
        }
        return ComposeFile(services: services, includes: includes)
    }

    /// Reads the fields of one file, interpolating as it goes.
    private struct Reader {
        let source: String
        let interpolation: ComposeInterpolation

        func service(_ name: String, _ nameNode: Node, _ node: Node) throws(MonorepoError) -> Service? {
            guard let fields = try ComposeFile.entries(node, source) else {
                if node.scalar?.string.isEmpty == false || node.sequence != nil {
                    throw ComposeFile.error(source, node, "service \(Excerpt.quote(name)) must be a mapping")
                }
                return nil
            }
            var service = Service(name: name, line: nameNode.mark?.line ?? node.mark?.line ?? 0)
            for (key, keyNode, value) in fields {
                switch key {
                case "build":
                    if ComposeFile.tag(value) == "!reset" {
                        service.resetsBuild = true
                    } else {
                        service.build = try build(name, keyNode, value)
                    }
                case "extends": service.extends = try extends(name, keyNode, value)
                default: continue
                }
            }
            return service
        }

        private func build(_ service: String, _ keyNode: Node, _ node: Node) throws(MonorepoError) -> ComposeBuild {
            var build = ComposeBuild(file: source, line: keyNode.mark?.line ?? node.mark?.line ?? 0)
            build.replacesAll = ComposeFile.tag(node) == "!override"
            if node.scalar != nil {
                build.context = try field(node, service)
                return build
            }
            guard let fields = try ComposeFile.entries(node, source) else {
                throw ComposeFile.error(
                    source, node, "`build` of service \(Excerpt.quote(service)) must be a path or a mapping")
            }
            for (key, _, value) in fields {
                guard let known = ComposeBuild.Key(rawValue: key) else { continue }
                switch ComposeFile.tag(value) {
                case "!reset":
                    build.resets.insert(known)
                    continue
                case "!override": build.overrides.insert(known)
                default: break
                }
                if ComposeFile.isNull(value) { continue }
                switch known {
                case .context: build.context = try field(value, service)
                case .dockerfile: build.dockerfile = try field(value, service)
                case .dockerfileInline: build.dockerfileInline = try field(value, service)
                case .target: build.target = try field(value, service)
                case .args: build.args = try pairs(value, service, "args", emptyValue: nil)
                case .additionalContexts:
                    build.additionalContexts = try pairs(value, service, "additional_contexts", emptyValue: "")
                }
            }
            return build
        }

        /// A mapping `NAME: value` or a list `- NAME=value`. A list item without `=` (or a mapping value that is
        /// null) gets `emptyValue`: nil for `args`, whose value then comes from the variables.
        private func pairs(
            _ node: Node, _ service: String, _ key: String, emptyValue: String?
        ) throws(MonorepoError) -> [String: ComposeBuild.Field] {
            var result: [String: ComposeBuild.Field] = [:]
            if let items = node.sequence {
                for item in items {
                    guard let text = item.scalar?.string else {
                        throw ComposeFile.error(
                            source, item, "`\(key)` of service \(Excerpt.quote(service)) lists NAME=value strings")
                    }
                    let interpolated = try interpolate(text, item, service)
                    let line = item.mark?.line ?? 0
                    if let equals = interpolated.text.firstIndex(of: "=") {
                        let name = String(interpolated.text[..<equals])
                        let value = String(interpolated.text[interpolated.text.index(after: equals)...])
                        result[name] = .init(value: value, file: source, line: line, unset: interpolated.unset)
                    } else {
                        result[interpolated.text] = .init(
                            value: emptyValue, file: source, line: line, unset: interpolated.unset)
                    }
                }
                return result
            }
            guard let mapping = node.mapping else {
                throw ComposeFile.error(
                    source, node, "`\(key)` of service \(Excerpt.quote(service)) must be a mapping or a list")
            }
            for (nameNode, value) in mapping {
                guard let name = nameNode.scalar?.string else {
                    throw ComposeFile.error(source, nameNode, "a name in `\(key)` must be a plain string")
                }
                let line = value.mark?.line ?? nameNode.mark?.line ?? 0
                if ComposeFile.isNull(value) {
                    result[name] = .init(value: emptyValue, file: source, line: line)
                    continue
                }
                guard let text = value.scalar?.string else {
                    throw ComposeFile.error(
                        source, value, "`\(key)` of service \(Excerpt.quote(service)): each value must be a string")
                }
                let interpolated = try interpolate(text, value, service)
                result[name] = .init(value: interpolated.text, file: source, line: line, unset: interpolated.unset)
            }
            return result
        }

        private func extends(_ service: String, _ keyNode: Node, _ node: Node) throws(MonorepoError) -> Extends {
            let line = node.mark?.line ?? keyNode.mark?.line ?? 0
            if node.scalar != nil {
                return Extends(service: try field(node, service).value ?? "", line: line)
            }
            guard let fields = node.mapping, let base = fields["service"] else {
                throw ComposeFile.error(
                    source, node, "`extends` of service \(Excerpt.quote(service)) must name a service")
            }
            let file = try fields["file"].map { node throws(MonorepoError) in try field(node, service).value ?? "" }
            return Extends(service: try field(base, service).value ?? "", file: file, line: line)
        }

        func include(_ node: Node) throws(MonorepoError) -> Include {
            let line = node.mark?.line ?? 0
            if node.scalar != nil {
                return Include(paths: [try text(node, "include")], envFiles: [], line: line)
            }
            guard let fields = node.mapping, let pathNode = fields["path"] else {
                throw ComposeFile.error(source, node, "an `include` entry must be a path or have a `path`")
            }
            let paths = try list(pathNode, "include path")
            guard !paths.isEmpty else { throw ComposeFile.error(source, pathNode, "`include` names no file") }
            let projectDirectory = try fields["project_directory"].map { node throws(MonorepoError) in
                try text(node, "project_directory")
            }
            let envFiles = try fields["env_file"].map { node throws(MonorepoError) in try list(node, "env_file") }
            return Include(paths: paths, projectDirectory: projectDirectory, envFiles: envFiles ?? [], line: line)
        }

        private func list(_ node: Node, _ what: String) throws(MonorepoError) -> [String] {
            if node.scalar != nil { return [try text(node, what)] }
            guard let items = node.sequence else {
                throw ComposeFile.error(source, node, "\(what) must be a path or a list of paths")
            }
            var result: [String] = []
            for item in items { result.append(try text(item, what)) }
            return result
        }

        /// An interpolated scalar outside a service (include paths); unset variables there only make the path wrong,
        /// which the loader reports.
        private func text(_ node: Node, _ what: String) throws(MonorepoError) -> String {
            guard let raw = node.scalar?.string else {
                throw ComposeFile.error(source, node, "\(what) must be a single value")
            }
            do throws(ComposeInterpolation.Failure) {
                return try interpolation.interpolate(raw).text
            } catch {
                throw ComposeFile.interpolationError(source, node, error)
            }
        }

        private func field(_ node: Node, _ service: String) throws(MonorepoError) -> ComposeBuild.Field {
            guard let raw = node.scalar?.string else {
                throw ComposeFile.error(
                    source, node, "a `build` field of service \(Excerpt.quote(service)) must be a single value")
            }
            let result = try interpolate(raw, node, service)
            return .init(value: result.text, file: source, line: node.mark?.line ?? 0, unset: result.unset)
        }

        private func interpolate(
            _ text: String, _ node: Node, _ service: String
        ) throws(MonorepoError) -> ComposeInterpolation.Result {
            do throws(ComposeInterpolation.Failure) {
                return try interpolation.interpolate(text)
            } catch {
                throw ComposeFile.interpolationError(source, node, error, service: service)
            }
        }
    }

    /// A mapping's entries with YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`) expanded as compose reads them:
    /// keys written in the mapping win over merged ones, earlier merged mappings over later ones. nil when `node` is
    /// not a mapping. Aliases let a few lines name the same mapping many times over, so at most
    /// ``mergeBudget`` entries are visited for one mapping.
    private static func entries(
        _ node: Node, _ source: String, depth: Int = 0
    ) throws(MonorepoError) -> [(String, Node, Node)]? {
        var budget = mergeBudget
        return try entries(node, source, depth: depth, budget: &budget)
    }

    /// The most entries merge keys may expand one mapping to; a real compose file has a few dozen.
    static let mergeBudget = 100_000

    private static func entries(
        _ node: Node, _ source: String, depth: Int, budget: inout Int
    ) throws(MonorepoError) -> [(String, Node, Node)]? {
        guard let mapping = node.mapping else { return nil }
        guard depth < 8 else { throw error(source, node, "YAML merge keys (`<<`) nest more than 8 deep") }
        var own: [(String, Node, Node)] = []
        var merged: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            budget -= 1
            guard budget >= 0 else {
                throw error(source, node, "YAML merge keys (`<<`) expand to more than \(mergeBudget) entries")
            }
            guard let key = keyNode.scalar?.string else { continue }
            if key == "<<" && keyNode.tag.rawValue == Tag.Name.merge.rawValue {
                for mergedNode in value.sequence.map(Array.init) ?? [value] {
                    guard let inner = try entries(mergedNode, source, depth: depth + 1, budget: &budget) else {
                        throw error(source, mergedNode, "a merge key (`<<`) must name a mapping")
                    }
                    merged += inner
                }
            } else {
                own.append((key, keyNode, value))
            }
        }
        var seen = Set(own.map(\.0))
        var result = own
        for entry in merged where !seen.contains(entry.0) {
            seen.insert(entry.0)
            result.append(entry)
        }
        return result
    }

    private static func tag(_ node: Node) -> String? {
        let name = node.tag.rawValue
        return name.hasPrefix("!") ? name : nil
    }

    private static func isNull(_ node: Node) -> Bool {
        node.scalar != nil && node.tag.rawValue == Tag.Name.null.rawValue
    }

    static func interpolationError(
        _ source: String, _ node: Node, _ failure: ComposeInterpolation.Failure, service: String? = nil
    ) -> MonorepoError {
        let prefix = service.map { "service \(Excerpt.quote($0)): " } ?? ""
        return MonorepoError(
            code: failure.required ? .requiredVariable : .malformedCompose, file: source, line: node.mark?.line,
            message: prefix + failure.problem,
            fix: failure.required ? "set the variable in the project's .env or pass --env-file" : "fix the reference")
    }

    private static func error(_ source: String, _ node: Node, _ message: String) -> MonorepoError {
        MonorepoError(code: .malformedCompose, file: source, line: node.mark?.line, message: message)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        // Other cases carry the text itself: never quoted.
        default: "the text cannot be read as YAML (not UTF-8, or a control character)"
        }
    }
}
