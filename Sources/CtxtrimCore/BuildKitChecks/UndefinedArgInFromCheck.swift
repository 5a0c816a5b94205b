import DockerfileReader
import UntrustedText

/// `undefined-arg-in-from` (BuildKit `UndefinedArgInFrom`): a `FROM` that uses a variable no global `ARG`
/// declares.
package struct UndefinedArgInFromCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "UndefinedArgInFrom"

    package static let descriptor = CheckDescriptor(
        id: .undefinedArgInFrom, title: "Undeclared argument in FROM",
        summary: "A `FROM` image or `--platform` uses a variable that no `ARG` before the first `FROM` declares.",
        defaultSeverity: .warning,
        help: help(
            """
            A `FROM` line sees only the `ARG`s declared before the first `FROM` and BuildKit's automatic \
            platform arguments (`BUILDPLATFORM`, `TARGETARCH`, ...); any other variable is empty, so \
            `FROM node:${NODE_VERSION}` without `ARG NODE_VERSION` at the top builds `node:` or fails. Declare \
            the argument before the first `FROM`; a close declared name is suggested.
            """, id: .undefinedArgInFrom),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "a misspelt platform argument", triggers: true, "FROM --platform=$BULIDPLATFORM scratch\n"),
            .dockerfile(
                "an undeclared tag part", triggers: true,
                "ARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n"),
            .dockerfile("a declared argument", triggers: false, "ARG base=scratch\nFROM $base\nCOPY Dockerfile .\n"),
            .dockerfile(
                "an automatic platform argument", triggers: false, "FROM --platform=$BUILDPLATFORM scratch\n"),
            .dockerfile(
                "an argument without a default", triggers: false, "ARG DEBUG\nFROM scratch${DEBUG}\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let scope = BuildKitGlobalScope(dockerfile)
        let declared = scope.declared.sorted()
        return dockerfile.stages.flatMap { stage -> [BuildKitViolation] in
            guard let from = dockerfile.fromInstruction(of: stage) else { return [] }
            let words = [stage.from.image] + (stage.from.platform.map { [$0] } ?? [])
            var reported: Set<String> = []
            return words.flatMap { word in
                let unmatched = dockerfile.expand(word, variables: scope.values)?.unmatched ?? []
                return unmatched.filter { !scope.declared.contains($0) && reported.insert($0).inserted }.map {
                    name in
                    let suggestion = BuildKitSuggestion.closest(to: name, in: declared)
                    return BuildKitViolation(
                        from,
                        "FROM argument \(Excerpt.quote(name)) is not declared"
                            + (suggestion.map { " (did you mean \(Excerpt.bare($0))?)" } ?? "") + ".")
                }
            }
        }
    }
}
