/// The checks described for people: the README table and `ctxtrim checks` come from the checks' own descriptors.
package enum CheckCatalog {
    /// Every check: those over the walk, then the ignore-file lint and Dockerfile hints.
    package static var all: [CheckDescriptor] {
        CheckRegistry.descriptors + LintRegistry.descriptors.map(\.documentation)
    }

    /// Every check id, for validating configuration.
    package static var ids: Set<String> { Set(all.map(\.id)) }

    /// A Markdown table: id, severity, what it reports.
    package static var markdownTable: String {
        var lines = ["| check | severity | what it reports |", "| --- | --- | --- |"]
        for descriptor in all {
            lines.append("| `\(descriptor.id)` | \(descriptor.defaultSeverity.rawValue) | \(descriptor.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block per check: id, severity, summary, help and examples.
    package static var text: String {
        var out = ""
        for descriptor in all {
            out += "\(descriptor.id) (\(descriptor.defaultSeverity.rawValue)): \(descriptor.title)\n"
            out += "  \(descriptor.summary)\n"
            out += "  \(descriptor.help)\n"
            let triggers = descriptor.examples.filter(\.triggers).map(\.label)
            let quiet = descriptor.examples.filter { !$0.triggers }.map(\.label)
            if !triggers.isEmpty { out += "  reports: \(triggers.joined(separator: "; "))\n" }
            if !quiet.isEmpty { out += "  ignores: \(quiet.joined(separator: "; "))\n" }
            out += "\n"
        }
        return out
    }
}
