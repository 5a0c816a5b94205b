/// A compiled regular expression run by a Pike VM (NFA simulation): time linear in the input, no backtracking.
///
/// Input is UTF-8 bytes decoded like Go (`utf8.DecodeRune`: invalid bytes are U+FFFD of width 1); a match may start
/// anywhere unless the expression is anchored with `^`, exactly like Go's `Regexp.MatchString`.
struct RegexProgram: Sendable {
    /// Go's compiled programs may hold at most `128 MiB / 40 bytes` instructions.
    static let maximumInstructions = (128 << 20) / 40

    enum Op: UInt8, Sendable {
        case rune, runeClass, anyExceptNewline, match, split, jump, beginText, endText, wordBoundary, notWordBoundary
    }

    struct Instruction: Sendable {
        var op: Op
        var a: Int32 = 0
        var b: Int32 = 0
    }

    private(set) var instructions: [Instruction] = []
    private(set) var classes: [RuneRanges] = []
    let anchoredAtStart: Bool
    /// For each instruction, whether some input could still lead from it to `match` (characters and assertions
    /// assumed satisfiable): the basis of the "nothing below can match" proof.
    private(set) var canReachMatch: [Bool] = []

    struct TooLarge: Error {}

    init(_ node: RegexNode) throws(TooLarge) {
        anchoredAtStart = node.isAnchoredAtStart
        try emit(node)
        instructions.append(Instruction(op: .match))
        canReachMatch = computeCanReachMatch()
    }

    private mutating func add(_ instruction: Instruction) throws(TooLarge) -> Int {
        guard instructions.count < Self.maximumInstructions else { throw TooLarge() }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private var next: Int32 { Int32(instructions.count) }

    private mutating func emit(_ node: RegexNode) throws(TooLarge) {
        switch node {
        case .empty:
            break
        case .literal(let r):
            _ = try add(Instruction(op: .rune, a: Int32(bitPattern: r)))
        case .runeClass(let ranges):
            classes.append(ranges)
            _ = try add(Instruction(op: .runeClass, a: Int32(classes.count - 1)))
        case .anyExceptNewline:
            _ = try add(Instruction(op: .anyExceptNewline))
        case .beginText:
            _ = try add(Instruction(op: .beginText))
        case .endText:
            _ = try add(Instruction(op: .endText))
        case .wordBoundary:
            _ = try add(Instruction(op: .wordBoundary))
        case .notWordBoundary:
            _ = try add(Instruction(op: .notWordBoundary))
        case .concat(let subs):
            for sub in subs { try emit(sub) }
        case .alternate(let subs):
            var jumps: [Int] = []
            for (k, sub) in subs.enumerated() {
                if k == subs.count - 1 {
                    try emit(sub)
                } else {
                    let split = try add(Instruction(op: .split))
                    instructions[split].a = next
                    try emit(sub)
                    jumps.append(try add(Instruction(op: .jump)))
                    instructions[split].b = next
                }
            }
            for j in jumps { instructions[j].a = next }
        case .repeat(let sub, let minimum, let maximum, _):
            for _ in 0..<minimum { try emit(sub) }
            if maximum < 0 {
                let split = try add(Instruction(op: .split))
                instructions[split].a = next
                try emit(sub)
                _ = try add(Instruction(op: .jump, a: Int32(split)))
                instructions[split].b = next
            } else {
                var splits: [Int] = []
                for _ in minimum..<max(minimum, maximum) {
                    let split = try add(Instruction(op: .split))
                    instructions[split].a = next
                    try emit(sub)
                    splits.append(split)
                }
                for s in splits { instructions[s].b = next }
            }
        }
    }

    private func successors(_ pc: Int) -> [Int] {
        let inst = instructions[pc]
        switch inst.op {
        case .match: return []
        case .jump: return [Int(inst.a)]
        case .split: return [Int(inst.a), Int(inst.b)]
        default: return [pc + 1]
        }
    }

    private func computeCanReachMatch() -> [Bool] {
        var predecessors = [[Int32]](repeating: [], count: instructions.count)
        for pc in instructions.indices {
            for s in successors(pc) { predecessors[s].append(Int32(pc)) }
        }
        var reach = [Bool](repeating: false, count: instructions.count)
        var work = instructions.indices.filter { instructions[$0].op == .match }
        for pc in work { reach[pc] = true }
        while let pc = work.popLast() {
            for p in predecessors[pc] where !reach[Int(p)] {
                reach[Int(p)] = true
                work.append(Int(p))
            }
        }
        return reach
    }

    @inline(__always)
    private static func isWordRune(_ r: UInt32?) -> Bool {
        guard let r else { return false }
        return (0x30...0x39).contains(r) || (0x41...0x5A).contains(r) || (0x61...0x7A).contains(r) || r == 0x5F
    }

    /// Whether the expression matches somewhere in `text` (Go's `MatchString`).
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        run(text, openEnded: false)
    }

