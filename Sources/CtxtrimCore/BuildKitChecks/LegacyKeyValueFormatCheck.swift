import DockerfileReader

/// `legacy-key-value-format` (BuildKit `LegacyKeyValueFormat`): `ENV` or `LABEL` in the `KEY value` form.
package struct LegacyKeyValueFormatCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "LegacyKeyValueFormat"

    package static let descriptor = CheckDescriptor(
        id: .legacyKeyValueFormat, title: "Legacy ENV or LABEL form",
        summary: "An `ENV` or `LABEL` uses the legacy `KEY value` form instead of `KEY=value`.",
        defaultSeverity: .warning,
        help: help(
            """
            `ENV NAME some value` sets one variable to everything after the first blank, quotes included as \
            written: `ENV A 1 B 2` is `A="1 B 2"`, not two variables. Write `ENV NAME="some value"`; several \
            `KEY=value` pairs fit on one line.
            """, id: .legacyKeyValueFormat),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`ENV key value`", triggers: true, "FROM scratch\nENV key value\n"),
            .dockerfile("`LABEL key value`", triggers: true, "FROM scratch\nLABEL key value\n"),
            .dockerfile("`ENV key=value`", triggers: false, "FROM scratch\nENV key=value\n"),
            .dockerfile(
                "`LABEL` pairs with quotes", triggers: false, "FROM scratch\nLABEL key=\"value 1\" other=2\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.flatMap(\.instructions).filter(dockerfile.usesLegacyKeyValueForm).map { instruction in
            let name = instruction.writtenKeyword
            return BuildKitViolation(
                instruction, "\"\(name) key=value\" should be used instead of legacy \"\(name) key value\" format.")
        }
    }
}
