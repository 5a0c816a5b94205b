import DockerfileReader
import UntrustedText

/// `workdir-relative-path` (BuildKit `WorkdirRelativePath`): a stage's first `WORKDIR` is relative.
package struct WorkdirRelativePathCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "WorkdirRelativePath"

    package static let descriptor = CheckDescriptor(
        id: .workdirRelativePath, title: "Relative first WORKDIR",
        summary: "A stage's first `WORKDIR` is a relative path, which depends on the base image's working directory.",
        defaultSeverity: .warning,
        help: help(
            """
            `WORKDIR app` is resolved against the base image's working directory: when a new version of the \
            image changes it, files land elsewhere. Make the first `WORKDIR` of a stage absolute \
            (`WORKDIR /app`); later relative ones are then fixed too. A stage built from an earlier stage that \
            set a `WORKDIR` is fine, and so is a path whose variables come from the base image.
            """, id: .workdirRelativePath),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`WORKDIR app`", triggers: true, "FROM scratch\nWORKDIR app/\n"),
            .dockerfile(
                "relative in a second stage", triggers: true,
                "FROM alpine:3.20 AS build\nWORKDIR /src\nFROM alpine:3.20\nWORKDIR srv\n"),
            .dockerfile("`WORKDIR /app`", triggers: false, "FROM scratch\nWORKDIR /app/\n"),
            .dockerfile(
                "relative after an absolute one", triggers: false, "FROM scratch\nWORKDIR /app/\nWORKDIR subdir/\n"),
            .dockerfile(
                "in a stage built from one with a WORKDIR", triggers: false,
                "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        var workdirSet: [Bool] = []
        var found: [BuildKitViolation] = []
        for stage in dockerfile.stages {
            var isSet = dockerfile.parentStage(of: stage, scope: scope).map { workdirSet[$0] } ?? false
            var variables: [String: String] = [:]
            for instruction in stage.instructions {
                switch instruction.detail {
                case .arg(let definitions), .env(let definitions):
                    for definition in definitions { variables[definition.name] = definition.value ?? "" }
                default:
                    guard instruction.keyword == "WORKDIR" else { continue }
                    if !isSet, let path = dockerfile.expand(instruction.arguments, variables: variables),
                        path.unmatched.isEmpty, !Self.isAbsolute(path.text)
                    {
                        found.append(
                            BuildKitViolation(
                                instruction,
                                """
                                Relative workdir \(Excerpt.quote(path.text)) can have unexpected results if the \
                                base image changes.
                                """))
                    }
                    isSet = true
                }
            }
            workdirSet.append(isSet)
        }
        return found
    }

    /// An absolute Linux path, or a Windows one with a drive letter (`C:\app`), which ctxtrim cannot tell apart
    /// from the platform offline.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count == 3 && scalars[0].properties.isAlphabetic && scalars[1] == ":"
            && (scalars[2] == "\\" || scalars[2] == "/")
    }
}
