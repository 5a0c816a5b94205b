import DockerIgnore

extension ContextMap {
    /// One node of the whole tree, before it is cut down to the budget.
    private struct Draft {
        var name: String
        var path: String
        var parent: Int?
        var isDirectory: Bool
        var depth: Int
        var children: [Int] = []
        /// Directories: what is directly inside (``ContextMapTally/Cell``); files: the file.
        var cell: ContextMapTally.Cell
        var sent = BuildTally.ClassTally()
        var excluded = BuildTally.ClassTally()
        var sentEntries = 0
        var excludedEntries = 0
        var flagged = false
    }

    /// The map of a build's context from its merged tally, cut down to `budget` nodes.
    static func build(from tally: ContextMapTally, classifier: MapClassifier, budget: Int = nodeBudget) -> ContextMap {
        let cells = tally.flushed()
        var drafts: [Draft] = []
        drafts.reserveCapacity(cells.count + tally.largestFiles.capacity)
        var index: [String: Int] = [:]
        index.reserveCapacity(cells.count)
        func directory(_ path: String) -> Int {
            if let found = index[path] { return found }
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let parent = path.isEmpty ? nil : directory(slash.map { String(path.utf8[..<$0])! } ?? "")
            let name = path.isEmpty ? "." : slash.map { String(path.utf8[path.utf8.index(after: $0)...])! } ?? path
            let depth = parent.map { drafts[$0].depth + 1 } ?? 0
            drafts.append(
                Draft(
                    name: name, path: path, parent: parent, isDirectory: true, depth: depth,
                    cell: cells[path] ?? .init()))
            let created = drafts.count - 1
            index[path] = created
            if let parent { drafts[parent].children.append(created) }
            return created
        }
        for path in cells.keys { _ = directory(path) }

        // Files get tiles of their own when they are among the largest or a finding names them.
        var files = tally.largestFiles.sorted.map { ($0, false) }
        let listed = Set(files.map(\.0.path))
        for finding in classifier.findings where finding.subject.kind == .file {
            guard classifier.findingClass[finding.path] != nil, !listed.contains(finding.path) else { continue }
            files.append((.init(path: finding.path, bytes: finding.bytes, sent: true, rule: nil), true))
        }
        for (file, _) in files where index[file.path] == nil {
            let slash = file.path.lastIndex(of: "/")
            guard let parent = index[slash.map { String(file.path[..<$0]) } ?? ""] else { continue }
            var cell = ContextMapTally.Cell()
            cell.rule = file.rule
            cell.isExcluded = !file.sent
            drafts.append(
                Draft(
                    name: slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path,
                    path: file.path, parent: parent, isDirectory: false, depth: drafts[parent].depth + 1, cell: cell,
                    sent: file.sent ? .init(files: 1, bytes: file.bytes) : .init(),
                    excluded: file.sent ? .init() : .init(files: 1, bytes: file.bytes),
                    sentEntries: 0, excludedEntries: 0))
            index[file.path] = drafts.count - 1
            drafts[parent].children.append(drafts.count - 1)
        }
        // Subtree totals, deepest directories first.
        for position in drafts.indices.sorted(by: { drafts[$0].depth > drafts[$1].depth })
        where drafts[position].isDirectory {
            var draft = drafts[position]
            draft.sent.add(draft.cell.sent)
            draft.excluded.add(draft.cell.excluded)
            draft.sentEntries += draft.cell.sentEntries
            draft.excludedEntries += draft.cell.excludedEntries
            for child in draft.children where drafts[child].isDirectory {
                draft.sent.add(drafts[child].sent)
                draft.excluded.add(drafts[child].excluded)
                draft.sentEntries += drafts[child].sentEntries
                draft.excludedEntries += drafts[child].excludedEntries
            }
            drafts[position] = draft
        }
        for path in classifier.findingClass.keys { if let found = index[path] { drafts[found].flagged = true } }

        let kept = chooseNodes(drafts, budget: budget)
        return ContextMap(
            root: node(0, drafts: drafts, kept: kept, parentClass: nil, parentRule: nil, classifier: classifier))
    }

    /// The nodes to draw: flagged entries (up to ``flaggedBudget``) and their ancestors, then the heaviest nodes (by
    /// their larger share of bytes or of files), a parent always before its children, half the budget in all so the
    /// `rest` tiles fit in the other half.
    private static func chooseNodes(_ drafts: [Draft], budget: Int) -> Set<Int> {
        let totalBytes = max(1, Double(drafts[0].sent.bytes) + Double(drafts[0].excluded.bytes))
        let totalFiles = max(1, Double(drafts[0].sent.files + drafts[0].excluded.files))
        func score(_ draft: Draft) -> Double {
            max(
                (Double(draft.sent.bytes) + Double(draft.excluded.bytes)) / totalBytes,
                Double(draft.sent.files + draft.excluded.files) / totalFiles)
        }
        var kept: Set<Int> = [0]
        for position in drafts.indices where drafts[position].flagged {
            guard kept.count < flaggedBudget else { break }
            var next: Int? = position
            while let current = next, kept.insert(current).inserted { next = drafts[current].parent }
        }
        let limit = max(1, budget / 2)
        // Heaviest first, a parent before its children at equal weight: the best of the children of what is kept,
        // from a heap, so that only the nodes near the top are ever ordered.
        let scores = drafts.map(score)
        func better(_ left: Int, _ right: Int) -> Bool {
            if scores[left] != scores[right] { return scores[left] > scores[right] }
            if drafts[left].depth != drafts[right].depth { return drafts[left].depth < drafts[right].depth }
            return drafts[left].path < drafts[right].path
        }
        var frontier = Heap(by: better)
        for position in kept {
            for child in drafts[position].children where !kept.contains(child) { frontier.push(child) }
        }
        while kept.count < limit, let best = frontier.pop() {
            guard scores[best] > 0, !kept.contains(best) else { continue }
            kept.insert(best)
            for child in drafts[best].children { frontier.push(child) }
        }
        return kept
    }

