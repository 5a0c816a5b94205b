import DockerIgnore
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
/// large-file-threshold: 50MiB   # large-file reports local files of at least this size (default 10MiB)
/// checks:
///   editor-junk: off            # disable a check
///   build-output: error         # change its severity
/// suppressions:
///   - path: "test/fixtures/**"  # .dockerignore pattern syntax
///     checks: [secret-file]     # optional: all checks when absent
///     reason: fake keys used by unit tests   # required
/// discovery:                    # --all, read from the repository root
///   exclude: ["examples/**"]    # Dockerfiles, compose and bake files no build should come from
///   test-data: skip             # skip (default) or include `testdata/`, `fixtures/`, ... directories
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
    package var budgets = Budgets()
    package var failOn: FailThreshold?
    package var severityOverrides: [CheckID: Severity] = [:]
    package var disabledChecks: Set<CheckID> = []
    package var suppressions: [Suppression] = []
    /// `large-file-threshold`: the size from which `large-file` reports a file; nil for its default.
    package var largeFileThreshold: Int64?
    /// `discovery`: which files `--all` leaves out when it looks for builds.
    package var discovery = DiscoverySettings()

    /// The `discovery` section: `.dockerignore`-syntax globs over paths from the repository root, and whether
    /// test-data directories are left out (``DiscoveryExclusion``).
    package struct DiscoverySettings: Sendable, Equatable {
        /// One `exclude` glob and its line in the config file.
        package struct Pattern: Sendable, Equatable {
            package var glob: String
            package var line: Int
        }

        package var exclude: [Pattern] = []
        package var skipsTestData = true

        package init(exclude: [Pattern] = [], skipsTestData: Bool = true) {
            self.exclude = exclude
            self.skipsTestData = skipsTestData
        }
    }

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
                .invalidYAML, file: source, line: Self.line(of: error), problem: "not valid YAML",
                fix: "fix the YAML syntax", detail: Self.describe(error))
        } catch {
            throw ConfigError(
                .invalidYAML, file: source, line: nil, problem: "not valid YAML", fix: "fix the YAML syntax")
        }
        guard let root else { return config }
        let reader = Reader(source: source, knownChecks: knownChecks)
        guard let mapping = root.mapping else {
            throw reader.error(
                .invalidValue, root, nil, "the top level must be a mapping of settings",
                fix: "write settings such as 'fail-on: warning'; known settings: \(Reader.settings)")
        }
        for (key, value) in mapping {
            switch try reader.key(key, in: nil) {
            case "budgets": try reader.budgets(value, into: &config)
            case "fail-on": config.failOn = try reader.failThreshold(value)
            case "checks": try reader.checks(value, into: &config)
            case "suppressions": config.suppressions = try reader.suppressions(value)
            case "large-file-threshold": config.largeFileThreshold = try reader.largeFileThreshold(value)
            case "discovery": config.discovery = try reader.discovery(value)
            case let other:
                throw reader.error(
                    .unknownKey, key, other, "unknown setting \(Excerpt.quote(other))",
                    fix: "remove it or correct its spelling; known settings: \(Reader.settings)")
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

/// Reads the config tree node by node, turning every bad key or value into an error at its line and key path.
private struct Reader {
    static let settings = "budgets, fail-on, checks, suppressions, large-file-threshold, discovery"
    static let budgets = "max-size, max-files, max-transferred-size, max-transferred-files, max-growth"

    let source: String
    let knownChecks: Set<CheckID>

    func error(
        _ code: ConfigError.Code, _ node: Node, _ keyPath: String?, _ problem: String, fix: String? = nil
    ) -> ConfigError {
        ConfigError(code, file: source, line: node.mark?.line, keyPath: keyPath, problem: problem, fix: fix)
    }

    /// `parent.name`, or `name` at the top.
    static func path(_ parent: String?, _ name: String) -> String { parent.map { "\($0).\(name)" } ?? name }

    func key(_ node: Node, in parent: String?) throws(ConfigError) -> String {
        guard let text = node.scalar?.string else {
            throw error(
                .invalidValue, node, parent, "a key\(parent.map { " in \($0)" } ?? "") must be a plain string",
                fix: "write the key as a word, such as max-size")
        }
        return text
    }

    func scalar(_ node: Node, _ keyPath: String) throws(ConfigError) -> String {
        guard let text = node.scalar?.string else {
            throw error(
                .invalidValue, node, keyPath, "\(keyPath) must be a single value",
                fix: "write one value after the colon, not a list or a mapping")
        }
        return text
    }

    func budgets(_ node: Node, into config: inout CtxtrimConfig) throws(ConfigError) {
        guard let mapping = node.mapping else {
            throw error(
                .invalidValue, node, "budgets", "budgets must be a mapping",
                fix: "write budgets such as 'max-size: 200MiB' on the lines below, indented")
        }
        for (keyNode, value) in mapping {
            let name = try key(keyNode, in: "budgets")
            let keyPath = Self.path("budgets", name)
            switch name {
            case "max-size", "max-transferred-size":
                let text = try scalar(value, keyPath)
                let bytes: Int64
                do throws(ByteCount.ParseError) {
                    bytes = try ByteCount.read(text)
                } catch {
                    throw self.error(
                        .invalidValue, value, keyPath,
                        "\(keyPath) must be a size such as 200MiB, 1.5GB or 500000 up to 8 EiB; got '\(text)': \(error)"
                    )
                }
                if name == "max-size" {
                    config.budgets.maxSize = bytes
                } else {
                    config.budgets.maxTransferredSize = bytes
                }
            case "max-files", "max-transferred-files":
                let text = try scalar(value, keyPath)
                let count: Int64
                do throws(ByteCount.ParseError) {
                    count = try ByteCount.count(text)
                } catch {
                    throw self.error(
                        .invalidValue, value, keyPath,
                        "\(keyPath) must be a whole number of files from 0 to \(Int64.max); got '\(text)': \(error)")
                }
                if name == "max-files" {
                    config.budgets.maxFiles = Int(count)
                } else {
                    config.budgets.maxTransferredFiles = Int(count)
                }
            case "max-growth":
                let text = try scalar(value, keyPath)
                let limit: GrowthLimit
                do throws(ByteCount.ParseError) {
                    limit = try GrowthLimit.read(text)
                } catch {
                    throw self.error(
                        .invalidValue, value, keyPath,
                        "\(keyPath) must be a percentage from 0% to \(Int(GrowthLimit.maxPercent))% such as 10% or a "
                            + "size such as 50MiB; got '\(text)': \(error)")
                }
                config.budgets.maxGrowth = limit
            default:
                throw error(
                    .unknownKey, keyNode, keyPath, "unknown budget '\(name)' in budgets",
                    fix: "remove it or correct its spelling; known budgets: \(Self.budgets)")
            }
        }
    }

    func largeFileThreshold(_ node: Node) throws(ConfigError) -> Int64 {
        let keyPath = "large-file-threshold"
        let text = try scalar(node, keyPath)
        let bytes: Int64
        do throws(ByteCount.ParseError) {
            bytes = try ByteCount.read(text)
        } catch {
            throw self.error(
                .invalidValue, node, keyPath,
                "\(keyPath) must be a size such as 50MiB, 1GB or 20000000 up to 8 EiB; got \(Excerpt.quote(text)): \(error)"
            )
        }
        guard bytes > 0 else {
            throw self.error(
                .invalidValue, node, keyPath, "\(keyPath) must be at least 1 byte; got \(Excerpt.quote(text))",
                fix: "write a size such as 50MiB, or turn the check off with 'checks: {large-file: off}'")
        }
        return bytes
    }

    func discovery(_ node: Node) throws(ConfigError) -> CtxtrimConfig.DiscoverySettings {
        guard let mapping = node.mapping else {
            throw error(
                .invalidValue, node, "discovery", "discovery must be a mapping",
                fix: "write 'exclude:' and 'test-data:' on the lines below, indented")
        }
        var settings = CtxtrimConfig.DiscoverySettings()
        for (keyNode, value) in mapping {
            let name = try key(keyNode, in: "discovery")
            let keyPath = Self.path("discovery", name)
            switch name {
            case "exclude":
                let items: [Node] = value.sequence.map(Array.init) ?? [value]
                for item in items {
                    let glob = try scalar(item, keyPath)
                    let line = item.mark?.line ?? 0
                    do throws(IgnoreError) {
                        let file = try IgnoreFile.parse(text: glob, source: source)
                        _ = try IgnoreMatcher(file).excluded("probe")
                    } catch {
                        throw self.error(
                            .invalidValue, item, keyPath,
                            "\(keyPath) has an invalid glob \(Excerpt.quote(glob)): \(error.dockerMessage)",
                            fix: "write a .dockerignore pattern such as 'examples/**'")
                    }
                    settings.exclude.append(.init(glob: glob, line: line))
                }
            case "test-data":
                switch try scalar(value, keyPath) {
                case "skip": settings.skipsTestData = true
                case "include": settings.skipsTestData = false
                case let other:
                    throw error(
                        .invalidValue, value, keyPath,
                        "\(keyPath) must be skip or include; got \(Excerpt.quote(other))")
                }
            default:
                throw error(
                    .unknownKey, keyNode, keyPath, "unknown setting \(Excerpt.quote(name)) in discovery",
                    fix: "remove it or correct its spelling; known settings: exclude, test-data")
            }
        }
        return settings
    }

    func failThreshold(_ node: Node) throws(ConfigError) -> FailThreshold {
        let text = try scalar(node, "fail-on")
        guard let threshold = FailThreshold(rawValue: text) else {
            throw error(
                .invalidValue, node, "fail-on",
                "fail-on must be one of error, warning, info, never; got \(Excerpt.quote(text))")
        }
        return threshold
    }

    func checks(_ node: Node, into config: inout CtxtrimConfig) throws(ConfigError) {
        guard let mapping = node.mapping else {
            throw error(
                .invalidValue, node, "checks", "checks must map check ids to off or a severity",
                fix: "write entries such as 'editor-junk: off' on the lines below, indented")
        }
        for (keyNode, value) in mapping {
            let name = try key(keyNode, in: "checks")
            let keyPath = Self.path("checks", name)
            let id = try checkID(keyNode, name, keyPath: keyPath, where: "")
            // YAML 1.1 reads a bare `off`/`no` as a boolean; accept both spellings.
            let text = try scalar(value, keyPath)
            switch text {
            case "off", "false", "no", "disabled": config.disabledChecks.insert(id)
            default:
                guard let severity = Severity(rawValue: text) else {
                    throw error(
                        .invalidValue, value, keyPath,
                        "check \(Excerpt.quote(id.rawValue)) must be off, error, warning or info; got \(Excerpt.quote(text))"
                    )
                }
                config.severityOverrides[id] = severity
            }
        }
    }

    /// The id `text` names (an id, or BuildKit's name of one such as `CopyIgnoredFile`), or an error: a renamed id says what to write instead, an id of a gate condition or fix
    /// problem says it cannot be configured here, anything else lists the known ids.
    func checkID(_ node: Node, _ text: String, keyPath: String, where place: String) throws(ConfigError) -> CheckID {
        let id = CheckID(text)
        if knownChecks.contains(id) { return id }
        // BuildKit's rule name of a check that mirrors `docker build --check` names it as well.
        if let named = CheckCatalog.buildKitNames[text], knownChecks.contains(named) { return named }
        if let renamed = CheckCatalog.deprecatedAliases[text] {
            throw error(
                .unknownCheck, node, keyPath,
                "check \(Excerpt.quote(text))\(place) was renamed to '\(renamed)', which reports the same thing",
                fix: "write '\(renamed)' instead")
        }
        if let descriptor = CheckCatalog.descriptor(for: id) {
            let hint =
                descriptor.family == .gate
                ? "set its limits under budgets" : "it is reported by ctxtrim \(descriptor.family.rawValue)"
            throw error(
                .unknownCheck, node, keyPath, "check \(Excerpt.quote(text))\(place) cannot be configured",
                fix: hint)
        }
        let known = knownChecks.map(\.rawValue).sorted().joined(separator: ", ")
        throw error(
            .unknownCheck, node, keyPath, "unknown check \(Excerpt.quote(text))\(place)",
            fix: "`ctxtrim checks` lists them; known checks: \(known)")
    }

    func suppressions(_ node: Node) throws(ConfigError) -> [CtxtrimConfig.Suppression] {
        guard let sequence = node.sequence else {
            throw error(
                .invalidValue, node, "suppressions", "suppressions must be a list of entries with path and reason",
                fix: "write each entry as '- path: GLOB' with 'reason: WHY' below it")
        }
        var result: [CtxtrimConfig.Suppression] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "suppressions[\(index)]"
            guard let mapping = item.mapping else {
                throw error(
                    .invalidValue, item, itemPath,
                    "\(itemPath) must be a mapping with path, reason and optionally checks")
            }
            var path: String?
            var reason: String?
            var checks: [CheckID]?
            for (keyNode, value) in mapping {
                let name = try key(keyNode, in: itemPath)
                let keyPath = Self.path(itemPath, name)
                switch name {
                case "path": path = try scalar(value, keyPath)
                case "reason": reason = try scalar(value, keyPath)
                case "checks":
                    let items: [Node] = value.sequence.map(Array.init) ?? [value]
                    var ids: [CheckID] = []
                    for idNode in items {
                        ids.append(
                            try checkID(idNode, scalar(idNode, keyPath), keyPath: keyPath, where: " in suppression"))
                    }
                    checks = ids
                case let other:
                    throw error(
                        .unknownKey, keyNode, keyPath, "unknown suppression key \(Excerpt.quote(other))",
                        fix: "remove it or correct its spelling; known keys: path, checks, reason")
                }
            }
            guard let path, !path.isEmpty else {
                throw error(
                    .missingValue, item, Self.path(itemPath, "path"), "\(itemPath) needs a path glob",
                    fix: "add 'path: GLOB' in .dockerignore pattern syntax")
            }
            guard let reason, !reason.trimmingSpaces.isEmpty else {
                throw error(
                    .missingValue, item, Self.path(itemPath, "reason"),
                    "the suppression of \(Excerpt.quote(path)) needs a reason",
                    fix: "add 'reason:' saying why it is safe")
            }
            result.append(.init(path: path, checks: checks, reason: reason, line: item.mark?.line ?? 0))
        }
        return result
    }
}
