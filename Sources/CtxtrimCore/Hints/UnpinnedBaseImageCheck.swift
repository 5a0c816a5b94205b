/// `unpinned-base-image`: a base image with no tag or digest, or on `latest`, so rebuilds change under the build.
package struct UnpinnedBaseImageCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .unpinnedBaseImage, title: "Unpinned base image",
        summary: "A stage's base image has no tag or digest, or uses `latest`.",
        defaultSeverity: .warning,
        help: """
            `FROM node` and `FROM node:latest` follow whatever was pushed last: a rebuild of the same sources can \
            change or break, and the build cache cannot be shared reliably. Pin a version tag \
            (`node:22-bookworm-slim`), or a digest for fully reproducible builds (base-image-not-digest-pinned \
            says how). Only stages the target build uses are checked; `scratch`, earlier stages and references \
            with unset variables are skipped.
            """,
        family: .dockerfile, subjects: [.dockerfileLine],
        examples: [
            .dockerfile("`FROM node`", triggers: true, "FROM node\nCMD [\"node\"]\n"),
            .dockerfile("`FROM ubuntu:latest`", triggers: true, "FROM ubuntu:latest\n"),
            .dockerfile("`FROM node:22-slim`", triggers: false, "FROM node:22-slim\n"),
            .dockerfile(
                "a digest", triggers: false,
                "FROM alpine@sha256:\(String(repeating: "0", count: 64))\n"),
            .dockerfile("`FROM scratch`", triggers: false, "FROM scratch\nCOPY app /\n"),
            .dockerfile(
                "an earlier stage", triggers: false, "FROM alpine:3.20 AS base\nFROM base\nRUN true\n"),
            .dockerfile("an unset variable", triggers: false, "ARG BASE\nFROM ${BASE}\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile else { return [] }
        return dockerfile.usage.stages.compactMap { stage in
            let image = stage.baseImage
            guard image.floatsOnLatest, image.unresolvedVariables.isEmpty, let repository = image.repository else {
                return nil
            }
            let how = image.tag == nil ? "has no tag, so it floats on `latest`" : "uses `latest`"
            return finding(
                .dockerfileLine(dockerfile.displayPath, line: dockerfile.fromLine(ofStage: stage.index)),
                message: """
                    `FROM \(image.reference)` \(how): rebuilds pick up whatever was pushed last. Pin a version \
                    tag (`\(repository):<version>`) or a digest (`\(repository)@sha256:...`).
                    """)
        }
    }
}
