import GitClassifier

/// Gives each finding about a path git does not track a place a reviewer can act on: the Dockerfile line that copies
/// it, else the ignore file (its first line). Tracked paths and findings about the build files themselves are
/// annotated where they are. A finding about the whole context (`untracked-bulk`) has no file of its own: it goes to
/// the `COPY . .` line, the ignore file or the Dockerfile's first line, as a gate condition does.
enum FindingAnchors {
    static func anchored(
        _ findings: [Finding], context: BuildContext, analysis: DockerfileAnalysis?, snapshot: GitStatusSnapshot?
    ) -> [Finding] {
        let buildFiles = Set([context.dockerfileDisplayPath, context.ignoreFile?.displayPath].compactMap { $0 })
        let dockerfileInside = context.relativePath(of: context.dockerfile) != nil
        let ignoreFile = context.ignoreFile.flatMap { context.relativePath(of: $0.path) }
        return findings.map { finding in
            var finding = finding
            guard !buildFiles.contains(finding.path), finding.anchor == nil else { return finding }
            let isContext = finding.subject.kind == .context
            if let snapshot, !isContext {
                let isDirectory = finding.subject.isDirectory
                if snapshot.classify(path: finding.path, isDirectory: isDirectory).gitClass == .tracked {
                    return finding
                }
            }
            if dockerfileInside, let analysis,
                let source = analysis.source(protecting: finding.path) ?? analysis.rootSource
            {
                finding.anchor = .init(file: context.dockerfileDisplayPath, line: source.line)
            } else if let ignoreFile {
                finding.anchor = .init(file: ignoreFile, line: 1)
            } else if isContext, dockerfileInside {
                finding.anchor = .init(file: context.dockerfileDisplayPath, line: 1)
            }
            // Shown at another file's line, the message must name the path itself.
            if finding.anchor != nil && !finding.message.contains(finding.path) {
                finding.message = "`\(finding.path)`: " + finding.message
            }
            return finding
        }
    }
}
