import DockerfileReader
import UntrustedText

/// `from-platform-flag-const-disallowed` (BuildKit `FromPlatformFlagConstDisallowed`): `FROM --platform=` with a
/// fixed platform.
package struct FromPlatformFlagConstDisallowedCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "FromPlatformFlagConstDisallowed"

    package static let descriptor = CheckDescriptor(
        id: .fromPlatformFlagConstDisallowed, title: "Constant FROM --platform",
        summary: "A `FROM --platform` names a fixed platform instead of a variable.",
        defaultSeverity: .warning,
        help: help(
            """
            `FROM --platform=linux/amd64 node` pins the stage to one platform: a multi-platform build, or a build \
            on an arm64 machine, silently runs it emulated or produces the wrong image. Use `$BUILDPLATFORM` or \
            `$TARGETPLATFORM`, or drop the flag. As BuildKit does, a stage whose name contains the platform's OS \
            or architecture (`AS build-amd64`) is taken as meant for it, and a value BuildKit cannot read is left \
            to the build to refuse.
            """, id: .fromPlatformFlagConstDisallowed),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`--platform=linux/amd64`", triggers: true, "FROM --platform=linux/amd64 scratch\n"),
            .dockerfile(
                "`--platform=linux/arm64` on a named stage", triggers: true,
                "FROM --platform=linux/arm64 alpine:3.20 AS build\nRUN true\n"),
            .dockerfile(
                "the architecture in the stage name", triggers: false,
                "FROM --platform=linux/amd64 scratch AS my_amd64_stage\n"),
            .dockerfile(
                "the OS as the stage name", triggers: false, "FROM --platform=linux/amd64 scratch AS linux\n"),
            .dockerfile("a variable", triggers: false, "FROM --platform=$BUILDPLATFORM scratch\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        return dockerfile.stages.compactMap { stage in
            guard let value = stage.from.platform, let from = dockerfile.fromInstruction(of: stage),
                let expanded = dockerfile.expand(value, variables: scope.values),
                expanded.matched.isEmpty, expanded.unmatched.isEmpty,
                let platform = PlatformSpecifier(expanded.text)
            else { return nil }
            let name = stage.name ?? ""
            guard !name.contains(platform.os), !name.contains(platform.architecture) else { return nil }
            return BuildKitViolation(
                from, "FROM --platform flag should not use constant value \(Excerpt.quote(expanded.text)).")
        }
    }
}
