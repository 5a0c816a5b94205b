import UntrustedText

/// What `ctxtrim digest` found: one build's digest, or every build's with `--all`.
package struct DigestOutcome: Sendable {
    /// One build and its digest, or why it has none.
    package struct Build: Sendable {
        /// The build's name with `--all`; nil for the one build of a plain digest.
        package var name: String?
        /// The context and Dockerfile as the user names them.
        package var context: String
        package var dockerfile: String
        package var ignoreFile: String?
        package var digest: BuildDigest?
        package var failure: String?
    }

    package var builds: [Build]
    /// Whether this is `--all` (a table of builds, even of one).
    package var all: Bool

    /// The outcome of the reports of a digest walk.
    package init(reports: [(name: String?, report: ScanReport)], all: Bool) {
        builds = reports.map { name, report in
            Build(
                name: name, context: report.context.root, dockerfile: report.context.dockerfile,
                ignoreFile: report.context.ignoreFile, digest: report.buildDigest, failure: report.digestFailure)
        }
        self.all = all
    }

    /// `sha256:HEX` alone for one build (for `$(ctxtrim digest)`); `sha256:HEX  NAME` per build with `--all`, a
    /// build without a digest as `-` and its reason on standard error.
    package var text: (output: String, messages: [String]) {
        var lines: [String] = []
        var messages: [String] = []
        for build in builds {
            let label = build.digest?.label ?? "-"
            lines.append(all ? "\(label)  \(TerminalText.escape(build.name ?? build.context))" : label)
            if let failure = build.failure {
                messages.append(
                    "ctxtrim: \(TerminalText.escape(build.name ?? build.context)): " + TerminalText.escape(failure))
            }
        }
        if let unpinned = Set(builds.flatMap { $0.digest?.unpinnedImages ?? [] }).sorted().nonEmpty {
            messages.append(
                "ctxtrim: note: base images named by tag are covered by name only: "
                    + unpinned.map(TerminalText.escape).joined(separator: ", ") + " (pin them with @sha256:...)")
        }
        return (lines.joined(separator: "\n"), messages)
    }
}

extension Array {
    fileprivate var nonEmpty: Self? { isEmpty ? nil : self }
}
