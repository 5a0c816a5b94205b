/// One item of a CI format (a SARIF result, a GitHub annotation, a GitLab issue): a finding or a gate violation,
/// with its location and fingerprint settled once for every format.
package struct CIAnnotation: Sendable, Equatable {
    /// The check id of the finding or gate violation.
    package var rule: CheckID
    package var severity: Severity
    /// What is wrong and what to do.
    package var message: String
    package var location: ReportLocation
    /// Stable across runs: 16 hex digits (see `FindingFingerprint`).
    package var fingerprint: String
    /// The finding it comes from, or nil for a gate violation.
    package var finding: Finding?
}

extension GateOutcome {
    /// Gate violations first (a Dockerfile docker build would refuse, budgets, growth), then every finding in
    /// `FindingOrder`.
    ///
    /// - Parameter pathPrefix: the context directory relative to the repository root, prepended to every location so
    ///   annotations land on the repository's files; empty when the context is the repository root.
    package func annotations(pathPrefix: String) -> [CIAnnotation] {
        let gate = violations
        let findings = FindingOrder.sorted(report.findings)
        let fingerprints = FindingFingerprint.fingerprints(
            of: gate.map(\.identity) + findings.map(FindingFingerprint.identity(of:)))
        let gateLocation = ReportLocation(gateOf: report.context, pathPrefix: pathPrefix)
        var out: [CIAnnotation] = []
        for (index, violation) in gate.enumerated() {
            out.append(
                CIAnnotation(
                    rule: violation.rule, severity: violation.severity, message: violation.fullMessage,
                    location: gateLocation, fingerprint: fingerprints[index], finding: nil))
        }
        for (index, finding) in findings.enumerated() {
            out.append(
                CIAnnotation(
                    rule: finding.check, severity: finding.severity, message: finding.message,
                    location: ReportLocation(finding: finding, pathPrefix: pathPrefix),
                    fingerprint: fingerprints[gate.count + index], finding: finding))
        }
        return out
    }
}
