import Yams

/// The builds a compose file declares: every service with a `build:` key.
package struct ComposeFile: Sendable {
    /// One service's `build:` section, with paths as written.
    package struct ServiceBuild: Sendable, Equatable {
        package var service: String
        /// The context as written, relative to the compose file's directory (`.` when the long form omits it).
        package var context: String
        /// The Dockerfile as written, relative to the context; nil for the default `Dockerfile`.
        package var dockerfile: String?
        package var target: String?
        /// The line of the service's `build:` key.
        package var line: Int
        /// Variables these fields name that have no value in the project's `.env` (compose substitutes "").
        package var unsetVariables: [String] = []
    }

    /// The file names Docker Compose looks for.
    package static let names: Set<String> = [
        "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
    ]

    /// Services with a build section, in file order.
    package let builds: [ServiceBuild]

    /// Parses compose YAML. `source` names the file in errors; `variables` are the project's `.env` values that
    /// `${VAR}` references in the build fields take (``ComposeInterpolation``).
    package static func parse(
        _ text: String, source: String, variables: [String: String] = [:]
    ) throws(MonorepoError) -> ComposeFile {
        let interpolation = ComposeInterpolation(values: variables)
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
        guard let root else { return ComposeFile(builds: []) }
        guard let top = root.mapping else { throw Self.error(source, root, "the top level must be a mapping") }
        guard let services = top["services"] else { return ComposeFile(builds: []) }
        guard let serviceMap = services.mapping else {
            throw Self.error(source, services, "`services` must be a mapping of service names to services")
        }
        var builds: [ServiceBuild] = []
        for (nameNode, service) in serviceMap {
            guard let name = nameNode.scalar?.string else {
                throw Self.error(source, nameNode, "a service name must be a plain string")
            }
            guard let fields = service.mapping else {
                if service.scalar?.string.isEmpty == false || service.sequence != nil {
                    throw Self.error(source, service, "service `\(name)` must be a mapping")
                }
                continue
            }
            guard let build = fields["build"] else { continue }
            let line = build.mark?.line ?? service.mark?.line ?? 0
            var unset: [String] = []
            func value(_ node: Node?) throws(MonorepoError) -> String? {
                guard let node, let text = try Self.string(node, source, name) else { return nil }
                do throws(ComposeInterpolation.Failure) {
                    let result = try interpolation.interpolate(text)
                    unset += result.unset
                    return result.text
                } catch {
                    throw Self.error(source, node, "service `\(name)`: \(error.problem)")
                }
            }
            var found: ServiceBuild
            if build.scalar != nil {
                found = ServiceBuild(service: name, context: try value(build) ?? ".", line: line)
            } else if let long = build.mapping {
                found = ServiceBuild(
                    service: name, context: try value(long["context"]) ?? ".",
                    dockerfile: try value(long["dockerfile"]),
                    target: try value(long["target"]), line: line)
            } else {
                throw Self.error(source, build, "`build` of service `\(name)` must be a path or a mapping")
            }
            if found.context.isEmpty { found.context = "." }
            if found.dockerfile?.isEmpty == true { found.dockerfile = nil }
            if found.target?.isEmpty == true { found.target = nil }
            found.unsetVariables = unset
            builds.append(found)
        }
        return ComposeFile(builds: builds)
    }

    private static func string(_ node: Node?, _ source: String, _ service: String) throws(MonorepoError) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else {
            throw error(source, node, "a `build` field of service `\(service)` must be a single value")
        }
        return text
    }

    private static func error(_ source: String, _ node: Node, _ message: String) -> MonorepoError {
        MonorepoError(code: .malformedCompose, file: source, line: node.mark?.line, message: message)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        // Other cases carry the text itself: never quoted.
        default: "the text cannot be read as YAML (not UTF-8, or a control character)"
        }
    }
}
