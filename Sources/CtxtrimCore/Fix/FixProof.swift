import DockerfileReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proof that an ignore file keeps what every build reading it needs: one walk of the context for all of them,
/// and, when a build would lose a file, the line of the ignore file and the Dockerfile source that show why.
struct FixProof {
    /// The builds that read the ignore file, the fixed one first, each with a name for messages.
    let builds: [(name: String, inputs: BuildInputs)]
    let threads: Int
    /// The ignore file as messages name it.
    let source: String

    /// One walk of the context under `rules` for every build: no git, no checks.
    func walk(rules: IgnoreRules) throws -> [ScanReport] {
        var options = ContextScanner.Options()
        options.threads = threads
        options.measureExcluded = false
        options.git = false
        options.findings = false
        options.suggestionRate = nil
        let root = builds[0].inputs.context.root
        return try ScanPipeline(walkRoot: root, builds: builds.map { $0.inputs.with(rules: rules) }, options: options)
            .run()
    }

    /// Throws `FixError.unsafe` when a build whose Dockerfile was read sends fewer of the files its explicit sources
    /// read under `new` than under `old` (the walks `after` and `before`), or when `new` excludes a literal source path
    /// `old` let through.
    /// `outcome` ends the message: what became of the ignore file ("nothing was written").
    func check(
        before: [ScanReport], after: [ScanReport], old: IgnoreRules, new: IgnoreRules, outcome: String
    ) throws {
        for (index, build) in builds.enumerated() {
            guard let analysis = build.inputs.analysis else { continue }
            for source in analysis.explicitSources where !source.isWildcard {
                let wasIn = !(try old.matcher.excluded(source.pattern).excluded)
                let verdict = try new.matcher.excluded(source.pattern)
                if wasIn && verdict.excluded {
                    throw unsafe(
                        rule: verdict.decidingRule, rules: new, path: source.pattern, source: source,
                        build: build, outcome: outcome)
                }
            }
            guard let was = before[index].build, let now = after[index].build, was.error == nil,
                now.explicitFiles != was.explicitFiles
            else { continue }
            if let lost = try firstLost(by: build, old: old, new: new) {
                throw unsafe(
                    rule: lost.rule, rules: new, path: lost.path, source: lost.source, build: build, outcome: outcome)
            }
            throw FixError(
                code: .unsafe,
                message: """
                    the generated ignore file would drop \(was.explicitFiles.files - now.explicitFiles.files) file(s) \
                    that the sources of \(build.name) read; \(outcome)
                    """,
                fix: "report this with the Dockerfile; meanwhile edit the ignore file by hand")
        }
    }

    /// The first file (bytewise) sent under `old` that a source of `build` reads and `new` keeps out, with the rule
    /// that keeps it out. Lists the context once: only run when the counts already differ.
    private func firstLost(
        by build: (name: String, inputs: BuildInputs), old: IgnoreRules, new: IgnoreRules
    ) throws -> (path: String, source: ContextSource, rule: Int?)? {
        guard let analysis = build.inputs.analysis else { return nil }
        let listing = try ContextListing.list(
            root: build.inputs.context.root, rules: old, excluded: false, threads: threads)
        let matchers = try analysis.sourcesWithCopyMatchers()
        for entry in listing.entries where entry.kind == .file {
            let path = entry.pathText
            let decision = try new.matcher.sent(path)
            guard !decision.sent else { continue }
            if let (source, _) = try matchers.first(where: { try $0.copies.excluded(path).excluded }) {
                return (path, source, decision.decidingRule)
            }
        }
        return nil
    }

    private func unsafe(
        rule: Int?, rules: IgnoreRules, path: String, source: ContextSource,
        build: (name: String, inputs: BuildInputs), outcome: String
    ) -> FixError {
        let line = rule.map { rules.matcher.file.rules[$0] }
        let culprit =
            line.map {
                "line \($0.line) of \(self.source) (`\($0.displayPattern)`)"
            } ?? "the generated ignore file"
        let dockerfile = build.inputs.context.dockerfileDisplayPath
        return FixError(
            code: .unsafe,
            message: """
                \(culprit) would keep out `\(path)`, which \(build.name) reads \
                (\(dockerfile):\(source.line): \(source.written)); \(outcome)
                """,
            fix: "report this with the Dockerfile; meanwhile edit the ignore file by hand")
    }

    /// Puts the ignore file back as it was before `fix` wrote it: the original bytes written atomically, or the file
    /// removed when `fix` created it.
    static func restore(_ original: [UInt8]?, at path: String) throws {
        if let original {
            try AtomicFile.write(original, to: path)
        } else if unlink(path) != 0, errno != ENOENT {
            throw FixError(
                code: .rolledBack,
                message: "could not remove the ignore file fix created at \(path) (errno \(errno))",
                fix: "delete it by hand")
        }
    }
}
