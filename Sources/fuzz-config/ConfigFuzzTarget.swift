import CtxtrimCore
import FuzzSupport

/// Fuzzing of the `.ctxtrim.yml` loader: any bytes give a config or a `ConfigError` whose line lies within the
/// file; never a crash or a hang. Suppressions keep their line within the file too.
package enum ConfigFuzzTarget {
    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let lastLine = FuzzText.lastLine(data)
        do throws(ConfigError) {
            let config = try CtxtrimConfig.parse(text, source: ".ctxtrim.yml", knownChecks: CheckCatalog.ids)
            for suppression in config.suppressions where FuzzText.isOutside(suppression.line, lastLine: lastLine) {
                return "suppression of \(suppression.path) on line \(suppression.line) of \(lastLine)"
            }
        } catch {
            if FuzzText.isOutside(error.line, lastLine: lastLine) { return "error on line \(error.line!): \(error)" }
        }
        return nil
    }
}
