import DockerIgnore
import UntrustedText

/// The context as a tree of tiles for the HTML report's treemap: directories (and the largest or flagged files) with
/// what is sent and kept out below each, the class that colours them and the ignore-file line that decided them.
///
/// Aggregated to at most ``nodeBudget`` nodes however large the tree: the nodes that weigh most (in bytes or in
/// files) are kept, and what a kept directory holds beyond them becomes one `rest` tile per verdict.
package struct ContextMap: Sendable, Equatable {
    /// At most this many nodes, `rest` tiles included (flagged entries may add a few): a page of a few hundred
    /// kilobytes that draws in well under a second, for any tree.
    package static let nodeBudget = 3000
    /// A page of many builds (`--all`) holds at most this many nodes in all, each build's map at least
    /// ``minimumNodeBudget``: the page of a repository of 600 builds stays a few megabytes.
    static let pageNodeBudget = 12_000
    static let minimumNodeBudget = 150

    /// The budget of each map when one page shows `builds` of them.
    static func nodeBudget(forBuilds builds: Int) -> Int {
        max(minimumNodeBudget, min(nodeBudget, pageNodeBudget / max(1, builds)))
    }

    /// At most this many flagged entries are kept whatever they weigh (a secret among a million files).
    static let flaggedBudget = 300

    package enum Kind: String, Sendable {
        case directory = "dir"
        case file
        /// Entries merged because they are too small to draw.
        case rest
    }

    /// An ignore-file line.
    package struct Rule: Sendable, Equatable {
        package var file: String
        package var line: Int
        package var pattern: String
        package var isException: Bool
    }

    package struct Node: Sendable, Equatable {
        package var name: String
        /// Relative to the context root; `.` for the root.
        package var path: String
        package var kind: Kind
        package var mapClass: MapClass
        package var sent = ScanReport.ClassUsage()
        package var excluded = ScanReport.ClassUsage()
        /// Entries below a directory, or merged into a `rest` tile; 1 for a file.
        package var entries = 0
        /// The ignore-file line that decided the entry (for a `rest` tile: its kept-out entries).
        package var rule: Rule?
        /// The check whose finding gives the class.
        package var check: CheckID?
        /// Largest first.
        package var children: [Node] = []

        /// Bytes sent and kept out: the tile's area.
        var weight: Int64 { sent.bytes.saturatingAdding(excluded.bytes) }
        var fileCount: Int { sent.files + excluded.files }

        /// Every node of the subtree, this one included.
        package var nodeCount: Int { 1 + children.reduce(0) { $0 + $1.nodeCount } }
    }

    package var root: Node

    package init(root: Node) {
        self.root = root
    }
}

/// What colours a tile: what happens to its bytes. The order is the legend's; the words are the terminal report's.
package enum MapClass: String, Sendable, CaseIterable {
    case sent
    case excluded
    case fix
    case secret
    case dependency
    case buildOutput = "build-output"
    case largeFile = "large-file"
    case gitIgnored = "git-ignored"

    /// The legend's word.
    package var label: String {
        switch self {
        case .sent: "sent"
        case .excluded: "kept out"
        case .fix: "fix keeps out"
        case .secret: "secret"
        case .dependency: "dependency"
        case .buildOutput: "build output"
        case .largeFile: "large file"
        case .gitIgnored: "git-ignored"
        }
    }

    /// What the class means, for the legend.
    package var meaning: String {
        switch self {
        case .sent: "sent to the builder"
        case .excluded: "kept out by the ignore file"
        case .fix: "sent now, kept out by the ignore file ctxtrim fix would write"
        case .secret: "a credential or private key that is sent"
        case .dependency: "installed dependencies that are sent (node_modules, .venv, vendor)"
        case .buildOutput: "build output that is sent (dist, target, bin)"
        case .largeFile: "a file over the large-file threshold that is sent"
        case .gitIgnored: "ignored by git, yet sent"
        }
    }

    /// The class a finding of `check` gives its entry; nil for checks that colour nothing.
    static func of(_ check: CheckID) -> MapClass? {
        switch check {
        case .secretFile, .secretContent: .secret
        case .dependencyDir: .dependency
        case .buildOutput: .buildOutput
        case .largeFile: .largeFile
        // Not `git-ignored-sent`: it sums a top-level directory's ignored files, and `src/` is not ignored because
        // `src/a/.venv/` is; what git ignores itself is `git-ignored` (``MapClassifier``).
        default: nil
        }
    }

    /// Which class wins when findings of several checks name one entry: the most urgent.
    var precedence: Int {
        switch self {
        case .secret: 0
        case .dependency: 1
        case .buildOutput: 2
        case .largeFile: 3
        case .gitIgnored: 4
        case .fix: 5
        case .sent: 6
        case .excluded: 7
        }
    }
}
