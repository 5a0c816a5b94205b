import BakeReader
import FuzzSupport

/// Fuzzing of the bake reader used by `--all`: any bytes, read as `docker-bake.hcl` and as `docker-bake.json`, give
/// targets or a `BakeError` with a line within the file; never a crash or a hang (nesting, interpolation and output
/// are bounded).
package enum BakeFuzzTarget {
    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let bytes = Array(data)
        let lastLine = FuzzText.lastLine(data)
        for name in ["docker-bake.hcl", "docker-bake.json"] {
            do throws(BakeError) {
                let definition = try BakeDefinition.read([.init(name: name, bytes: bytes)])
                for target in definition.targets where FuzzText.isOutside(target.location.line, lastLine: lastLine) {
                    return "\(name): target \(target.name) on line \(target.location.line) of \(lastLine)"
                }
            } catch {
                if error.file != name { return "\(name): error names \(error.file): \(error)" }
                if FuzzText.isOutside(error.line, lastLine: lastLine) {
                    return "\(name): error on line \(error.line.map(String.init) ?? "none"): \(error)"
                }
            }
        }
        return nil
    }
}
