import DockerfileReader

/// The one stage of a Dockerfile to rewrite, read for what the recipes need: its base image, instructions as
/// written, the commands of its `RUN` steps, its working directory and its entrypoint.
struct SingleStage: Sendable {
    let dockerfile: Dockerfile
    let usage: StageUsage
    /// Lines before the first instruction (parser directives, header comments).
    let header: [String]
    /// Global `ARG`s, before `FROM`.
    let globalArgs: [WrittenInstruction]
    let from: WrittenInstruction
    /// The instructions after `FROM`.
    let body: [WrittenInstruction]

    var base: BaseImage { usage.baseImage }

    /// The base image repository without a Docker Hub prefix, lower-cased (`golang`, `eclipse-temurin`).
    var repository: String { base.repository.map(CompilerImage.officialName) ?? "" }

    /// The base image tag, lower-cased, "" when there is none.
    var tag: String { (base.tag ?? "").lowercased() }

    init(text: String, dockerfile: Dockerfile, usage: ContextUsage) throws(RewriteStop) {
        guard dockerfile.stages.count == 1, let stage = usage.stages.first else {
            throw RewriteStop(
                .alreadyMultiStage,
                "the Dockerfile already has \(dockerfile.stages.count) stages: ctxtrim rewrites single-stage builds only"
            )
        }
        guard dockerfile.directives.escapeToken == "\\" else {
            throw RewriteStop(.unplaceable, "the escape directive is not `\\`: the rewrite writes `\\` continuations")
        }
        guard stage.baseImage.kind == .image, stage.baseImage.unresolvedVariables.isEmpty else {
            throw RewriteStop(
                .unrecognised, "the base image `\(stage.baseImage.reference)` is not an image ctxtrim can name")
        }
        self.dockerfile = dockerfile
        self.usage = stage
        let (header, written) = WrittenInstruction.split(text, dockerfile: dockerfile)
        self.header = header
        let fromIndex = written.firstIndex { $0.keyword == "FROM" } ?? 0
        globalArgs = Array(written[..<fromIndex])
        from = written[fromIndex]
        body = Array(written[(fromIndex + 1)...])
    }

    /// The simple commands of a `RUN` instruction, heredoc scripts included.
    func commands(of item: WrittenInstruction) -> [ShellCommand] {
        guard case .run(let run) = item.instruction.detail else { return [] }
        return ([run.command] + item.instruction.heredocs.map(\.content)).flatMap(ShellCommand.split)
    }

    /// Every `RUN` instruction with its commands.
    var runSteps: [(item: WrittenInstruction, commands: [ShellCommand])] {
        body.filter { $0.keyword == "RUN" }.map { ($0, commands(of: $0)) }
    }

    /// Every command of every `RUN`, in order.
    var allCommands: [ShellCommand] { runSteps.flatMap(\.commands) }

    /// The `COPY`/`ADD` instructions that read the build context, with what they read.
    var contextCopies: [(item: WrittenInstruction, copy: CopyInstruction)] {
        body.compactMap { item in
            guard case .copy(let copy) = item.instruction.detail, copy.from == nil else { return nil }
            return (item, copy)
        }
    }

    /// The working directory in effect after the instruction at `index` of ``body`` (all of it when nil), "/" at
    /// the start, as BuildKit resolves `WORKDIR` (relative to the previous one). `ENV` expansion is not done: a
    /// `WORKDIR` with `$` makes it nil.
    func workdir(through index: Int? = nil) -> String? {
        var current = "/"
        for item in body.prefix((index ?? body.count - 1) + 1) where item.keyword == "WORKDIR" {
            let value = item.instruction.arguments.trimmingBlanks
            guard !value.contains("$") else { return nil }
            current = Self.resolve(value, from: current)
        }
        return current
    }

    /// `path` resolved against `directory`, `.` and `..` removed.
    static func resolve(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The command the image runs: the last `ENTRYPOINT` and `CMD`, as words. A shell form counts only when it is a
    /// plain list of words (no quotes, variables, globs or operators), since the runtime image may have no shell.
    func entrypoint() throws(RewriteStop) -> Entrypoint {
        let entry = body.last { $0.keyword == "ENTRYPOINT" }
        let command = body.last { $0.keyword == "CMD" }
        guard entry != nil || command != nil else {
            throw RewriteStop(
                .entrypoint, "the Dockerfile has no ENTRYPOINT or CMD: ctxtrim cannot tell what the image runs")
        }
        func words(_ item: WrittenInstruction?) throws(RewriteStop) -> [String]? {
            guard let item else { return nil }
            if let exec = item.instruction.execForm { return exec }
            let text = item.instruction.arguments
            let special = Set("$`'\"\\|&;<>()*?[]{}~#\n")
            guard !text.contains(where: special.contains) else {
                throw RewriteStop(
                    .entrypoint,
                    """
                    \(item.keyword) at line \(item.line) is a shell command (`\(Self.excerpt(text))`): the runtime \
                    image may have no shell, write it in exec form (JSON array)
                    """)
            }
            return InstructionWords.blankSeparated(text)
        }
        return Entrypoint(
            entrypoint: try words(entry), entrypointItem: entry, command: try words(command), commandItem: command)
    }

    /// The first 60 characters of `text`, for a message.
    static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}

/// What the image runs: `ENTRYPOINT` and `CMD` as words, with the instructions they came from.
struct Entrypoint: Sendable {
    let entrypoint: [String]?
    let entrypointItem: WrittenInstruction?
    let command: [String]?
    let commandItem: WrittenInstruction?

    /// The program started: the entrypoint's first word, else the command's.
    var program: String? { (entrypoint ?? command)?.first }
    /// Every word of the command line the container runs.
    var commandLine: [String] { (entrypoint ?? []) + (command ?? []) }

    /// The instruction that names the program, and its words.
    var programItem: (item: WrittenInstruction, words: [String])? {
        if let entrypoint, let entrypointItem, !entrypoint.isEmpty { return (entrypointItem, entrypoint) }
        if let command, let commandItem, !command.isEmpty { return (commandItem, command) }
        return nil
    }
}
