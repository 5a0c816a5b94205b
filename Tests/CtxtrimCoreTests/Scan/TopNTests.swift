import TestSupport
import Testing

@testable import CtxtrimCore

/// The bounded top lists: the largest by key, equal keys by their tie, whatever the order items come in or how the
/// threads' lists are merged.
@Suite struct TopNTests {
    static func expected(_ items: [(Int64, String)], capacity: Int) -> [String] {
        items.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(capacity).map(\.1)
    }

    @Test(arguments: [1, 3, 10])
    func manyEqualKeysKeepTheSmallestTies(capacity: Int) {
        // Most files of a tree share a few sizes: here 500 items over 3 keys.
        var random = SplitMix64(seed: 14)
        let items = (0..<500).map { index in (Int64([10, 20, 20][index % 3]), "p\(index)") }.shuffled(using: &random)
        var top = TopN<String>(capacity: capacity)
        var made = TopN<String>(capacity: capacity)
        for (key, tie) in items {
            top.offer(key, tie: tie, tie)
            made.offer(key, tie: { tie }, making: { $0 })
        }
        #expect(top.sorted == Self.expected(items, capacity: capacity))
        #expect(made.sorted == top.sorted)
    }

    @Test func mergedListsEqualOneList() {
        var random = SplitMix64(seed: 7)
        let items = (0..<300).map { index in (Int64.random(in: 0..<8, using: &random), "f\(index)") }
        var whole = TopN<String>(capacity: 5)
        var left = TopN<String>(capacity: 5)
        var right = TopN<String>(capacity: 5)
        for (index, item) in items.enumerated() {
            whole.offer(item.0, tie: item.1, item.1)
            if index % 2 == 0 {
                left.offer(item.0, tie: item.1, item.1)
            } else {
                right.offer(item.0, tie: item.1, item.1)
            }
        }
        left.merge(right)
        #expect(left.sorted == whole.sorted)
        #expect(whole.sorted == Self.expected(items, capacity: 5))
    }
}
