import DockerfileReader

/// ctxtrim's own checks on a proposed Dockerfile, run before it is shown: it parses into a build and a runtime
/// stage; a scan of the context with it (the pipeline `check` runs, the Dockerfile given inline) raises no
/// `copy-source-missing`, `copy-source-ignored`, `single-stage-compiler-image` or `copy-all-before-install`; and
/// under the ignore file `fix` would write for the context with it, every source is still sent.
struct RewriteVerifier {
    let context: BuildContext
    let threads: Int

    /// The hints a proposal must not raise.
    static let forbidden: [CheckID] = [
        .copySourceMissing, .copySourceIgnored, .singleStageCompilerImage, .copyAllBeforeInstall,
    ]

    /// The checks passed, as sentences; throws ``RewriteStop`` naming the first that failed.
    func verify(_ text: String) throws -> [String] {
        var passed: [String] = []
        let dockerfile: Dockerfile
        do {
            dockerfile = try Dockerfile.parse(text, path: context.dockerfileDisplayPath)
            _ = try dockerfile.contextUsage()
        } catch {
            throw RewriteStop(.verificationFailed, "the proposal does not parse: \(error)")
        }
        guard dockerfile.stages.count == 2, dockerfile.stages[0].name == "build" else {
            throw RewriteStop(.verificationFailed, "the proposal does not have a build stage and a runtime stage")
        }
        passed.append("parses as a Dockerfile with a `build` stage and a runtime stage")

        var options = ContextScanner.Options()
        options.threads = threads
        options.git = false
        options.measureExcluded = false
        options.suggestionRate = nil
        options.enabledChecks = Set(Self.forbidden)
        let build = try BuildInputs.read(
            context: context, target: nil, options: options, unreadableDockerfile: .fails, inlineDockerfile: text)
        let report = try ScanPipeline(build: build, options: options).run()[0]
        try requireNone(Self.forbidden, in: report, what: "with the context's ignore file")
        passed.append(
            "`check` on it raises no " + Self.forbidden.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                + " (its COPY sources are all sent)")

        // The ignore file `fix` would write for this Dockerfile: planned on the user's own lines, as fix plans.
        let original = context.ignoreFile.flatMap { choice in
            try? InputFile.read(choice.path, kind: .ignoreFile, origin: choice.inputOrigin)
        }
        let userRules = try IgnoreRules(
            bytes: ManagedBlock.userBytes(original ?? []), source: context.ignoreFile?.displayPath ?? ".dockerignore")
        let planned = build.with(rules: userRules)
        let before = try ScanPipeline(build: planned, options: options).run()[0]
        let ignoreFile = context.ignoreFile.map { context.relativePath(of: $0.path) } ?? ".dockerignore"
        let proposal = try FixProposal.make(
            report: before, build: planned, original: original, ignoreFile: ignoreFile, strategy: .default,
            rate: .defaultRate)
        let fixed = build.with(rules: try IgnoreRules(bytes: proposal.updated, source: ignoreFile ?? ".dockerignore"))
        let after = try ScanPipeline(build: fixed, options: options).run()[0]
        try requireNone([.copySourceMissing, .copySourceIgnored], in: after, what: "under the ignore file fix writes")
        if let beforeFiles = before.build?.explicitFiles, let afterFiles = after.build?.explicitFiles,
            beforeFiles != afterFiles
        {
            throw RewriteStop(
                .verificationFailed, "the ignore file fix would write keeps out files the proposal copies")
        }
        passed.append(
            "the ignore file `fix` would write for it (\(proposal.plan.patternCount) "
                + (proposal.plan.patternCount == 1 ? "pattern" : "patterns") + ") keeps every source sent")
        return passed
    }

    private func requireNone(_ checks: [CheckID], in report: ScanReport, what: String) throws {
        if let finding = report.findings.first(where: { checks.contains($0.check) }) {
            throw RewriteStop(
                .verificationFailed, "the proposal raises `\(finding.check.rawValue)` \(what): \(finding.message)")
        }
    }
}
