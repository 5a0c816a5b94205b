import DockerfileReader

/// `json-args-recommended` (BuildKit `JSONArgsRecommended`): `CMD` or `ENTRYPOINT` in shell form.
package struct JSONArgsRecommendedCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "JSONArgsRecommended"

    package static let descriptor = CheckDescriptor(
        id: .jsonArgsRecommended, title: "CMD or ENTRYPOINT in shell form",
        summary: "A `CMD` or `ENTRYPOINT` uses the shell form, so the program does not get the container's signals.",
        defaultSeverity: .warning,
        help: help(
            """
            `CMD node server.js` runs as `/bin/sh -c "node server.js"`: the shell is PID 1 and does not pass \
            `SIGTERM` on, so `docker stop` waits and then kills the program. Write the exec form \
            (`CMD ["node", "server.js"]`), or `exec` the program from a script. As BuildKit does, a stage that \
            sets its own `SHELL` before (itself or a stage it is built from) is not reported; a `SHELL` set by the \
            base image is not known offline.
            """, id: .jsonArgsRecommended),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`CMD` in shell form", triggers: true, "FROM scratch\nCMD mycommand\n"),
            .dockerfile(
                "`ENTRYPOINT` in shell form", triggers: true, "FROM alpine:3.20\nENTRYPOINT /app/run --port 80\n"),
            .dockerfile("exec form", triggers: false, "FROM scratch\nCMD [\"mycommand\"]\n"),
            .dockerfile(
                "after `SHELL`", triggers: false,
                "FROM alpine:3.20\nSHELL [\"/bin/sh\", \"-c\"]\nENTRYPOINT /app/run\n"),
            .dockerfile(
                "`SHELL` in the stage built from", triggers: false,
                "FROM alpine:3.20 AS base\nSHELL [\"/bin/ash\", \"-c\"]\nFROM base\nCMD /app/run\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        var setsShell: [Bool] = []
        var found: [BuildKitViolation] = []
        for stage in dockerfile.stages {
            var shell = dockerfile.parentStage(of: stage, scope: scope).map { setsShell[$0] } ?? false
            for instruction in stage.instructions {
                if instruction.keyword == "SHELL" { shell = true }
                if ["CMD", "ENTRYPOINT"].contains(instruction.keyword), instruction.execForm == nil, !shell,
                    !instruction.arguments.isEmpty
                {
                    found.append(
                        BuildKitViolation(
                            instruction,
                            """
                            JSON arguments recommended for \(instruction.writtenKeyword) to prevent unintended \
                            behavior related to OS signals.
                            """))
                }
            }
            setsShell.append(shell)
        }
        return found
    }
}
