import TestSupport

/// Fills a ``TestTree`` with a random tree drawn from a seed: files, directories, symlinks (loops, dangling, absolute),
/// FIFOs and non-UTF-8 names, with names that the property tests' filter rules match.
struct RandomTreeBuilder {
    private static let names = [
        "a", "b", "B", "a.b", "a-b", "build", "vendor", "logs", "keep.txt", "secret.env", "x.txt", "node_modules",
        "é", "z",
    ]
    private static let linkTargets = ["..", ".", "../..", "missing", "/", "a", "self"]

    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Creates `count` entries (fewer if names collide) and returns how many were made.
    mutating func build(into tree: TestTree, count: Int) -> Int {
        var directories: [[UInt8]] = [[]]
        var taken: Set<[UInt8]> = []
        var made = 0
        for _ in 0..<count {
            let parent = directories[Int.random(in: 0..<directories.count, using: &generator)]
            var name = Array(Self.names.randomElement(using: &generator)!.utf8)
            if Int.random(in: 0..<20, using: &generator) == 0 { name += [0xFF, 0xFE] }
            let path = parent.isEmpty ? name : parent + [UInt8(ascii: "/")] + name
            guard taken.insert(path).inserted else { continue }
            made += 1
            let pathString = String(decoding: path, as: UTF8.self)
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<50:
                tree.file(path, size: Int.random(in: 0..<300, using: &generator))
            case 50..<80:
                tree.directory(path)
                directories.append(path)
            case 80..<96 where path.allSatisfy({ $0 < 0x80 }):
                let target = Self.linkTargets.randomElement(using: &generator)!
                tree.symlink(pathString, to: target == "self" ? String(decoding: name, as: UTF8.self) : target)
            case 96..<100 where path.allSatisfy({ $0 < 0x80 }):
                tree.fifo(pathString)
            default:
                tree.file(path, size: 1)
            }
        }
        return made
    }
}
