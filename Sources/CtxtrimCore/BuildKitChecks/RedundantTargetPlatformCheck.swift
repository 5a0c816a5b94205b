import DockerfileReader
import UntrustedText

/// `redundant-target-platform` (BuildKit `RedundantTargetPlatform`): `FROM --platform=$TARGETPLATFORM`.
package struct RedundantTargetPlatformCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "RedundantTargetPlatform"

    package static let descriptor = CheckDescriptor(
        id: .redundantTargetPlatform, title: "Redundant --platform=$TARGETPLATFORM",
        summary: "A `FROM` sets `--platform` to `$TARGETPLATFORM`, which is already the default.",
        defaultSeverity: .warning,
        help: help(
            """
            A stage is built for the target platform unless `--platform` says otherwise, so \
            `--platform=$TARGETPLATFORM` changes nothing and suggests a cross-build that is not there. Remove \
            the flag, or use `$BUILDPLATFORM` for a stage that should run on the builder. Reported only when \
            the value is that one variable alone, as BuildKit does.
            """, id: .redundantTargetPlatform),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`$TARGETPLATFORM`", triggers: true, "FROM --platform=$TARGETPLATFORM scratch\n"),
            .dockerfile(
                "`${TARGETPLATFORM}` on a named stage", triggers: true,
                "FROM --platform=${TARGETPLATFORM} alpine:3.20 AS app\nRUN true\n"),
            .dockerfile("`$BUILDPLATFORM`", triggers: false, "FROM --platform=$BUILDPLATFORM scratch\n"),
            .dockerfile(
                "`$TARGETPLATFORM` with another variable", triggers: false,
                "FROM --platform=${TARGETPLATFORM}${SUFFIX} scratch\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        return dockerfile.stages.compactMap { stage in
            guard let platform = stage.from.platform, let from = dockerfile.fromInstruction(of: stage),
                let expanded = dockerfile.expand(platform, variables: scope.values),
                expanded.matched == ["TARGETPLATFORM"], expanded.unmatched.isEmpty,
                expanded.text == scope.values["TARGETPLATFORM"]
            else { return nil }
            return BuildKitViolation(
                from,
                """
                Setting platform to predefined \(Excerpt.quote(platform)) in FROM is redundant as this is the \
                default behavior.
                """)
        }
    }
}
