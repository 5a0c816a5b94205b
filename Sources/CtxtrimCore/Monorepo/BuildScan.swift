/// One build of a repository and its scan report.
package struct BuildScan: Sendable {
    package var build: DiscoveredBuild
    /// The build's context as it was resolved for the scan.
    package var context: BuildContext
    /// The build's config file, which graded its findings and sets its gate.
    package var config: CtxtrimConfig
    /// The build's own report, with the context shown relative to the repository root.
    package var report: ScanReport

    package init(build: DiscoveredBuild, context: BuildContext, config: CtxtrimConfig, report: ScanReport) {
        self.build = build
        self.context = context
        self.config = config
        self.report = report
    }
}
