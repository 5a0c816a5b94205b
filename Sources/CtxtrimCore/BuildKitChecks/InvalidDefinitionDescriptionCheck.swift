import DockerfileReader
import UntrustedText

/// `invalid-definition-description` (BuildKit `InvalidDefinitionDescription`, experimental): the comment above a
/// named stage or an `ARG` does not start with the name it describes.
package struct InvalidDefinitionDescriptionCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "InvalidDefinitionDescription"
    package static let isExperimental = true

    package static let descriptor = CheckDescriptor(
        id: .invalidDefinitionDescription, title: "Description comment without the name",
        summary: "The comment above a named stage or `ARG` does not start with its name (opt-in, as in BuildKit).",
        defaultSeverity: .warning,
        help: help(
            """
            Tools that list a Dockerfile's build arguments and targets (`docker buildx build --call outline`) \
            take the comment right above an `ARG` or `FROM ... AS name` as its description when it starts with \
            the name: `# version the release to build`. BuildKit runs this rule only when the Dockerfile asks \
            with `# check=experimental=InvalidDefinitionDescription` (or `experimental=all`), and so does \
            ctxtrim. Start the comment with the name, or separate it with an empty `#` line.
            """, id: .invalidDefinitionDescription),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "a comment for another name", triggers: true,
                "# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\nFROM scratch\n"),
            .dockerfile(
                "a stage comment in another case", triggers: true,
                "# check=experimental=all\n# BasE this is the base image\nFROM scratch AS base\n"),
            .dockerfile(
                "comments that start with the names", triggers: false,
                """
                # check=experimental=InvalidDefinitionDescription
                # foo this is the foo
                ARG foo=bar
                # base this is the base image
                FROM scratch AS base
                """),
            .dockerfile(
                "an empty comment line between", triggers: false,
                "# check=experimental=InvalidDefinitionDescription\n# some note\n#\nARG bit=bat\nFROM scratch\n"),
            .dockerfile(
                "not asked for", triggers: false, "# definitely a bad comment\nARG version=latest\nFROM scratch\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.instructions.compactMap { instruction in
            let (keyword, names): (String, [String])
            switch instruction.detail {
            case .arg(let definitions): (keyword, names) = ("ARG", definitions.map(\.name))
            case .from(let from):
                guard let name = from.stageName else { return nil }
                (keyword, names) = ("FROM", [name])
            default: return nil
            }
            guard let last = instruction.comments.last, !names.isEmpty else { return nil }
            let firstWord = last.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard !names.contains(String(firstWord)) else { return nil }
            let example = names.count > 1 ? "<arg_key>" : names[0]
            return BuildKitViolation(
                instruction,
                "Comment for \(keyword) should follow the format: `# \(Excerpt.bare(example)) <description>`.")
        }
    }
}