    /// Whether some text starting with `prefix` could match: the simulation over `prefix` is exact, everything after
    /// it is assumed possible. `false` is a proof; `true` may be a false alarm.
    func canMatchSomeExtension(of prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        run(prefix, openEnded: true)
    }

    private func run(_ text: UnsafeBufferPointer<UInt8>, openEnded: Bool) -> Bool {
        let n = instructions.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * n) { buffer -> Bool in
            let base = buffer.baseAddress!
            base.initialize(repeating: 0, count: 5 * n)
            var current = SparseSet(sparse: base, dense: base + n)
            var following = SparseSet(sparse: base + 2 * n, dense: base + 3 * n)
            let stack = base + 4 * n
            let end = text.count
            var pos = 0
            var previous: UInt32? = nil
            var (rune, width): (UInt32?, Int) = end > 0 ? GoText.decodeRune(text, at: 0) : (nil, 0)

            func add(_ set: inout SparseSet, _ start: Int, at position: Int, before: UInt32?, after: UInt32?) {
                let lenient = openEnded && position == end
                var top = 0
                if !set.contains(start) { set.insert(start); stack[0] = Int32(start); top = 1 }
                while top > 0 {
                    top -= 1
                    let pc = Int(stack[top])
                    let inst = instructions[pc]
                    var targets: (Int, Int) = (-1, -1)
                    switch inst.op {
                    case .jump: targets.0 = Int(inst.a)
                    case .split: targets = (Int(inst.a), Int(inst.b))
                    case .beginText: if position == 0 { targets.0 = pc + 1 }
                    case .endText: if position == end { targets.0 = pc + 1 }
                    case .wordBoundary:
                        if lenient || Self.isWordRune(before) != Self.isWordRune(after) { targets.0 = pc + 1 }
                    case .notWordBoundary:
                        if lenient || Self.isWordRune(before) == Self.isWordRune(after) { targets.0 = pc + 1 }
                    default: break
                    }
                    if targets.1 >= 0, !set.contains(targets.1) {
                        set.insert(targets.1)
                        stack[top] = Int32(targets.1)
                        top += 1
                    }
                    if targets.0 >= 0, !set.contains(targets.0) {
                        set.insert(targets.0)
                        stack[top] = Int32(targets.0)
                        top += 1
                    }
                }
            }

            while true {
                if !anchoredAtStart || pos == 0 {
                    add(&current, 0, at: pos, before: previous, after: rune)
                } else if current.count == 0 {
                    return false
                }
                var nextRune: UInt32? = nil
                var nextWidth = 0
                if pos + width < end { (nextRune, nextWidth) = GoText.decodeRune(text, at: pos + width) }
                for k in 0..<current.count {
                    let pc = current.element(k)
                    let inst = instructions[pc]
                    let matched: Bool
                    switch inst.op {
                    case .match:
                        return true
                    case .rune:
                        matched = rune == UInt32(bitPattern: inst.a)
                    case .runeClass:
                        matched = rune.map { classes[Int(inst.a)].contains($0) } ?? false
                    case .anyExceptNewline:
                        matched = rune != nil && rune != 0x0A
                    default:
                        matched = false
                    }
                    if matched { add(&following, pc + 1, at: pos + width, before: rune, after: nextRune) }
                }
                if pos >= end {
                    guard openEnded else { return false }
                    for k in 0..<current.count where canReachMatch[current.element(k)] { return true }
                    return false
                }
                swap(&current, &following)
                following.removeAll()
                previous = rune
                pos += width
                (rune, width) = (nextRune, nextWidth)
            }
        }
    }
}

/// A sparse set of instruction indices over caller-provided memory: O(1) insert, test and clear.
private struct SparseSet {
    let sparse: UnsafeMutablePointer<Int32>
    let dense: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    init(sparse: UnsafeMutablePointer<Int32>, dense: UnsafeMutablePointer<Int32>) {
        self.sparse = sparse
        self.dense = dense
    }

    @inline(__always)
    func contains(_ value: Int) -> Bool {
        let slot = Int(sparse[value])
        return slot < count && dense[slot] == Int32(value)
    }

    @inline(__always)
    mutating func insert(_ value: Int) {
        sparse[value] = Int32(count)
        dense[count] = Int32(value)
        count += 1
    }

    @inline(__always)
    func element(_ k: Int) -> Int { Int(dense[k]) }

    mutating func removeAll() { count = 0 }
}
