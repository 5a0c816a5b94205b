import UntrustedText
import Yams

/// Settings from `.ctxtrim.yml` (or `--config`): budgets, check severities, disabled checks and suppressions.
///
/// ```yaml
/// budgets:
///   max-size: 500MiB            # eligible context (what the ignore file lets through)
///   max-files: 20000
///   max-transferred-size: 200MiB  # what BuildKit actually transfers for this Dockerfile
///   max-transferred-files: 10000
///   max-growth: 10%             # against --baseline; also an absolute size such as 50MiB
/// fail-on: warning              # error | warning | info | never
/// checks:
///   editor-junk: off            # disable a check
///   build-output: error         # change its severity
/// suppressions:
///   - path: "test/fixtures/**"  # .dockerignore pattern syntax
///     checks: [secret-file]     # optional: all checks when absent
///     reason: fake keys used by unit tests   # required
/// ```
package struct CtxtrimConfig: Sendable, Equatable {
    /// One suppression: findings whose path matches `path` (and whose check is in `checks`, if given) are dropped.
    package struct Suppression: Sendable, Equatable {
        package var path: String
        package var checks: [CheckID]?
        package var reason: String
        /// Line of the suppression in the config file.
        package var line: Int
    }

    /// The file name as messages show it, or nil for the built-in defaults.
    package var source: String?
    package var maxSize: Int64?
    package var maxFiles: Int?
    package var maxTransferredSize: Int64?
    package var maxTransferredFiles: Int?
    package var maxGrowth: GrowthLimit?
    package var failOn: FailThreshold?
    package var severityOverrides: [CheckID: Severity] = [:]
    package var disabledChecks: Set<CheckID> = []
    package var suppressions: [Suppression] = []

    package init() {}

    /// Parses the YAML text of a config file. `knownChecks` are the check ids it may name (by default those of
    /// `CheckCatalog` whose findings the gate grades); an id of `CheckCatalog.deprecatedAliases` is an error that
    /// names the id to write instead.
    package static func parse(
        _ text: String, source: String, knownChecks: Set<CheckID> = CheckCatalog.configurableIDs
    ) throws(ConfigError)
        -> CtxtrimConfig
    {
        var config = CtxtrimConfig()
        config.source = source
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(
                file: source, line: Self.line(of: error), message: "not valid YAML: \(Self.describe(error))")
        } catch {
            throw ConfigError(file: source, line: nil, message: "not valid YAML")
        }
        guard let root else { return config }
        let reader = Reader(source: source, knownChecks: knownChecks)
        guard let mapping = root.mapping else {
            throw reader.error(
                root, "the top level must be a mapping of settings (budgets, fail-on, checks, suppressions)")
        }
        for (key, value) in mapping {
            switch try reader.key(key) {
            case "budgets": try reader.budgets(value, into: &config)
            case "fail-on": config.failOn = try reader.failThreshold(value)
            case "checks": try reader.checks(value, into: &config)
            case "suppressions": config.suppressions = try reader.suppressions(value)
            case let other:
                throw reader.error(
                    key,
                    "unknown setting \(Excerpt.quote(other)); known settings: budgets, fail-on, checks, suppressions")
            }
        }
        return config
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        // Other cases carry the text itself: never quoted.
        default: "the text cannot be read as YAML (not UTF-8, or a control character)"
        }
    }
}

