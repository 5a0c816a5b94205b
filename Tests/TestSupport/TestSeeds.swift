import Foundation

/// The seeds of the property tests: a fixed list per test, so every run checks the same cases, replaced by
/// `CTXTRIM_TEST_SEED` (one seed or a comma-separated list, decimal or `0x` hex) to replay a failure or explore.
///
/// A failing case prints its seed: pass the seeds as `@Test(arguments:)` (the failing argument is shown), or put
/// ``describe(_:)`` in the failure message.
public enum TestSeeds {
    /// The variable that overrides every test's seeds.
    public static let variable = "CTXTRIM_TEST_SEED"

    /// `defaults`, or the seeds of `CTXTRIM_TEST_SEED` when it is set.
    public static func list(_ defaults: [UInt64]) -> [UInt64] {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return defaults }
        let seeds = text.split(separator: ",").compactMap { parse($0.trimmingCharacters(in: .whitespaces)) }
        precondition(!seeds.isEmpty, "\(variable)=\(text) holds no seed")
        return seeds
    }

    /// `defaults`, or the first seed of `CTXTRIM_TEST_SEED`, for a test that draws from one generator.
    public static func one(_ defaults: UInt64) -> UInt64 { list([defaults])[0] }

    /// `seed 0x…`, to put in a failure message with how to replay it.
    public static func describe(_ seed: UInt64) -> String {
        "seed 0x\(String(seed, radix: 16)) (replay: \(variable)=0x\(String(seed, radix: 16)))"
    }

    static func parse(_ text: String) -> UInt64? {
        let lower = text.lowercased()
        if lower.hasPrefix("0x") {
            return UInt64(lower.dropFirst(2).replacingOccurrences(of: "_", with: ""), radix: 16)
        }
        return UInt64(lower)
    }
}
