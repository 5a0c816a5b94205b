import ReportPage

/// One self-contained HTML page (`--format html`): the treemap of each build's context, its totals, findings, the
/// ignore-file change `fix` proposes and the largest entries, drawn by the page's own script from one embedded JSON
/// document (``pageData(_:options:)``) whose reports are exactly what `--format json` prints.
package struct HTMLReporter: Reporter {
    /// The version of the embedded document's shape, which the page's script reads.
    static let pageVersion = 1

    package init() {}

    package var name: String { "html" }

    package var drawsContextMap: Bool { true }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool {
        [.scan, .builds, .check, .checkAll].contains(kind)
    }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        let page = ReportPage.render(
            subject: Self.subject(outcome), data: Self.pageData(outcome, options: options).rendered(indent: 0))
        return Rendering(output: page, messages: outcome.warnings)
    }

    /// What the page shows, as JSON: `{"ctxtrimPage","tool","command","classes","views","shared","gate"}`.
    static func pageData(_ outcome: CommandOutcome, options: RenderOptions) -> JSONValue {
        var document: [String: JSONValue] = [
            "ctxtrimPage": .int(pageVersion),
            "tool": .object(["name": .string("ctxtrim"), "version": .string(options.toolVersion)]),
            "classes": MapClass.legendJSON, "shared": .null, "gate": .null,
        ]
        switch outcome {
        case .scan(let report):
            document["command"] = .string("scan")
            document["views"] = .array([view(name: nil, json: report.json, report: report)])
        case .builds(let multi):
            document["command"] = .string("scan --all")
            document["views"] = .array(
                multi.builds.map { view(name: $0.build.name, json: $0.report.json, report: $0.report) })
            document["shared"] = .object(multi.sharedJSON)
        case .check(let gate):
            document["command"] = .string("check")
            document["views"] = .array([view(name: nil, json: gate.json, report: gate.report)])
        case .checkAll(let outcomes, _):
            document["command"] = .string("check --all")
            document["views"] = .array(
                outcomes.map { view(name: $0.build.name, json: $0.outcome.json, report: $0.outcome.report) })
            document["gate"] = .object([
                "failed": .bool(CombinedGate.failed(outcomes)), "builds": .int(outcomes.count),
                "failedBuilds": .array(outcomes.filter(\.outcome.failed).map { .string($0.build.name) }),
            ])
        case .listing, .explanations, .fix, .digest:
            document["command"] = .string("")
            document["views"] = .array([])
        }
        return .object(document)
    }

    /// One build: its report as `--format json` prints it, its treemap and the proposed ignore-file change.
    private static func view(name: String?, json: JSONValue, report: ScanReport) -> JSONValue {
        .object([
            "name": .string(name), "report": json, "map": report.map.map(\.root.json) ?? .null,
            "fix": report.suggestedFix.map { fix in
                .object([
                    "ignoreFile": .string(fix.ignoreFile), "diff": .string(fix.diff),
                    "patterns": .array(fix.lines.filter { !$0.hasPrefix("#") }.map(JSONValue.string)),
                ])
            } ?? .null,
        ])
    }

    /// The page's title: the context (or repository) it shows.
    private static func subject(_ outcome: CommandOutcome) -> String {
        switch outcome {
        case .scan(let report): report.context.root
        case .builds(let multi): multi.root
        case .check(let gate): gate.report.context.root
        case .checkAll(let outcomes, _): outcomes.first.map { $0.outcome.report.context.root } ?? "."
        case .listing, .explanations, .fix, .digest: ""
        }
    }
}