/// Reads the config tree node by node, turning every bad key or value into an error at its line.
private struct Reader {
    let source: String
    let knownChecks: Set<CheckID>

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(file: source, line: node.mark?.line, message: message)
    }

    func key(_ node: Node) throws(ConfigError) -> String {
        guard let text = node.scalar?.string else { throw error(node, "a key must be a plain string") }
        return text
    }

    func scalar(_ node: Node, _ what: String) throws(ConfigError) -> String {
        guard let text = node.scalar?.string else { throw error(node, "\(what) must be a single value") }
        return text
    }

    func budgets(_ node: Node, into config: inout CtxtrimConfig) throws(ConfigError) {
        guard let mapping = node.mapping else {
            throw error(node, "budgets must be a mapping such as 'max-size: 200MiB'")
        }
        for (keyNode, value) in mapping {
            let name = try key(keyNode)
            let text = try scalar(value, name)
            switch name {
            case "max-size", "max-transferred-size":
                let bytes: Int64
                do throws(ByteCount.ParseError) {
                    bytes = try ByteCount.read(text)
                } catch {
                    throw self.error(
                        value,
                        "\(name) must be a size such as 200MiB, 1.5GB or 500000 up to 8 EiB; got '\(text)': \(error)")
                }
                if name == "max-size" { config.maxSize = bytes } else { config.maxTransferredSize = bytes }
            case "max-files", "max-transferred-files":
                let count: Int64
                do throws(ByteCount.ParseError) {
                    count = try ByteCount.count(text)
                } catch {
                    throw self.error(
                        value, "\(name) must be a whole number of files from 0 to \(Int64.max); got '\(text)': \(error)"
                    )
                }
                if name == "max-files" { config.maxFiles = Int(count) } else { config.maxTransferredFiles = Int(count) }
            case "max-growth":
                let limit: GrowthLimit
                do throws(ByteCount.ParseError) {
                    limit = try GrowthLimit.read(text)
                } catch {
                    throw self.error(
                        value,
                        "max-growth must be a percentage from 0% to \(Int(GrowthLimit.maxPercent))% such as 10% or a "
                            + "size such as 50MiB; got '\(text)': \(error)")
                }
                config.maxGrowth = limit
            default:
                throw error(
                    keyNode,
                    "unknown budget '\(name)'; known budgets: max-size, max-files, max-transferred-size, "
                        + "max-transferred-files, max-growth")
            }
        }
    }

    func failThreshold(_ node: Node) throws(ConfigError) -> FailThreshold {
        let text = try scalar(node, "fail-on")
        guard let threshold = FailThreshold(rawValue: text) else {
            throw error(node, "fail-on must be one of error, warning, info, never; got \(Excerpt.quote(text))")
        }
        return threshold
    }

    func checks(_ node: Node, into config: inout CtxtrimConfig) throws(ConfigError) {
        guard let mapping = node.mapping else {
            throw error(node, "checks must map check ids to off or a severity, such as 'editor-junk: off'")
        }
        for (keyNode, value) in mapping {
            let id = try checkID(keyNode, key(keyNode), where: "")
            // YAML 1.1 reads a bare `off`/`no` as a boolean; accept both spellings.
            let text = try scalar(value, id.rawValue)
            switch text {
            case "off", "false", "no", "disabled": config.disabledChecks.insert(id)
            default:
                guard let severity = Severity(rawValue: text) else {
                    throw error(
                        value,
                        "check \(Excerpt.quote(id.rawValue)) must be off, error, warning or info; got \(Excerpt.quote(text))"
                    )
                }
                config.severityOverrides[id] = severity
            }
        }
    }

    /// The id `text` names, or an error: a renamed id says what to write instead, an id of a gate condition or fix
    /// problem says it cannot be configured here, anything else lists the known ids.
    func checkID(_ node: Node, _ text: String, where place: String) throws(ConfigError) -> CheckID {
        let id = CheckID(text)
        if knownChecks.contains(id) { return id }
        if let renamed = CheckCatalog.deprecatedAliases[text] {
            throw error(
                node,
                "check \(Excerpt.quote(text))\(place) was renamed to '\(renamed)', which reports the same thing; "
                    + "write '\(renamed)' instead")
        }
        if let descriptor = CheckCatalog.descriptor(for: id) {
            let hint =
                descriptor.family == .gate
                ? "set its limits under budgets" : "it is reported by ctxtrim \(descriptor.family.rawValue)"
            throw error(node, "check \(Excerpt.quote(text))\(place) cannot be configured: \(hint)")
        }
        let known = knownChecks.map(\.rawValue).sorted().joined(separator: ", ")
        throw error(node, "unknown check \(Excerpt.quote(text))\(place); known checks: \(known)")
    }

    func suppressions(_ node: Node) throws(ConfigError) -> [CtxtrimConfig.Suppression] {
        guard let sequence = node.sequence else {
            throw error(node, "suppressions must be a list of entries with path and reason")
        }
        var result: [CtxtrimConfig.Suppression] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                throw error(item, "a suppression must be a mapping with path, reason and optionally checks")
            }
            var path: String?
            var reason: String?
            var checks: [CheckID]?
            for (keyNode, value) in mapping {
                switch try key(keyNode) {
                case "path": path = try scalar(value, "path")
                case "reason": reason = try scalar(value, "reason")
                case "checks":
                    let items: [Node] = value.sequence.map(Array.init) ?? [value]
                    var ids: [CheckID] = []
                    for idNode in items {
                        ids.append(try checkID(idNode, scalar(idNode, "a check id"), where: " in suppression"))
                    }
                    checks = ids
                case let other:
                    throw error(
                        keyNode, "unknown suppression key \(Excerpt.quote(other)); known keys: path, checks, reason")
                }
            }
            guard let path, !path.isEmpty else { throw error(item, "a suppression needs a path glob") }
            guard let reason, !reason.trimmingSpaces.isEmpty else {
                throw error(item, "the suppression of \(Excerpt.quote(path)) needs a reason: say why it is safe")
            }
            result.append(.init(path: path, checks: checks, reason: reason, line: item.mark?.line ?? 0))
        }
        return result
    }
}
