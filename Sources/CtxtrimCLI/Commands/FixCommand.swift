import ArgumentParser
import CtxtrimCore
import UntrustedText

/// `ctxtrim fix`: writes a minimal, verified ignore file block and reports how much the context shrinks.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write a minimal .dockerignore that never excludes what the Dockerfile reads, and report the shrink.",
        discussion: """
            Writes to the ignore file BuildKit reads for this Dockerfile (<Dockerfile>.dockerignore when it exists, \
            else CONTEXT/.dockerignore, created when missing). Only ctxtrim's own marked block is added or replaced, \
            at the top of the file so your lines keep the last word; every other byte stays as it is. Before writing, \
            the context is walked again with the result to prove that every file the Dockerfile's sources read is \
            still sent; if not, nothing is written. The same proof covers every other build that reads the same \
            ignore file (compose services and Dockerfiles with the same context and no <Dockerfile>.dockerignore, \
            found from the git work tree root, else from the context), and the report lists them; if one of their \
            Dockerfiles cannot be read, fix refuses. After writing, the file is read back and walked again; if a \
            build would lose a source the original bytes are restored and the error names the ignore-file line and \
            the Dockerfile line. Running fix twice changes nothing the second time ("no change").
            --check writes nothing: it prints the diff and exits 1 when the ignore file is stale, 0 when it is up \
            to date (for pre-commit hooks and CI). --all finds every build under CONTEXT and fixes each ignore file \
            for all the builds that read it.
            The ignore file is replaced atomically, keeping its mode. In the context (untrusted in CI) a symlinked \
            ignore file is written through only to a regular file inside the context; a link leading out of it, a \
            FIFO, device or directory is refused, and a read-only file needs --force. --ignore-file may point \
            anywhere, but only to a regular file.
            Exit status: 0 done (or nothing to do; with --check: up to date), 1 with --check the ignore file is \
            stale, or the Dockerfile copies a secret (left alone), 2 error (also an ignore file fix refuses to \
            write, or a write rolled back: the file is left as it was).
            --dockerfile instead proposes a multi-stage version of a single-stage Go, Rust, Maven, Gradle, npm or \
            pip Dockerfile (a build stage with dependencies fetched before the sources and cache mounts, a runtime \
            stage on distroless, a JRE or a slim image), checked by ctxtrim before it is shown; --write replaces \
            the Dockerfile atomically (--keep-original keeps <Dockerfile>.orig). Exit status: 0 proposed or \
            written (with --check: nothing pending), 1 left alone with the reason (with --check: a rewrite is \
            pending), 2 error.
            """)

    @OptionGroup var contextOptions: ContextOptions

    @OptionGroup var buildOptions: BuildOptions

    @OptionGroup var buildContextOptions: BuildContextOptions

    @OptionGroup var configOptions: ConfigOptions

    @Flag(help: "Print the unified diff and the shrink report; write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing; print the diff and exit 1 when the ignore file is stale, 0 when it is up to date.")
    var check = false

    @Flag(help: "Find every build under CONTEXT and fix each ignore file for all the builds that read it.")
    var all = false

    @OptionGroup var composeOptions: ComposeOptions

    @Flag(help: "Replace the ignore file even when it is read-only (its mode is kept).")
    var force = false

    @Option(
        help:
            "auto (plan both and write the better), deny (exclude what is flagged and never read), or allow (* and exact ! exceptions)."
    )
    var strategy: FixStrategy = .default

    @Flag(help: "Exclude a git-tracked file that holds a credential instead of reporting it (the build may need it).")
    var excludeTrackedSecrets = false

    @Flag(help: "Propose a multi-stage version of the single-stage Dockerfile instead of fixing the ignore file.")
    var dockerfile = false

    @Flag(help: "With --dockerfile: replace the Dockerfile with the proposal (atomically).")
    var write = false

    @Flag(help: "With --dockerfile --write: first copy the Dockerfile to <Dockerfile>.orig.")
    var keepOriginal = false

    @OptionGroup var transferOptions: TransferOptions

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var gitOptions: GitOptions

    func validate() throws {
        if (write || keepOriginal) && !dockerfile {
            throw ValidationError("--write and --keep-original go with --dockerfile")
        }
        if keepOriginal && !write { throw ValidationError("--keep-original goes with --write") }
        if dockerfile && (all || dryRun || (check && write)) {
            throw ValidationError(
                "--dockerfile rewrites one Dockerfile: drop --all and --dry-run, and --check with --write")
        }
        if check && dryRun { throw ValidationError("--check already writes nothing; drop --dry-run") }
        if all && (contextOptions.dockerfile != nil || contextOptions.ignoreFile != nil || buildOptions.target != nil) {
            throw ValidationError(
                "--all finds each build's Dockerfile, target and ignore file; drop --file, --target and --ignore-file")
        }
        if all && !buildContextOptions.values.isEmpty {
            throw ValidationError("--all takes each build's named contexts from compose and bake; drop --build-context")
        }
    }

    func run() throws {
        let status: ExitCode = try reportingErrors {
            var options = IgnoreFileFixer.Options(
                threads: threadOptions, git: gitOptions, build: buildOptions, config: configOptions)
            options.strategy = strategy
            options.excludeTrackedSecrets = excludeTrackedSecrets
            options.rate = transferOptions.rate
            options.dryRun = dryRun
            options.check = check
            options.force = force
            options.compose = composeOptions.discovery
            options.namedContexts = try buildContextOptions.parsed()
            let style = TextStyle(color: Console.standardOutput.usesColor)
            if dockerfile { return try runDockerfile(style: style) }
            if all { return try runAll(options: options, style: style) }
            let context = try contextOptions.resolve()
            let outcome = try IgnoreFileFixer(context: context, options: options).run()
            Console.show(TextReporter().render(.fix(outcome, dryRun: dryRun), options: RenderOptions(style: style)))
            return Self.status(of: outcome)
        }
        throw status
    }

    /// 1 for a stale file under `--check` or a secret the Dockerfile copies, else 0.
    static func status(of outcome: IgnoreFileFixer.Outcome) -> ExitCode {
        (outcome.checked && outcome.changed) || !outcome.plan.problems.isEmpty
            ? ExitStatus.findings : ExitStatus.success
    }

    /// `--all`: one section per ignore file; an ignore file that could not be fixed is reported and makes the
    /// status 2, after the others were fixed.
    private func runAll(options: IgnoreFileFixer.Options, style: TextStyle) throws -> ExitCode {
        let results = try IgnoreFileFixer.runAll(root: contextOptions.context, options: options)
        var status = ExitStatus.success
        for result in results {
            Console.standardOutput.line(style.bold("== \(TerminalText.escape(result.ignoreFile))"))
            switch result.outcome {
            case .success(let outcome):
                Console.show(
                    TextReporter().render(.fix(outcome, dryRun: dryRun), options: RenderOptions(style: style)))
                if status == ExitStatus.success { status = Self.status(of: outcome) }
            case .failure(let error):
                Console.standardOutput.flush()
                Console.standardError.write(ErrorReport.text(error))
                Console.standardError.flush()
                status = ExitStatus.of(error)
            }
        }
        if results.isEmpty {
            Console.standardOutput.line("no builds found under \(TerminalText.escape(contextOptions.context))")
        }
        return status
    }
}
