import UntrustedText

extension MultiScanReport {
    /// The terminal width the table fits unless `wide` is asked for.
    package static let tableWidth = 100

    /// A table of the builds (what each sends and transfers, its findings), the totals with each shared context
    /// counted once, the ignore files several builds read, and what discovery skipped. Names and contexts are
    /// shortened in the middle to fit ``tableWidth`` columns unless `wide`.
    package func text(style: TextStyle, wide: Bool = false) -> String {
        let header = ["build", "context", "sent", "files", "transferred", "files", "errors", "warnings"]
        var rows: [[String]] = builds.map { scan in
            let transferred = Self.transferred(scan.report)
            return [
                TerminalText.escape(scan.build.name), TerminalText.escape(scan.build.context),
                ByteCount.format(scan.report.sent.bytes), TextLayout.grouped(scan.report.sent.files),
                ByteCount.format(transferred.bytes), TextLayout.grouped(transferred.files),
                TextLayout.grouped(scan.report.findings.count { $0.severity == .error }),
                TextLayout.grouped(scan.report.findings.count { $0.severity == .warning }),
            ]
        }
        let totals = totals
        let allFindings = builds.flatMap(\.report.findings)
        rows.append([
            "total", TextLayout.count(totals.contexts, "context"),
            ByteCount.format(totals.sent.bytes), TextLayout.grouped(totals.sent.files),
            ByteCount.format(totals.transferred.bytes), TextLayout.grouped(totals.transferred.files),
            TextLayout.grouped(allFindings.count { $0.severity == .error }),
            TextLayout.grouped(allFindings.count { $0.severity == .warning }),
        ])
        var widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        if !wide { Self.fit(&widths, total: Self.tableWidth) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                switch column {
                // A name keeps its start (`bake:validate-…`) and end (`…/Dockerfile`); a context its last directories.
                case 0: TextLayout.padRight(TextLayout.elided(cell, widths[column]), widths[column])
                case 1: TextLayout.padRight(TextLayout.elidedStart(cell, widths[column]), widths[column])
                default: TextLayout.padLeft(cell, widths[column])
                }
            }.joined(separator: "  ")
        }
        var out = [style.bold(line(header))]
        out += rows.dropLast().map(line)
        out.append(style.dim(line(rows[rows.count - 1])))
        if totals.sentByBuilds.bytes != totals.sent.bytes || totals.sentByBuilds.files != totals.sent.files {
            out.append(
                style.dim(
                    "sent counts each of the \(TextLayout.count(totals.contexts, "context")) once; the "
                        + "\(TextLayout.count(totals.builds, "build")) send "
                        + "\(ByteCount.format(totals.sentByBuilds.bytes)) between them"))
        }
        let limit = wide ? Int.max : Self.tableWidth
        let shared = contexts.filter { $0.builds.count > 1 }
        if !shared.isEmpty {
            out.append("")
            out.append(style.bold("contexts several builds send (one ignore file decides for all of them)"))
            for context in shared {
                let file = context.ignoreFile.map { TerminalText.escape($0) } ?? "no ignore file"
                let lead = "  \(file) (context \(TerminalText.escape(context.context))): "
                out.append(Self.listLine(lead, context.builds.map(TerminalText.escape), limit: limit))
            }
        }
        if let skipped = discovery?.skipped, !skipped.isEmpty {
            out.append("")
            out.append(Self.skippedSummary(skipped, configSource: discovery?.configSource, limit: limit))
        }
        out.append(style.dim("one walk of the repository in \(Int((walkSeconds * 1000).rounded())) ms"))
        return out.joined(separator: "\n") + "\n"
    }

    /// Shrinks the build and context columns (the only ones of unbounded width) until the row fits `total`.
    static func fit(_ widths: inout [Int], total: Int) {
        let separators = 2 * (widths.count - 1)
        let fixed = widths[2...].reduce(0, +) + separators
        var room = max(total - fixed, 24)
        guard widths[0] + widths[1] > room else { return }
        // The context column gets at most two fifths; the build names keep what the contexts leave.
        let context = min(widths[1], max(room * 2 / 5, 10))
        room -= context
        widths[1] = context
        widths[0] = max(min(widths[0], room), 10)
    }

    /// `lead` and as many of `names` as fit `limit` columns, then `and N more`.
    static func listLine(_ lead: String, _ names: [String], limit: Int) -> String {
        var line = lead
        for (index, name) in names.enumerated() {
            let piece = (index == 0 ? "" : ", ") + name
            let rest = names.count - index - 1
            let tail = rest > 0 ? ", and \(rest) more" : ""
            if index > 0, line.count + piece.count + tail.count > limit {
                return line + ", and \(names.count - index) more"
            }
            line += piece
        }
        return line
    }

    /// `skipped 37 files as test data (**/testfiles) ...`: what discovery left out and how to take it back.
    static func skippedSummary(_ skipped: [Discovery.SkippedFile], configSource: String?, limit: Int) -> String {
        let testData = skipped.filter(\.skip.isTestData)
        let excluded = skipped.filter { !$0.skip.isTestData }
        var lines: [String] = []
        if !testData.isEmpty {
            lines.append(
                "skipped \(TextLayout.count(testData.count, "test-data or template file")) "
                    + "(.ctxtrim.yml `discovery: {test-data: include}` takes them)")
            let patterns = Array(Set(testData.map(\.skip.pattern))).sorted().map(TerminalText.escape)
            lines.append(listLine("  matched by ", patterns, limit: limit))
        }
        if !excluded.isEmpty {
            let source = TerminalText.escape(configSource ?? CtxtrimConfig.fileName)
            lines.append("skipped \(TextLayout.count(excluded.count, "file")) by discovery.exclude in \(source)")
        }
        lines.append(listLine("  ", skipped.map { TerminalText.escape($0.path) }, limit: limit))
        return lines.joined(separator: "\n")
    }
}
