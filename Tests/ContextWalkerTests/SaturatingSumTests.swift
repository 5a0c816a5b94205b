import ContextWalker
import Testing

/// Sizes come from the tree, and a sparse file on tmpfs, XFS or btrfs can claim `Int64.max` bytes: every sum of sizes
/// holds at the ends of `Int64` instead of trapping.
@Suite struct SaturatingSumTests {
    static let sums: [(Int64, Int64, Int64)] = [
        (1, 2, 3), (.max, 1, .max), (.max, .max, .max), (.max - 1, 1, .max), (.max, .min, -1), (.min, -1, -.max),
        (.min, 0, -.max), (-.max, -.max, -.max), (0, 0, 0),
    ]

    static let differences: [(Int64, Int64, Int64)] = [
        (3, 2, 1), (.max, .min, .max), (.min, .max, -.max), (.min, 0, -.max), (0, .max, -.max),
    ]

    @Test("Sums clamp to -Int64.max...Int64.max", arguments: sums)
    func adding(left: Int64, right: Int64, sum: Int64) {
        #expect(left.saturatingAdding(right) == sum)
        #expect(right.saturatingAdding(left) == sum)
        var total = left
        total.saturatingAdd(right)
        #expect(total == sum)
    }

    @Test("Differences clamp to -Int64.max...Int64.max", arguments: differences)
    func subtracting(left: Int64, right: Int64, difference: Int64) {
        #expect(left.saturatingSubtracting(right) == difference)
    }

    @Test("A sequence's sum stops at Int64.max and stays there")
    func sequenceSum() {
        #expect([Int64.max, .max, .max].saturatingSum { $0 } == .max)
        #expect([Int64.max, .max, -5].saturatingSum { $0 } == .max - 5)
        #expect([1, 2, 3].saturatingSum { Int64($0) } == 6)
        #expect([Int64]().saturatingSum { $0 } == 0)
    }

    @Test("Subtree totals of huge files add up without trapping")
    func subtreeTotals() {
        var total = SubtreeTotals()
        var huge = SubtreeTotals()
        huge.sentBytes = .max
        huge.excludedBytes = .max
        huge.sentFiles = 1
        total += huge
        total += huge
        #expect(total.sentBytes == .max && total.excludedBytes == .max && total.sentFiles == 2)
    }
}
