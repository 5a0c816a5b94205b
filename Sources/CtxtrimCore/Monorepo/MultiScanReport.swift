import ContextWalker

/// The scan of every build of a repository, from one walk.
package struct MultiScanReport: Sendable {
    /// Sums over the repository: what is sent counts each shared context once (``SharedContext``), what is
    /// transferred counts each build (each build transfers its own Dockerfile's sources).
    package struct Totals: Sendable, Equatable {
        package var builds = 0
        /// Distinct context directories read with distinct ignore files.
        package var contexts = 0
        /// What the distinct contexts send, each once.
        package var sent = ScanReport.Totals()
        /// What the builds send, a shared context once per build that sends it.
        package var sentByBuilds = ScanReport.Totals()
        package var transferred = ScanReport.ClassUsage()
        package var findings = 0
    }

    /// One context directory read with one ignore file, and the builds that send it: they send the same files, and
    /// a change to that ignore file changes them all.
    package struct SharedContext: Sendable, Equatable {
        /// Relative to the repository root (`.` for the root).
        package var context: String
        /// The ignore file relative to the repository root; nil when the context has none.
        package var ignoreFile: String?
        /// The names of the builds, in report order.
        package var builds: [String]
        package var sent: ScanReport.Totals
    }

    /// Builds in discovery order.
    package var builds: [BuildScan]
    /// Wall time of the shared walk and of everything read for it.
    package var walkSeconds: Double = 0
    /// How the builds were found (files read, files skipped); nil when the builds were given.
    package var discovery: Discovery?
    /// The repository root walked (a real path), which `contexts` are shown from.
    package var root: String

    package init(builds: [BuildScan], walkSeconds: Double = 0, discovery: Discovery? = nil, root: String = "") {
        self.builds = builds
        self.walkSeconds = walkSeconds
        self.discovery = discovery
        self.root = root
    }

    /// The distinct contexts, in the order their first build appears.
    package var contexts: [SharedContext] {
        var order: [String] = []
        var groups: [String: SharedContext] = [:]
        for scan in builds {
            let ignorePath = scan.context.ignoreFile?.path
            let key = scan.context.root + "\u{0}" + (ignorePath ?? "")
            if groups[key] == nil {
                order.append(key)
                let shown = ignorePath.map { BuildContext.relative($0, to: root) ?? $0 }
                groups[key] = SharedContext(
                    context: scan.build.context, ignoreFile: shown.map { $0.isEmpty ? "." : $0 }, builds: [],
                    sent: scan.report.sent)
            }
            groups[key]?.builds.append(scan.build.name)
        }
        return order.compactMap { groups[$0] }
    }

    package var totals: Totals {
        var totals = Totals()
        for scan in builds {
            totals.builds += 1
            totals.sentByBuilds += scan.report.sent
            let transferred = Self.transferred(scan.report)
            totals.transferred.files += transferred.files
            totals.transferred.bytes.saturatingAdd(transferred.bytes)
            totals.findings += scan.report.findings.count
        }
        for context in contexts {
            totals.contexts += 1
            totals.sent += context.sent
        }
        return totals
    }

    /// What BuildKit transfers for the build: the Dockerfile's sources (everything sent without a readable
    /// Dockerfile) and what it reads of its named contexts.
    static func transferred(_ report: ScanReport) -> ScanReport.ClassUsage { report.totalTransferred }
}
