/// Findings about the declaration of a build that `--all` read (a compose file), added to that build's report: they
/// are graded by the build's `.ctxtrim.yml` like every other finding.
enum DeclarationFindings {
    static let composeVariableUnsetDescriptor = CheckDescriptor(
        id: .composeVariableUnset, title: "Compose variable without a value",
        summary:
            "A compose build field names a variable with no value and no default, so compose uses an empty string.",
        defaultSeverity: .warning,
        help: """
            docker compose warns `The "VAR" variable is not set. Defaulting to a blank string.` and builds with \
            the field as if the variable were empty: a `context: ${APP_DIR}/api` becomes `/api`, a `dockerfile: \
            ${DOCKERFILE}` becomes the default Dockerfile. ctxtrim reads values from the project's `.env` (or \
            `--env-file`), and from the process environment only with `--compose-environment`. Set the variable \
            there, or give the field a default: `${VAR:-value}`.
            """,
        family: .declaration, subjects: [.declarationLine], examples: [])

    /// The findings of `build`, unless the build's enabled checks leave them out. `enabled` nil means all.
    static func findings(of build: DiscoveredBuild, enabled: Set<CheckID>?) -> [Finding] {
        guard !build.unsetVariables.isEmpty, enabled?.contains(.composeVariableUnset) ?? true,
            let composeFile = build.composeFile
        else { return [] }
        let path = relativePath(from: build.context, to: composeFile)
        let service = build.service.map { " of service `\($0)`" } ?? ""
        return build.unsetVariables.map { name in
            Finding(
                check: .composeVariableUnset, severity: .warning,
                subject: .declarationLine(path, line: build.composeLine),
                message:
                    "`${\(name)}` in the build\(service) has no value in the project's .env and no default: compose "
                    + "substitutes an empty string; set it, or write `${\(name):-default}`",
                bytes: 0, files: 0)
        }
    }

    /// `to` (relative to the repository root) as seen from the directory `from` (also root-relative): `../x` for a
    /// file beside a context one level down.
    static func relativePath(from directory: String, to path: String) -> String {
        let base = directory == "." ? [] : directory.split(separator: "/")
        let target = path.split(separator: "/")
        var common = 0
        while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }
}
