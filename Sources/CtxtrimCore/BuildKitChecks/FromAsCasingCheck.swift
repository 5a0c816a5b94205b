import DockerfileReader
import UntrustedText

/// `from-as-casing` (BuildKit `FromAsCasing`): `AS` written in another case than `FROM`.
package struct FromAsCasingCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "FromAsCasing"

    package static let descriptor = CheckDescriptor(
        id: .fromAsCasing, title: "FROM and AS in different case",
        summary: "The `AS` keyword of a `FROM` is not in the case of `FROM`.",
        defaultSeverity: .warning,
        help: help(
            """
            `FROM image as name` mixes an upper-case keyword with a lower-case one. Write `AS` in the case of \
            `FROM` (`FROM ... AS`, `from ... as`). A `FROM` in mixed case (`From`) is left to \
            consistent-instruction-casing, as BuildKit does.
            """, id: .fromAsCasing),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`FROM scratch as base`", triggers: true, "FROM scratch as base\n"),
            .dockerfile("`from scratch AS base`", triggers: true, "from scratch AS base\n"),
            .dockerfile("`FROM scratch AS base`", triggers: false, "FROM scratch AS base\n"),
            .dockerfile("`from scratch as base`", triggers: false, "from scratch as base\n"),
            .dockerfile("`From` in mixed case", triggers: false, "From scratch as base\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.compactMap { stage in
            guard let asWord = stage.from.writtenAs, let from = dockerfile.fromInstruction(of: stage) else {
                return nil
            }
            let keyword = from.writtenKeyword
            let matches: Bool
            if keyword == keyword.lowercased() {
                matches = asWord == asWord.lowercased()
            } else if keyword == keyword.uppercased() {
                matches = asWord == asWord.uppercased()
            } else {
                matches = true
            }
            guard !matches else { return nil }
            return BuildKitViolation(
                from, "\(Excerpt.quote(asWord)) and \(Excerpt.quote(keyword)) keywords' casing do not match.")
        }
    }
}
