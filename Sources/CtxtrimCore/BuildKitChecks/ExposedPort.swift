import DockerfileReader

/// One word of an `EXPOSE`, split as BuildKit's `portSpecs.parsePort` does: `[ip:][hostPort:]containerPort[/proto]`.
struct ExposedPort {
    /// The word as written.
    let raw: String
    let ip: String
    let hostPort: String
    /// The protocol as written, empty when none is given.
    let proto: String

    /// Nil when BuildKit would refuse the word before its checks (no port, an unknown protocol).
    init?(_ raw: String) {
        self.raw = raw
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let container: String
        switch parts.count {
        case 1: (ip, hostPort, container) = ("", "", parts[0])
        case 2: (ip, hostPort, container) = ("", parts[0], parts[1])
        case 3: (ip, hostPort, container) = (parts[0], parts[1], parts[2])
        default:
            ip = parts.dropLast(2).joined(separator: ":")
            (hostPort, container) = (parts[parts.count - 2], parts[parts.count - 1])
        }
        let portAndProto = container.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let port = portAndProto.first, !port.isEmpty else { return nil }
        proto = portAndProto.count == 2 ? String(portAndProto[1]) : ""
        guard ["", "tcp", "udp", "sctp"].contains(proto.lowercased()) else { return nil }
    }

    /// The ports of every `EXPOSE` of the stages, with their instruction; words with variables are left out, since
    /// their value may come from the base image.
    static func all(in dockerfile: Dockerfile) -> [(instruction: Instruction, port: ExposedPort)] {
        dockerfile.stages.flatMap(\.instructions).filter { $0.keyword == "EXPOSE" }.flatMap { instruction in
            InstructionWords.blankSeparated(instruction.arguments).filter { !$0.contains("$") }.compactMap { word in
                ExposedPort(word).map { (instruction, $0) }
            }
        }
    }
}
