import DockerfileReader
import UntrustedText

/// `expose-proto-casing` (BuildKit `ExposeProtoCasing`): an `EXPOSE` protocol written with capitals.
package struct ExposeProtoCasingCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "ExposeProtoCasing"

    package static let descriptor = CheckDescriptor(
        id: .exposeProtoCasing, title: "EXPOSE protocol not lower case",
        summary: "An `EXPOSE` protocol is not written in lower case (`80/TCP`).",
        defaultSeverity: .warning,
        help: help(
            """
            BuildKit lower-cases the protocol of `EXPOSE 80/TCP`, but other tools that read the Dockerfile may \
            not. Write `tcp`, `udp` or `sctp`.
            """, id: .exposeProtoCasing),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`EXPOSE 80/TcP`", triggers: true, "FROM scratch\nEXPOSE 80/TcP 8080/udp\n"),
            .dockerfile("`EXPOSE 53/UDP`", triggers: true, "FROM scratch\nEXPOSE 53/UDP\n"),
            .dockerfile("`EXPOSE 80/tcp`", triggers: false, "FROM scratch\nEXPOSE 80/tcp 8080/udp\n"),
            .dockerfile("no protocol", triggers: false, "FROM scratch\nEXPOSE 8080\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        ExposedPort.all(in: dockerfile).filter { $0.port.proto != $0.port.proto.lowercased() }.map {
            BuildKitViolation(
                $0.instruction,
                "Defined protocol \(Excerpt.quote($0.port.raw)) in EXPOSE instruction should be lowercase.")
        }
    }
}
