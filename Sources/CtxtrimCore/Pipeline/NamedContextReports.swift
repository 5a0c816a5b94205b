/// Folds the reports of a build's named contexts into the build's report: a `namedContexts` entry each, and their
/// findings among the build's, named from the build's context root (`../lib/key.pem`) and saying which context they
/// are in, so none can be taken for a path of the main context.
enum NamedContextReports {
    /// - Throws: `IgnoreError` when a suppression glob of the build's config fails at match time.
    static func attach(_ reports: [Int: ScanReport], of build: BuildInputs, to report: ScanReport) throws
        -> ScanReport
    {
        guard !build.namedContexts.isEmpty else { return report }
        var report = report
        var findings = report.findings
        for (index, named) in build.namedContexts.enumerated() {
            var usage = ScanReport.NamedContextUsage(name: named.context.name)
            switch named.context.value {
            case .remote(let value):
                usage.value = value
            case .local(let path):
                usage.path = path
                usage.local = true
            }
            if let inputs = named.inputs, let own = reports[index] {
                let prefix = BuildContext.relativeDisplay(of: inputs.context.root, from: build.context.root)
                usage.read = true
                usage.ignoreFile = inputs.context.ignoreFile?.displayPath
                usage.sent = own.sent
                let transferred = own.build.flatMap { $0.error == nil ? $0.transferred : nil }
                usage.transferred = transferred ?? .init(files: own.sent.files, bytes: own.sent.bytes)
                let moved = try build.config.graded(
                    own.findings.map {
                        rebased($0, prefix: prefix, name: named.context.name, ownIgnoreFile: inputs.context)
                    })
                usage.findings = moved.count
                findings += moved
            }
            report.namedContexts.append(usage)
        }
        report.namedContexts.sort { $0.name < $1.name }
        report.findings = FindingOrder.sorted(findings)
        return report
    }

    /// A named context's finding as the build reports it: entry paths and anchors from the build's context root.
    /// Ignore-file and Dockerfile lines already name their files so (see `BuildInputs.namedInputs`).
    static func rebased(_ finding: Finding, prefix: String, name: String, ownIgnoreFile context: BuildContext)
        -> Finding
    {
        var finding = finding
        switch finding.subject.kind {
        case .file, .directory, .symlink, .special, .context:
            finding.path = BuildContext.prefixed(finding.path, with: prefix)
        case .ignoreFile, .ignoreFileLine, .dockerfileLine, .declarationLine:
            break
        }
        if var anchor = finding.anchor, anchor.file != context.dockerfileDisplayPath,
            anchor.file != context.ignoreFile?.displayPath
        {
            anchor.file = BuildContext.prefixed(anchor.file, with: prefix)
            finding.anchor = anchor
        }
        finding.message = "In the named context `\(name)`: " + finding.message
        return finding
    }
}
