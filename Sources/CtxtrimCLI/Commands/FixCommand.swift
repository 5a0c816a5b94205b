import ArgumentParser
import CtxtrimCore

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
            still sent; if not, nothing is written. Running fix twice changes nothing the second time.
            The ignore file is replaced atomically, keeping its mode. In the context (untrusted in CI) a symlinked \
            ignore file is written through only to a regular file inside the context; a link leading out of it, a \
            FIFO, device or directory is refused, and a read-only file needs --force. --ignore-file may point \
            anywhere, but only to a regular file.
            Exit status: 0 done (or nothing to do), 1 the Dockerfile copies a secret (left alone), 2 error (also an \
            ignore file fix refuses to write; nothing is written).
            """)

    @OptionGroup var contextOptions: ContextOptions

    @OptionGroup var buildOptions: BuildOptions

    @OptionGroup var configOptions: ConfigOptions

    @Flag(help: "Print the unified diff and the shrink report; write nothing.")
    var dryRun = false

    @Flag(help: "Replace the ignore file even when it is read-only (its mode is kept).")
    var force = false

    @Option(help: "deny (exclude what is flagged and never read), allow (* and exact ! exceptions), or auto.")
    var strategy: FixStrategy = .deny

    @Option(help: "Bandwidth for the transfer-time estimate, such as 1Gbit/s or 50MB/s.")
    var bandwidth: String = TransferRate.defaultDescription

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var gitOptions: GitOptions

    func validate() throws {
        guard TransferRate.parse(bandwidth) != nil else {
            throw ValidationError(
                "--bandwidth must be a rate from 8bit/s to 1TB/s such as 100Mbit/s, 1Gbit/s or 50MB/s")
        }
    }

    func run() throws {
        let status: ExitCode = try reportingErrors {
            let context = try contextOptions.resolve()
            var options = IgnoreFileFixer.Options(
                threads: threadOptions, git: gitOptions, build: buildOptions, config: configOptions)
            options.strategy = strategy
            options.rate = TransferRate.parse(bandwidth) ?? .defaultRate
            options.dryRun = dryRun
            options.force = force
            let outcome = try IgnoreFileFixer(context: context, options: options).run()
            let style = TextStyle(color: Console.standardOutput.usesColor)
            Console.show(TextReporter().render(.fix(outcome, dryRun: dryRun), options: RenderOptions(style: style)))
            return outcome.plan.problems.isEmpty ? ExitStatus.success : ExitStatus.findings
        }
        throw status
    }
}
