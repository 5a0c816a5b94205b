/// `base-image-not-digest-pinned`: a base image with a version tag but no digest, so the tag can move under the
/// build.
package struct BaseImageDigestCheck: LintCheck {
    package init() {}

    private static let zeroDigest = "sha256:" + String(repeating: "0", count: 64)

    package static let descriptor = CheckDescriptor(
        id: .baseImageNotDigestPinned, title: "Base image not pinned to a digest",
        summary: "A stage's base image has a version tag but no `@sha256:` digest.",
        defaultSeverity: .info,
        help: """
            A tag such as `node:22-slim` is moved by every rebuild of the image upstream (security fixes, a new \
            minor version), so two builds of the same commit can differ. Writing the digest after the tag \
            (`node:22-slim@sha256:<digest>`) pins the exact image and keeps the tag readable; a tool such as \
            Dependabot or Renovate can then move both together. ctxtrim works offline and cannot look the digest \
            up: `docker buildx imagetools inspect node:22-slim` prints it (the `Digest:` line). Only stages the \
            target build uses are checked; `scratch`, earlier stages, references with unset variables and \
            images on `latest` or without a tag (unpinned-base-image) are skipped.
            """,
        family: .dockerfile, subjects: [.dockerfileLine],
        examples: [
            .dockerfile("`FROM node:22-slim`", triggers: true, "FROM node:22-slim\nCMD [\"node\"]\n"),
            .dockerfile(
                "a registry image with a tag", triggers: true,
                "FROM ghcr.io/acme/base:1.4 AS base\nFROM base\nRUN true\n"),
            .dockerfile("a tag and a digest", triggers: false, "FROM alpine:3.20@\(zeroDigest)\n"),
            .dockerfile("`FROM node` (no tag)", triggers: false, "FROM node\n"),
            .dockerfile("`FROM scratch`", triggers: false, "FROM scratch\nCOPY app /\n"),
            .dockerfile("an unset variable", triggers: false, "ARG TAG\nFROM alpine:${TAG}\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile else { return [] }
        return dockerfile.usage.stages.compactMap { stage in
            let image = stage.baseImage
            guard image.kind == .image, image.digest == nil, !image.floatsOnLatest,
                image.unresolvedVariables.isEmpty, let repository = image.repository, let tag = image.tag
            else { return nil }
            let reference = "\(repository):\(tag)"
            return finding(
                .dockerfileLine(dockerfile.displayPath, line: dockerfile.fromLine(ofStage: stage.index)),
                message: """
                    `FROM \(reference)` has a tag but no digest: the tag can move to another image. Write \
                    `\(reference)@sha256:<digest>`; ctxtrim cannot look the digest up offline, `docker buildx \
                    imagetools inspect \(reference)` prints it.
                    """)
        }
    }
}
