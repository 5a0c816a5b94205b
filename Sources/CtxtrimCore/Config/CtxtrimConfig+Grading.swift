import DockerIgnore

extension CtxtrimConfig {
    /// The checks a scan under this config runs: `requested` (all when nil) but those the config turns off. Turned
    /// off means not run at all, so they claim no directories and hide nothing another check would report.
    package func enabledChecks(within requested: Set<CheckID>?) -> Set<CheckID>? {
        guard !disabledChecks.isEmpty else { return requested }
        return (requested ?? CheckCatalog.ids).subtracting(disabledChecks)
    }

    /// `findings` as this config wants them: disabled checks and suppressed paths dropped, severities overridden.
    /// Every command applies it the same way, so `scan`, `check` and `fix` see the same findings.
    ///
    /// - Throws: `IgnoreError` for a suppression glob that fails at match time.
    package func graded(_ findings: [Finding]) throws -> [Finding] {
        guard !disabledChecks.isEmpty || !suppressions.isEmpty || !severityOverrides.isEmpty else { return findings }
        let suppressions = try self.suppressions.map { suppression in
            let file = try IgnoreFile.parse(text: suppression.path, source: source ?? Self.fileName)
            return (try IgnoreMatcher(file), suppression.checks.map(Set.init))
        }
        return try findings.compactMap { finding in
            if disabledChecks.contains(finding.check) { return nil }
            for (matcher, checks) in suppressions where checks?.contains(finding.check) ?? true {
                if try matcher.excluded(finding.path).excluded { return nil }
            }
            var graded = finding
            if let severity = severityOverrides[finding.check] { graded.severity = severity }
            return graded
        }
    }
}
