/// SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
///
/// One run of the `ctxtrim` driver with one rule per descriptor of `CheckCatalog`, in its order (walk checks,
/// ignore-file lint, Dockerfile hints, `context-budget` for budgets and growth, fix problems): every result has its
/// rule, and rule indexes never depend on what was found. Each result points at the finding's `anchor` when it has one, else at the path itself (a directory with a
/// trailing `/`), relative to `%SRCROOT%`, and carries a `partialFingerprints` entry (FNV-1a 64 of check, path and
/// line). Walk diagnostics become tool execution notifications. No timestamps, no absolute paths.
package struct SARIFReporter: Sendable {
    /// The key of ctxtrim's entry in `partialFingerprints`.
    package static let fingerprintKey = "ctxtrimFinding/v1"
    /// The base every artifact URI is relative to: the repository checkout.
    package static let uriBaseId = "%SRCROOT%"

    /// The document, rendered with two-space indentation and sorted keys.
    ///
    /// - Parameters:
    ///   - toolVersion: ctxtrim's version, as `--version` prints it.
    ///   - pathPrefix: the context directory relative to the repository root (empty when they are the same).
    package static func render(_ outcome: GateOutcome, toolVersion: String, pathPrefix: String = "") -> String {
        document(outcome, toolVersion: toolVersion, pathPrefix: pathPrefix).rendered() + "\n"
    }

    /// The SARIF log as a JSON value.
    package static func document(_ outcome: GateOutcome, toolVersion: String, pathPrefix: String = "") -> JSONValue {
        let descriptors = rules
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
        let results: [JSONValue] = outcome.annotations(pathPrefix: pathPrefix).map { annotation in
            var result: [String: JSONValue] = [
                "ruleId": .string(annotation.rule.rawValue),
                "level": .string(level(annotation.severity)),
                "message": .object(["text": .string(annotation.message)]),
                "locations": .array([location(annotation.location)]),
                "partialFingerprints": .object([fingerprintKey: .string(annotation.fingerprint)]),
            ]
            if let index = ruleIndex[annotation.rule] { result["ruleIndex"] = .int(index) }
            if let finding = annotation.finding {
                result["properties"] = .object([
                    "contextPath": .string(finding.path), "bytes": .int(finding.bytes), "files": .int(finding.files),
                ])
            }
            return .object(result)
        }
        let invocation: [String: JSONValue] = [
            "executionSuccessful": .bool(true),
            "toolExecutionNotifications": .array(
                outcome.report.diagnostics.map { diagnostic in
                    var notification: [String: JSONValue] = [
                        "level": .string("warning"),
                        "message": .object(["text": .string("\(diagnostic.path): \(diagnostic.message)")]),
                        "descriptor": .object(["id": .string(diagnostic.kind)]),
                    ]
                    if ReportLocation.isRelative(diagnostic.path) {
                        let path = ReportLocation(
                            path: ReportLocation.joined(pathPrefix, diagnostic.path), line: nil)
                        notification["locations"] = .array([location(path)])
                    }
                    return .object(notification)
                }),
        ]
        let driver: [String: JSONValue] = [
            "name": .string("ctxtrim"),
            "version": .string(toolVersion),
            "rules": .array(descriptors.map(rule)),
        ]
        return .object([
            "$schema": .string(
                "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([
                .object([
                    "tool": .object(["driver": .object(driver)]),
                    "invocations": .array([.object(invocation)]),
                    "results": .array(results),
                ])
            ]),
        ])
    }

    /// Every descriptor of `CheckCatalog`, in its order.
    package static var rules: [CheckDescriptor] { CheckCatalog.all }

    /// SARIF's level for a severity: `error`, `warning`, `note`.
    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func rule(_ descriptor: CheckDescriptor) -> JSONValue {
        var markdown = descriptor.help
        let triggers = descriptor.examples.filter(\.triggers).map(\.label)
        let quiet = descriptor.examples.filter { !$0.triggers }.map(\.label)
        if !triggers.isEmpty { markdown += "\n\nReports: " + triggers.joined(separator: "; ") + "." }
        if !quiet.isEmpty { markdown += "\n\nDoes not report: " + quiet.joined(separator: "; ") + "." }
        return .object([
            "id": .string(descriptor.id.rawValue),
            "name": .string(upperCamelCase(descriptor.id.rawValue)),
            "shortDescription": .object(["text": .string(descriptor.summary)]),
            "fullDescription": .object(["text": .string(descriptor.help)]),
            "help": .object(["text": .string(descriptor.help), "markdown": .string(markdown)]),
            "defaultConfiguration": .object(["level": .string(level(descriptor.defaultSeverity))]),
        ])
    }

    private static func location(_ location: ReportLocation) -> JSONValue {
        var physical: [String: JSONValue] = [
            "artifactLocation": .object(["uri": .string(location.uri), "uriBaseId": .string(uriBaseId)])
        ]
        if let line = location.line, line > 0 { physical["region"] = .object(["startLine": .int(line)]) }
        return .object(["physicalLocation": .object(physical)])
    }

    /// `secret-file` → `SecretFile`: SARIF's friendly rule name.
    static func upperCamelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
