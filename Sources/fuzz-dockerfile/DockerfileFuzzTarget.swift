import DockerfileReader
import FuzzSupport

/// Fuzzing of the Dockerfile reader: any bytes parse or fail with a `DockerfileError`; the context usage of every
/// named stage and of the default target resolves or fails the same way. Never a crash or a hang.
///
/// Input: Dockerfile bytes, then NUL-separated context paths to ask `references(path:)` about. Lines in errors and
/// sources lie within the file.
package enum DockerfileFuzzTarget {
    /// Build arguments a CI run typically passes, so `ARG`-dependent sources take both branches.
    static let buildArgs = ["TARGETARCH": "amd64", "TARGETPLATFORM": "linux/amd64", "APP": "web", "VERSION": "1.2"]

    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let (head, rawPaths) = FuzzInput.split(data)
        let text = String(decoding: head, as: UTF8.self)
        let lastLine = FuzzText.lastLine(head)
        func badLine(_ line: Int?) -> Bool { FuzzText.isOutside(line, lastLine: lastLine) }

        let dockerfile: Dockerfile
        do throws(DockerfileError) {
            dockerfile = try Dockerfile.parse(text)
        } catch {
            return badLine(error.line) ? "parse error on line \(error.line!) of \(lastLine): \(error)" : nil
        }
        if dockerfile.stages.isEmpty { return "parsed without stages" }
        let paths = rawPaths.prefix(32).compactMap(FuzzInput.cleanPath)
        let targets: [String?] = [nil] + dockerfile.stages.prefix(16).compactMap(\.name)
        for target in targets {
            for buildArgs in [[:], Self.buildArgs] {
                let usage: ContextUsage
                do throws(DockerfileError) {
                    usage = try dockerfile.contextUsage(target: target, buildArgs: buildArgs)
                } catch {
                    if badLine(error.line) { return "contextUsage error on line \(error.line!): \(error)" }
                    continue
                }
                if !usage.stages.contains(where: { $0.index == usage.targetStage }) {
                    return "target stage \(usage.targetStage) missing from its own usage"
                }
                for source in usage.sources {
                    if badLine(source.line) { return "source \(source.pattern) on line \(source.line) of \(lastLine)" }
                    _ = source.references(path: source.pattern)
                }
                for path in paths { _ = usage.references(path: path) }
                _ = usage.referencesEverything
            }
        }
        return nil
    }
}
