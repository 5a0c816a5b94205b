import ContextWalker

/// The scan of every build of a repository, from one walk.
package struct MultiScanReport: Sendable {
    /// Sums over all builds (a file two builds send counts twice: each build uploads it).
    package struct Totals: Sendable, Equatable {
        package var builds = 0
        package var sent = ScanReport.Totals()
        package var transferred = ScanReport.ClassUsage()
        package var findings = 0
    }

    /// Builds in discovery order.
    package var builds: [BuildScan]
    /// Wall time of the shared walk and of everything read for it.
    package var walkSeconds: Double = 0

    package init(builds: [BuildScan], walkSeconds: Double = 0) {
        self.builds = builds
        self.walkSeconds = walkSeconds
    }

    /// Sums over all builds; a build whose Dockerfile failed to parse transfers what it sends.
    package var totals: Totals {
        var totals = Totals()
        for scan in builds {
            totals.builds += 1
            totals.sent += scan.report.sent
            let transferred = Self.transferred(scan.report)
            totals.transferred.files += transferred.files
            totals.transferred.bytes.saturatingAdd(transferred.bytes)
            totals.findings += scan.report.findings.count
        }
        return totals
    }

    /// What BuildKit transfers for the build: the Dockerfile's sources, or everything sent without a readable one.
    static func transferred(_ report: ScanReport) -> ScanReport.ClassUsage {
        if let build = report.build, build.error == nil { return build.transferred }
        return ScanReport.ClassUsage(files: report.sent.files, bytes: report.sent.bytes)
    }
}
