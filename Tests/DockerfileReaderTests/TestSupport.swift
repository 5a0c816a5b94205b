import Foundation
import TestSupport
import Testing

@testable import DockerfileReader

/// Writes `text` to a fresh temporary directory as a Dockerfile, reads it back and parses it, as the tool will.
func parseFile(_ text: String, name: String = "Dockerfile") throws -> Dockerfile {
    let directory = try TemporaryTree("dockerfile")
    let file = try directory.write(name, text)
    return try Dockerfile.parse(
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self), path: name)
}

/// The error `parse` throws for `text`, or nil when it parses.
func parseError(_ text: String) -> DockerfileError? {
    do {
        _ = try Dockerfile.parse(text)
        return nil
    } catch {
        return error
    }
}

/// The context patterns the target reads, each as `pattern` or `pattern@line`.
func patterns(_ usage: ContextUsage, withLines: Bool = false) -> [String] {
    usage.sources.map { withLines ? "\($0.pattern)@\($0.line)" : $0.pattern }
}
