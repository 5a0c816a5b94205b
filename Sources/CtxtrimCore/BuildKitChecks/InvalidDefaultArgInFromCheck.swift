import DockerfileReader
import UntrustedText

/// `invalid-default-arg-in-from` (BuildKit `InvalidDefaultArgInFrom`): a `FROM` whose image is empty or invalid
/// when the global `ARG`s keep their defaults.
package struct InvalidDefaultArgInFromCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "InvalidDefaultArgInFrom"
    package static let readsInstructionComments = false

    package static let descriptor = CheckDescriptor(
        id: .invalidDefaultArgInFrom, title: "FROM invalid with default arguments",
        summary: "A `FROM` image is empty or not a valid reference when its `ARG`s keep their defaults.",
        defaultSeverity: .warning,
        help: help(
            """
            `ARG VERSION` then `FROM node:$VERSION` builds only when `--build-arg VERSION=...` is given: \
            without it the image is `node:`, which docker build refuses. Give the argument a default \
            (`ARG VERSION=22`). The reference is checked as BuildKit does, with the automatic platform \
            arguments and every global `ARG` at its default.
            """, id: .invalidDefaultArgInFrom),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("a tag argument without a default", triggers: true, "ARG VERSION\nFROM busybox:$VERSION\n"),
            .dockerfile("an image argument without a default", triggers: true, "ARG IMAGE\nFROM $IMAGE\n"),
            .dockerfile(
                "a default that completes the name", triggers: false,
                "ARG VERSION=\"latest\"\nFROM busybox:${VERSION}\n"),
            .dockerfile(
                "an empty suffix", triggers: false, "ARG BUSYBOX_VARIANT=\"\"\nFROM busybox:stable${BUSYBOX_VARIANT}\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        return dockerfile.stages.compactMap { stage in
            guard let expanded = dockerfile.expand(stage.from.image, variables: scope.values),
                !ImageReferenceSyntax.isValid(expanded.text), let from = dockerfile.fromInstruction(of: stage)
            else { return nil }
            return BuildKitViolation(
                from,
                "Default value for ARG \(Excerpt.quote(stage.from.image)) results in empty or invalid base image name.")
        }
    }
}
