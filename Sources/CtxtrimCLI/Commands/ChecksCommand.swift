import ArgumentParser
import CtxtrimCore

/// `ctxtrim checks`: what each check reports, from the checks' own descriptions.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks", abstract: "Describe every check: id, severity, what it reports and examples.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text or markdown (the README's table).")
    var format: Format = .text

    func run() throws {
        Console.standardOutput.write(format == .markdown ? CheckCatalog.markdownTable : CheckCatalog.text)
        Console.standardOutput.flush()
    }
}
