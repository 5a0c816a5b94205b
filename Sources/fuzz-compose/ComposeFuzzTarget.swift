import CtxtrimCore
import FuzzSupport

/// Fuzzing of the compose loader used by `--all`: any bytes give the services' builds or a `MonorepoError` with
/// the malformed-compose code and a line within the file; never a crash or a hang.
package enum ComposeFuzzTarget {
    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let lastLine = FuzzText.lastLine(data)
        do throws(MonorepoError) {
            let compose = try ComposeFile.parse(text, source: "compose.yaml")
            for service in compose.builds {
                guard let build = service.build, FuzzText.isOutside(build.line, lastLine: lastLine) else { continue }
                return "build of \(service.name) on line \(build.line) of \(lastLine)"
            }
        } catch {
            if error.code != .malformedCompose && error.code != .requiredVariable {
                return "unexpected error code \(error.code): \(error)"
            }
            if FuzzText.isOutside(error.line, lastLine: lastLine) { return "error on line \(error.line!): \(error)" }
        }
        return nil
    }
}
