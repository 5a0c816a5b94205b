import Foundation

/// A Python HTTP server serving one directory on 127.0.0.1 at a port the kernel picks, killed when the value is
/// released. Tests reach nothing but this loopback address.
///
/// It is started with `posix_spawn` (`SpawnedProcess`), not Foundation's `Process`: on Linux, Process's exit
/// monitor blocks in `waitpid` on a child that is still running, so while the server lived, no command a test
/// runs through Process was ever seen to end. The server closes every descriptor above 2 it inherited (the pipes
/// of commands other tests are reading to the end) and writes the port it listens on to a file.
final class LoopbackHTTPServer {
    struct StartFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { "the loopback HTTP server did not start: \(reason)" }
    }

    /// Where python3 is, or nil when it is not installed.
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let script = """
        import functools, http.server, os, sys
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        with open(sys.argv[2] + ".tmp", "w") as port_file:
            port_file.write(str(server.server_address[1]))
        os.rename(sys.argv[2] + ".tmp", sys.argv[2])
        server.serve_forever()
        """

    private let server: SpawnedProcess
    /// The base URL, such as `http://127.0.0.1:40123`.
    let baseURL: String

    /// Serves `directory`; returns once the server listens. `portFile` is where it writes its port.
    init(serving directory: String, portFile: String) throws {
        guard let python = Self.python else { throw StartFailure(reason: "python3 is not installed") }
        server = try SpawnedProcess(python, ["-c", Self.script, directory, portFile], environment: [:])
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil, Date() < deadline, server.isRunning {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(20_000) }
        }
        guard let port else { throw StartFailure(reason: "no port in \(portFile) within 30 s") }
        baseURL = "http://127.0.0.1:\(port)"
    }
}
