import DockerfileReader
import UntrustedText

/// `expose-invalid-format` (BuildKit `ExposeInvalidFormat`): an `EXPOSE` with an IP address or a host port.
package struct ExposeInvalidFormatCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "ExposeInvalidFormat"

    package static let descriptor = CheckDescriptor(
        id: .exposeInvalidFormat, title: "EXPOSE with a host mapping",
        summary: "An `EXPOSE` names an IP address or host port, which only `docker run -p` can set.",
        defaultSeverity: .warning,
        help: help(
            """
            `EXPOSE` documents the container's ports; `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80:80` looks like a \
            mapping but maps nothing, and a future BuildKit will refuse it. Write the container port alone \
            (`EXPOSE 80`) and map it with `docker run -p 8080:80`.
            """, id: .exposeInvalidFormat),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("a host port", triggers: true, "FROM scratch\nEXPOSE 8080:80\n"),
            .dockerfile("an IP address", triggers: true, "FROM scratch\nEXPOSE 127.0.0.1:80:80/tcp\n"),
            .dockerfile("container ports", triggers: false, "FROM scratch\nEXPOSE 80 443/tcp\n"),
            .dockerfile("a port range", triggers: false, "FROM scratch\nEXPOSE 8000-8010/udp\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        ExposedPort.all(in: dockerfile).filter { !$0.port.ip.isEmpty || !$0.port.hostPort.isEmpty }.map {
            BuildKitViolation(
                $0.instruction,
                """
                EXPOSE instruction should not define an IP address or host-port mapping, found \
                \(Excerpt.quote($0.port.raw)).
                """)
        }
    }
}
