import UntrustedText

/// JSON with sorted keys: one document for a scan (`schemaVersion` 1, `schemas/scan-report.schema.json`), a check
/// (the scan plus a `check` object) or every build (`schemas/all-builds.schema.json`); one object per record for
/// `ls` and `explain`.
package struct JSONReporter: Reporter {
    package init() {}

    package var name: String { "json" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { kind != .fix }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        let terminator: UInt8 = options.nulTerminated ? 0 : 10
        switch outcome {
        case .scan(let report):
            return Rendering(text: report.json.rendered(), warningsOf: outcome)
        case .builds(let report):
            return Rendering(text: report.json.rendered(), warningsOf: outcome)
        case .check(let gate):
            return Rendering(text: gate.json.rendered(), warningsOf: outcome)
        case .checkAll(let outcomes, _):
            return Rendering(text: CombinedGate.combine(outcomes).json.rendered(), warningsOf: outcome)
        case .listing(let listing):
            var out: [UInt8] = []
            for entry in listing.entries {
                out += Self.json(entry, listsExcluded: listing.listsExcluded).rendered(indent: 0).utf8
                out.append(terminator)
            }
            return Rendering(output: out, messages: outcome.warnings)
        case .explanations(let explanations):
            var out: [UInt8] = []
            for explanation in explanations.items {
                out += explanation.json.rendered(indent: 0).utf8
                out.append(terminator)
            }
            return Rendering(output: out)
        case .fix:
            return Rendering(output: [])
        case .digest(let digest):
            return Rendering(text: digest.json(toolVersion: options.toolVersion).rendered(), warningsOf: outcome)
        }
    }

    /// `{"type","size","path"}`, with `pathBytes` (base64) when the name is not UTF-8 and `skipped` for `--excluded`.
    static func json(_ entry: ContextListing.Entry, listsExcluded: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": .string(String(entry.kind.code)), "size": .int(entry.size),
            "path": .string(LosslessUTF8.lossy(entry.pathText)),
        ]
        if LosslessUTF8.holdsRawBytes(entry.pathText) { object["pathBytes"] = .string(entry.pathBase64) }
        if listsExcluded { object["skipped"] = .bool(entry.skippedDirectory) }
        return .object(object)
    }
}
