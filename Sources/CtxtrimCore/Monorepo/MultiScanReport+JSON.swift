extension MultiScanReport {
    /// `{"schemaVersion":1,"builds":[{"name","context","dockerfile","service"?,"report"}],"totals":{...}}`, each
    /// report being the single-context scan document.
    package var json: JSONValue {
        let totals = totals
        return .object([
            "schemaVersion": .int(ScanReport.schemaVersion),
            "builds": .array(
                builds.map { scan in
                    var entry: [String: JSONValue] = [
                        "name": .string(scan.build.name), "context": .string(scan.build.context),
                        "dockerfile": .string(scan.build.dockerfile), "report": scan.report.json,
                    ]
                    if let service = scan.build.service { entry["service"] = .string(service) }
                    if let composeFile = scan.build.composeFile { entry["composeFile"] = .string(composeFile) }
                    if let target = scan.build.target { entry["target"] = .string(target) }
                    if let reason = scan.build.contextReason { entry["contextReason"] = .string(reason) }
                    return .object(entry)
                }),
            "totals": .object([
                "builds": .int(totals.builds),
                "sent": .object(["files": .int(totals.sent.files), "bytes": .int(totals.sent.bytes)]),
                "transferred": .object([
                    "files": .int(totals.transferred.files), "bytes": .int(totals.transferred.bytes),
                ]),
                "findings": .int(totals.findings),
            ]),
        ])
    }
}