    private static func node(
        _ position: Int, drafts: [Draft], kept: Set<Int>, parentClass: MapClass?, parentRule: Rule?,
        classifier: MapClassifier
    ) -> Node {
        let draft = drafts[position]
        let sentAnything = draft.sent.files > 0 || draft.sent.bytes > 0 || (!draft.cell.isExcluded && draft.isDirectory)
        let (mapClass, check) = classifier.classify(
            path: draft.path, sentAnything: sentAnything, parentClass: parentClass)
        var node = Node(
            name: draft.name, path: draft.path.isEmpty ? "." : draft.path, kind: draft.isDirectory ? .directory : .file,
            mapClass: mapClass, sent: .init(files: draft.sent.files, bytes: draft.sent.bytes),
            excluded: .init(files: draft.excluded.files, bytes: draft.excluded.bytes),
            entries: draft.isDirectory ? draft.sentEntries + draft.excludedEntries : 1,
            // Below a directory the ignore file keeps out, that directory's line decided.
            rule: classifier.rule(draft.cell.rule) ?? (mapClass == .excluded ? parentRule : nil), check: check)
        guard draft.isDirectory else { return node }
        var rest = (
            sent: draft.sent, excluded: draft.excluded, sentEntries: draft.sentEntries,
            excludedEntries: draft.excludedEntries
        )
        var restRule = draft.cell.excludedRule
        for child in draft.children where kept.contains(child) {
            let built = Self.node(
                child, drafts: drafts, kept: kept, parentClass: mapClass, parentRule: node.rule, classifier: classifier)
            node.children.append(built)
            let theirs = drafts[child]
            rest.sent.files -= theirs.sent.files
            rest.sent.bytes = rest.sent.bytes.saturatingSubtracting(theirs.sent.bytes)
            rest.excluded.files -= theirs.excluded.files
            rest.excluded.bytes = rest.excluded.bytes.saturatingSubtracting(theirs.excluded.bytes)
            // The child itself is one entry here, and what lies below it is its own.
            if theirs.cell.isExcluded { rest.excludedEntries -= 1 } else { rest.sentEntries -= 1 }
            if theirs.isDirectory {
                rest.sentEntries -= theirs.sentEntries
                rest.excludedEntries -= theirs.excludedEntries
            }
        }
        // A pruned subdirectory's kept-out bytes are decided by its own rules, which this cell does not know.
        if draft.children.contains(where: { !kept.contains($0) && drafts[$0].excluded.files > 0 }) {
            restRule = ContextMapTally.Cell.severalRules
        }
        if rest.sent.files > 0 || rest.sent.bytes > 0 || rest.sentEntries > 0 {
            node.children.append(
                Node(
                    name: "", path: draft.path.isEmpty ? "." : draft.path, kind: .rest,
                    mapClass: mapClass == .excluded ? .sent : mapClass,
                    sent: .init(files: rest.sent.files, bytes: rest.sent.bytes), entries: rest.sentEntries))
        }
        if rest.excluded.files > 0 || rest.excluded.bytes > 0 || rest.excludedEntries > 0 {
            node.children.append(
                Node(
                    name: "", path: draft.path.isEmpty ? "." : draft.path, kind: .rest, mapClass: .excluded,
                    excluded: .init(files: rest.excluded.files, bytes: rest.excluded.bytes),
                    entries: rest.excludedEntries,
                    rule: classifier.rule(restRule) ?? (mapClass == .excluded ? node.rule : nil)))
        }
        node.children.sort {
            $0.weight != $1.weight
                ? $0.weight > $1.weight
                : ($0.kind == .rest ? 1 : 0, $0.name) < ($1.kind == .rest ? 1 : 0, $1.name)
        }
        return node
    }
}

/// A binary heap of node positions, the best (by `better`) on top.
private struct Heap {
    private var items: [Int] = []
    private let better: (Int, Int) -> Bool

    init(by better: @escaping (Int, Int) -> Bool) {
        self.better = better
    }

    mutating func push(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard better(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < items.count && better(items[left], items[best]) { best = left }
            if right < items.count && better(items[right], items[best]) { best = right }
            guard best != parent else { return top }
            items.swapAt(parent, best)
            parent = best
        }
    }
}
