/// One build of a repository and its scan report.
package struct BuildScan: Sendable {
    package var build: DiscoveredBuild
    /// The build's own report, with the context shown relative to the repository root.
    package var report: ScanReport

    package init(build: DiscoveredBuild, report: ScanReport) {
        self.build = build
        self.report = report
    }
}
