/// Human-readable byte counts for messages, in decimal units as `docker build` prints them (`1.2 MB`).
package enum ByteCountText {
    /// `bytes` as `512 B`, `3.4 kB`, `1.2 MB`, `2.0 GB`.
    package static func describe(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var unitIndex = 0
        var scale: Int64 = 1
        while unitIndex < units.count - 1, bytes >= scale * 1000 {
            scale *= 1000
            unitIndex += 1
        }
        if unitIndex == 0 { return "\(bytes) B" }
        let tenths = (bytes * 10 + scale / 2) / scale
        return "\(tenths / 10).\(tenths % 10) \(units[unitIndex])"
    }
}
