/// A problem in `.ctxtrim.yml`, with the file and line so the user can go straight to it.
package struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    package let file: String
    /// 1-based line, when known.
    package let line: Int?
    package let message: String

    package var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
