/// A bounded, evenly spaced sample of the paths one worker walked, kept for replaying the rules after the walk.
///
/// Every `stride`-th path offered is kept; when the sample is full, every other one is dropped and the stride doubles,
/// so memory stays under ``limit`` paths however large the tree.
struct PathSample: Sendable {
    /// Paths kept at most, per worker.
    static let limit = 1 << 18

    private(set) var bytes: [UInt8] = []
    /// End offset of each kept path in `bytes`.
    private(set) var ends: [Int] = []
    private(set) var stride = 1
    /// Paths offered.
    private(set) var offered = 0

    var count: Int { ends.count }

    /// How many walked paths each kept one stands for.
    var weight: Double { ends.isEmpty ? 0 : Double(offered) / Double(ends.count) }

    mutating func offer(_ path: UnsafeBufferPointer<UInt8>) {
        defer { offered += 1 }
        guard offered % stride == 0 else { return }
        bytes.append(contentsOf: path)
        ends.append(bytes.count)
        if ends.count >= Self.limit { thin() }
    }

    /// Calls `body` with each kept path.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    private mutating func thin() {
        var keptBytes: [UInt8] = []
        var keptEnds: [Int] = []
        keptBytes.reserveCapacity(bytes.count / 2 + 1)
        keptEnds.reserveCapacity(ends.count / 2 + 1)
        var start = 0
        for (index, end) in ends.enumerated() {
            if index % 2 == 0 {
                keptBytes.append(contentsOf: bytes[start..<end])
                keptEnds.append(keptBytes.count)
            }
            start = end
        }
        bytes = keptBytes
        ends = keptEnds
        stride *= 2
    }
}
