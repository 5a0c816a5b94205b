import ArgumentParser
import CtxtrimCore

/// `ctxtrim checks`: what each check reports, from the checks' own descriptions.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks", abstract: "Describe every check: id, severity, what it reports and examples.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Option(help: "text, markdown (the README's table) or json.")
    var format: Format = .text

    func run() throws {
        let output: String
        switch format {
        case .text: output = CheckCatalog.text
        case .markdown: output = CheckCatalog.markdownTable
        case .json: output = CheckCatalog.json.rendered() + "\n"
        }
        Console.standardOutput.write(output)
        Console.standardOutput.flush()
    }
}
