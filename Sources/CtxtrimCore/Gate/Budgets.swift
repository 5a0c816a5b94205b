/// The limits `ctxtrim check` enforces on a context: `budgets:` in `.ctxtrim.yml`, `--max-*` on the command line.
package struct Budgets: Sendable, Equatable {
    /// Eligible bytes (what the ignore file lets through).
    package var maxSize: Int64?
    package var maxFiles: Int?
    /// Bytes BuildKit transfers for the Dockerfile.
    package var maxTransferredSize: Int64?
    package var maxTransferredFiles: Int?
    /// Growth against `--baseline`, as a percentage or a size.
    package var maxGrowth: GrowthLimit?

    package init() {}

    /// These limits, with each one `other` sets in its place (the command line over the config file).
    package func overridden(by other: Budgets) -> Budgets {
        var result = self
        result.maxSize = other.maxSize ?? maxSize
        result.maxFiles = other.maxFiles ?? maxFiles
        result.maxTransferredSize = other.maxTransferredSize ?? maxTransferredSize
        result.maxTransferredFiles = other.maxTransferredFiles ?? maxTransferredFiles
        result.maxGrowth = other.maxGrowth ?? maxGrowth
        return result
    }
}
