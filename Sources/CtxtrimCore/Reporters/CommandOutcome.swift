import UntrustedText

/// What one command decided: the value every ``Reporter`` renders.
package enum CommandOutcome: Sendable {
    /// `scan` of one build.
    case scan(ScanReport)
    /// `scan --all`: every build of a repository from one walk.
    case builds(MultiScanReport)
    /// `check` of one build.
    case check(GateOutcome)
    /// `check --all`: each build judged with its own settings, and the files discovery skipped.
    case checkAll([BuildGateOutcome], skipped: [Discovery.SkippedFile] = [])
    /// `ls`.
    case listing(ContextListing)
    /// `explain`.
    case explanations(PathExplanations)
    /// `fix`, and whether it was a dry run (the diff is shown instead of what was written).
    case fix(IgnoreFileFixer.Outcome, dryRun: Bool)
    /// `digest` of one build, or of every build with `--all`.
    case digest(DigestOutcome)

    /// The cases without their values, for asking a reporter what it renders before anything runs.
    package enum Kind: Sendable, CaseIterable {
        case scan, builds, check, checkAll, listing, explanations, fix, digest
    }

    package var kind: Kind {
        switch self {
        case .scan: .scan
        case .builds: .builds
        case .check: .check
        case .checkAll: .checkAll
        case .listing: .listing
        case .explanations: .explanations
        case .fix: .fix
        case .digest: .digest
        }
    }

    /// Warnings for standard error, for views that do not list diagnostics themselves: the git diagnostics of a
    /// scan or check (git classes are missing, which a CI log shows apart), and every walk diagnostic of `ls`.
    package var warnings: [String] {
        let diagnostics: [ScanReport.Diagnostic]
        switch self {
        case .scan(let report): diagnostics = report.diagnostics.filter(\.isGit)
        case .builds(let report): diagnostics = report.builds.flatMap(\.report.diagnostics).filter(\.isGit)
        case .check(let outcome): diagnostics = outcome.report.diagnostics.filter(\.isGit)
        case .checkAll(let outcomes, _): diagnostics = outcomes.flatMap(\.outcome.report.diagnostics).filter(\.isGit)
        case .listing(let listing): diagnostics = listing.diagnostics
        case .explanations, .fix, .digest: diagnostics = []
        }
        return diagnostics.map {
            "ctxtrim: warning: \($0.kind) \(TerminalText.escape($0.path)): " + TerminalText.escape($0.message)
        }
    }
}

extension ScanReport.Diagnostic {
    /// A diagnostic that says git classes are missing (`git-timeout`, `git-error`, …).
    var isGit: Bool { kind.hasPrefix("git.") }
}

extension CommandOutcome {
    /// The kinds the check formats (SARIF, GitHub, GitLab, Markdown) show: a scan, a check, every build's check.
    package static let checkKinds: Set<Kind> = [.scan, .check, .checkAll]

    /// The outcome as a check format shows it: the check itself, every build's check joined into one (paths from
    /// the repository root), or a scan as a check in which nothing fails; nil for the other kinds.
    package var shownAsCheck: GateOutcome? {
        switch self {
        case .scan(let report): GateOutcome(unjudged: report)
        case .check(let gate): gate
        case .checkAll(let outcomes, _): CombinedGate.combine(outcomes)
        case .builds, .listing, .explanations, .fix, .digest: nil
        }
    }

    /// Whether this is a check (one build or all), as opposed to a scan shown in a check format.
    package var isCheck: Bool { kind == .check || kind == .checkAll }
}

extension GateOutcome {
    /// The context's path inside the repository, which CI annotations are relative to ("" at the root).
    package var repositoryPathPrefix: String { report.git?.contextPath ?? "" }
}
