/// `ctxtrim check` decided for one build of a repository.
package struct BuildGateOutcome: Sendable {
    package var build: DiscoveredBuild
    package var outcome: GateOutcome

    package init(build: DiscoveredBuild, outcome: GateOutcome) {
        self.build = build
        self.outcome = outcome
    }
}
