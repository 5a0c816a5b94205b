/// Keeps the `capacity` largest items seen, by a key, without storing the rest. Mergeable across walker threads.
///
/// Ties are broken by `tieBreak` (ascending) so the result is deterministic whatever the visiting order.
package struct TopN<Item: Sendable>: Sendable {
    package let capacity: Int
    private var items: [(key: Int64, tie: String, item: Item)] = []
    /// The smallest kept key once full, and its tie: anything that would rank after it is rejected without work.
    private var threshold: Int64 = .min
    private var thresholdTie: String?

    package init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Offers one item. `tie` breaks equal keys (smaller wins) and should be unique, such as a path.
    package mutating func offer(_ key: Int64, tie: @autoclosure () -> String, _ item: @autoclosure () -> Item) {
        offer(key, tie: tie, making: { _ in item() })
    }

    /// Offers one item made from its tie, which is computed at most once (and only when the item could be kept).
    package mutating func offer(_ key: Int64, tie: () -> String, making item: (String) -> Item) {
        guard capacity > 0, items.count < capacity || key >= threshold else { return }
        let text = tie()
        // An equal key ranks by its tie: many files share a size, and each would otherwise be kept until compacted.
        if items.count >= capacity, key == threshold, let thresholdTie, text >= thresholdTie { return }
        items.append((key, text, item(text)))
        if items.count > capacity * 2 { compact() }
    }

    package mutating func merge(_ other: TopN<Item>) {
        for entry in other.items { items.append(entry) }
        compact()
    }

    /// The kept items, largest first.
    package var sorted: [Item] {
        var copy = self
        copy.compact()
        return copy.items.map(\.item)
    }

    private mutating func compact() {
        items.sort { $0.key != $1.key ? $0.key > $1.key : $0.tie < $1.tie }
        if items.count > capacity { items.removeLast(items.count - capacity) }
        if items.count == capacity, let last = items.last { (threshold, thresholdTie) = (last.key, last.tie) }
    }
}
