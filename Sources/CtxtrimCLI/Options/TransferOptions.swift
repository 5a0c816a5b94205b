import ArgumentParser
import CtxtrimCore

/// The transfer-time estimate of `scan`'s suggestion and `fix`'s shrink: bytes over a bandwidth plus a cost per file.
struct TransferOptions: ParsableArguments {
    @Option(help: "Bandwidth for the transfer-time estimate, such as 1Gbit/s or 50MB/s.")
    var bandwidth: String = TransferRate.defaultDescription

    @Option(
        name: .customLong("per-file"),
        help: ArgumentHelp(
            "What each file costs the transfer-time estimate on top of its bytes, such as 2ms or 0 (at most 10s).",
            valueName: "duration"))
    var perFile: String = TransferRate.defaultPerFileDescription

    func validate() throws {
        guard TransferRate.parse(bandwidth) != nil else {
            throw ValidationError(
                "--bandwidth must be a rate from 8bit/s to 1TB/s such as 100Mbit/s, 1Gbit/s or 50MB/s")
        }
        guard TransferRate.parsePerFile(perFile) != nil else {
            throw ValidationError("--per-file must be a duration from 0 to 10s such as 0.5ms, 2ms or 0")
        }
    }

    /// The estimate's model; the options are validated before this is asked.
    var rate: TransferRate {
        var rate = TransferRate.parse(bandwidth) ?? .defaultRate
        rate.perFileSeconds = TransferRate.parsePerFile(perFile) ?? TransferRate.defaultPerFileSeconds
        return rate
    }
}
