/// One build of a repository and its scan report.
package struct BuildScan: Sendable {
    package var build: DiscoveredBuild
    /// The build's context as it was resolved for the scan (for the config file that judges it).
    package var context: BuildContext
    /// The build's own report, with the context shown relative to the repository root.
    package var report: ScanReport

    package init(build: DiscoveredBuild, context: BuildContext, report: ScanReport) {
        self.build = build
        self.context = context
        self.report = report
    }
}
