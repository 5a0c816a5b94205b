import DockerfileReader

/// Places a recipe's instructions among the user's own: the build stage keeps the user's `ARG`, `ENV`, `WORKDIR`
/// and source `COPY` lines in order, with the manifests and the dependency fetch before the sources and the build
/// after them; the runtime stage keeps what describes the running image (`ENV`, `WORKDIR`, `EXPOSE`, `USER`,
/// `LABEL`, ...) and the entrypoint, with the artifact copied in. Any instruction or command without a safe place
/// stops the rewrite.
struct StagePlacement {
    let stage: SingleStage
    let plan: RecipePlan
    let project: RewriteProject

    /// Instructions that describe the running image, not the build.
    private static let runtimeOnly: Set<String> = [
        "EXPOSE", "CMD", "ENTRYPOINT", "USER", "LABEL", "HEALTHCHECK", "VOLUME", "STOPSIGNAL", "MAINTAINER",
    ]

    func render() throws(RewriteStop) -> String {
        let build = try buildStage()
        let runtime = try runtimeStage()
        var parts: [String] = []
        if !stage.header.isEmpty { parts.append(stage.header.joined(separator: "\n")) }
        if !stage.globalArgs.isEmpty { parts.append(stage.globalArgs.map(\.block).joined(separator: "\n")) }
        parts.append(build.joined(separator: "\n"))
        parts.append(runtime.joined(separator: "\n"))
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Whether the `COPY` at `item` reads only manifests (and at least one), into the working directory.
    func isManifestCopy(_ item: WrittenInstruction, _ copy: CopyInstruction, index: Int) -> Bool {
        let sources = stage.usage.sources.filter { $0.line == item.line }
        guard !sources.isEmpty, !sources.contains(where: \.referencesEverything),
            let workdir = stage.workdir(through: index)
        else { return false }
        let read = project.files.filter { path in sources.contains { $0.references(path: path) } }
        guard !read.isEmpty, read.allSatisfy(plan.manifests.contains) else { return false }
        let destination = SingleStage.resolve(copy.destination, from: workdir)
        return destination == workdir || copy.destination.hasSuffix("/") && destination == workdir
    }

    private func buildStage() throws(RewriteStop) -> [String] {
        guard case .from(let from) = stage.from.instruction.detail else { return [] }
        var lines = stage.from.comments
        lines.append("FROM \(from.platform.map { "--platform=\($0) " } ?? "")\(from.image) AS build")
        let copies = stage.body.indices.filter { index in
            guard case .copy(let copy) = stage.body[index].instruction.detail, copy.from == nil else { return false }
            return !isManifestCopy(stage.body[index], copy, index: index)
        }
        let lastRun = stage.body.lastIndex { $0.keyword == "RUN" }
        var manifestsPlaced = false
        var fetchPlaced = false
        var buildPlaced = false
        for (index, item) in stage.body.enumerated() {
            switch item.keyword {
            case "ARG", "ENV", "WORKDIR":
                lines.append(item.block)
            case "COPY", "ADD":
                guard case .copy(let copy) = item.instruction.detail else { continue }
                if copy.from != nil {
                    lines.append(item.block)
                    continue
                }
                if isManifestCopy(item, copy, index: index) {
                    lines.append(item.block)
                    manifestsPlaced = true
                    if !fetchPlaced { lines += plan.fetch }
                    fetchPlaced = true
                    continue
                }
                try checkDestination(item, copy, index: index)
                if !manifestsPlaced { lines += plan.manifestCopies }
                if !fetchPlaced { lines += plan.fetch }
                (manifestsPlaced, fetchPlaced) = (true, true)
                if plan.buildCopiesSources {
                    lines.append(item.block)
                    if index == copies.last {
                        lines += plan.build
                        buildPlaced = true
                    }
                }
            case "RUN":
                let commands = stage.commands(of: item)
                if let foreign = commands.first(where: { !plan.replaces($0) }) {
                    let shown = SingleStage.excerpt(([foreign.program] + foreign.arguments).joined(separator: " "))
                    throw RewriteStop(
                        .unplaceable,
                        "RUN at line \(item.line) runs `\(shown)`, which ctxtrim cannot place in a build or runtime stage"
                    )
                }
            case "USER":
                if let lastRun, lastRun > index {
                    throw RewriteStop(
                        .unplaceable,
                        """
                        USER at line \(item.line) comes before RUN at line \(stage.body[lastRun].line): the build \
                        would run as another user, with other cache directories
                        """)
                }
            case let keyword where Self.runtimeOnly.contains(keyword):
                continue
            default:
                throw RewriteStop(
                    .unplaceable, "\(item.keyword) at line \(item.line) has no place ctxtrim can decide safely")
            }
        }
        guard fetchPlaced else {
            throw RewriteStop(.unplaceable, "the Dockerfile copies nothing from the context: there is nothing to build")
        }
        if !buildPlaced { lines += plan.build }
        return lines
    }

    /// The whole context must land in the working directory, where the manifests were copied.
    private func checkDestination(_ item: WrittenInstruction, _ copy: CopyInstruction, index: Int) throws(RewriteStop) {
        guard stage.usage.sources.contains(where: { $0.line == item.line && $0.referencesEverything }) else { return }
        guard let workdir = stage.workdir(through: index) else {
            throw RewriteStop(
                .unplaceable, "the WORKDIR before line \(item.line) uses a variable ctxtrim cannot expand")
        }
        guard SingleStage.resolve(copy.destination, from: workdir) == workdir else {
            throw RewriteStop(
                .unplaceable,
                """
                \(item.keyword) at line \(item.line) copies the context to `\(copy.destination)`, not to the \
                WORKDIR (\(workdir)) where the manifests would go
                """)
        }
    }

    private func runtimeStage() throws(RewriteStop) -> [String] {
        guard case .from(let from) = stage.from.instruction.detail else { return [] }
        var lines = ["FROM \(from.platform.map { "--platform=\($0) " } ?? "")\(plan.runtimeImage)"]
        lines += plan.runtimePrelude
        let entry = try stage.entrypoint()
        let programLine = entry.programItem?.item.line
        let lastSourceCopy =
            plan.runtimeCopiesSources
            ? stage.body.lastIndex { item in
                guard case .copy(let copy) = item.instruction.detail else { return false }
                return copy.from == nil
            } : nil
        var artifactsPlaced = false
        func placeArtifacts() {
            if !artifactsPlaced { lines += plan.artifacts }
            artifactsPlaced = true
        }
        for (index, item) in stage.body.enumerated() {
            switch item.keyword {
            case "ARG", "ENV", "WORKDIR", "LABEL", "EXPOSE", "VOLUME", "STOPSIGNAL", "MAINTAINER":
                lines.append(item.block)
            case "COPY", "ADD":
                guard plan.runtimeCopiesSources, case .copy(let copy) = item.instruction.detail, copy.from == nil
                else { continue }
                lines.append(item.block)
                if index == lastSourceCopy { placeArtifacts() }
            case "HEALTHCHECK":
                if !plan.runtimeHasShell, item.instruction.arguments.trimmingBlanks.uppercased() != "NONE" {
                    throw RewriteStop(
                        .unplaceable,
                        """
                        HEALTHCHECK at line \(item.line) runs a command, and \(plan.runtimeImage) has no shell or \
                        tools to run it
                        """)
                }
                placeArtifacts()
                lines.append(item.block)
            case "USER", "CMD", "ENTRYPOINT":
                if plan.runtimeCopiesSources, let lastSourceCopy, lastSourceCopy > index {
                    lines.append(item.block)
                    continue
                }
                placeArtifacts()
                if item.line == programLine, let program = plan.program, let words = entry.programItem?.words {
                    lines += item.comments
                    lines.append("\(item.keyword) \(InstructionWords.execForm([program] + words.dropFirst()))")
                } else if item.keyword != "USER", item.instruction.execForm == nil,
                    let words = item.keyword == "CMD" ? entry.command : entry.entrypoint,
                    item.line == (item.keyword == "CMD" ? entry.commandItem : entry.entrypointItem)?.line,
                    !plan.runtimeHasShell
                {
                    lines += item.comments
                    lines.append("\(item.keyword) \(InstructionWords.execForm(words))")
                } else {
                    lines.append(item.block)
                }
            default:
                continue
            }
        }
        placeArtifacts()
        return lines
    }
}
