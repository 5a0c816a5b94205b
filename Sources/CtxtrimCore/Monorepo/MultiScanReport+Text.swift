import UntrustedText

extension MultiScanReport {
    /// A table of the builds: what each sends and transfers, and how many findings it has; then the totals.
    package func text(style: TextStyle) -> String {
        let header = ["build", "context", "sent", "transferred", "findings"]
        var rows: [[String]] = builds.map { scan in
            let transferred = Self.transferred(scan.report)
            return [
                TerminalText.escape(scan.build.name), TerminalText.escape(scan.build.context),
                "\(ByteCount.format(scan.report.sent.bytes)) / \(TextLayout.count(scan.report.sent.files, "file"))",
                "\(ByteCount.format(transferred.bytes)) / \(TextLayout.count(transferred.files, "file"))",
                Self.findingCounts(scan.report.findings),
            ]
        }
        let totals = totals
        rows.append([
            "total", TextLayout.count(totals.builds, "build"),
            "\(ByteCount.format(totals.sent.bytes)) / \(TextLayout.count(totals.sent.files, "file"))",
            "\(ByteCount.format(totals.transferred.bytes)) / \(TextLayout.count(totals.transferred.files, "file"))",
            TextLayout.grouped(totals.findings),
        ])
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column < 2 ? TextLayout.padRight(cell, widths[column]) : TextLayout.padLeft(cell, widths[column])
            }.joined(separator: "  ")
        }
        var out = [style.bold(line(header))]
        out += rows.dropLast().map(line)
        out.append(style.dim(line(rows[rows.count - 1])))
        out.append(style.dim("one walk of the repository in \(Int((walkSeconds * 1000).rounded())) ms"))
        return out.joined(separator: "\n") + "\n"
    }

    /// `2 error, 1 warning`, or `0`.
    static func findingCounts(_ findings: [Finding]) -> String {
        let parts = [Severity.error, .warning, .info].compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        return parts.isEmpty ? "0" : parts.joined(separator: ", ")
    }
}
