extension MultiScanReport {
    /// `{"schemaVersion","discovery"?,"builds":[{"name","context","dockerfile",…,"report"}],"contexts","totals"}`,
    /// each report being the single-context scan document.
    package var json: JSONValue {
        var document = sharedJSON
        document["schemaVersion"] = .int(ScanReport.schemaVersion)
        document["builds"] = .array(builds.map(Self.json))
        return .object(document)
    }

    /// What the builds share, without the builds: `contexts`, `totals` and `discovery` (the HTML page's shared tab).
    var sharedJSON: [String: JSONValue] {
        let totals = totals
        var document: [String: JSONValue] = [
            "contexts": .array(
                contexts.map { context in
                    var entry: [String: JSONValue] = [
                        "context": .string(context.context), "builds": .array(context.builds.map(JSONValue.string)),
                        "sent": Self.json(context.sent),
                    ]
                    entry["ignoreFile"] = context.ignoreFile.map(JSONValue.string) ?? .null
                    return .object(entry)
                }),
            "totals": .object([
                "builds": .int(totals.builds),
                "contexts": .int(totals.contexts),
                "sent": Self.json(totals.sent),
                "sentByBuilds": Self.json(totals.sentByBuilds),
                "transferred": .object([
                    "files": .int(totals.transferred.files), "bytes": .int(totals.transferred.bytes),
                ]),
                "findings": .int(totals.findings),
            ]),
        ]
        if let discovery { document["discovery"] = Self.json(discovery) }
        return document
    }

    private static func json(_ totals: ScanReport.Totals) -> JSONValue {
        .object(["files": .int(totals.files), "bytes": .int(totals.bytes)])
    }

    private static func json(_ scan: BuildScan) -> JSONValue {
        let build = scan.build
        var entry: [String: JSONValue] = [
            "name": .string(build.name), "context": .string(build.context),
            "dockerfile": .string(build.dockerfile), "report": scan.report.json,
        ]
        if let service = build.service { entry["service"] = .string(service) }
        if let composeFile = build.composeFile { entry["composeFile"] = .string(composeFile) }
        if let bakeFile = build.bakeFile { entry["bakeFile"] = .string(bakeFile) }
        if let bakeTarget = build.bakeTarget { entry["bakeTarget"] = .string(bakeTarget) }
        if let target = build.target { entry["target"] = .string(target) }
        if let reason = build.contextReason { entry["contextReason"] = .string(reason) }
        // Names only: a declared argument's value may come from `.env` and be a token.
        if !build.buildArgs.isEmpty {
            entry["buildArgs"] = .array(build.buildArgs.keys.sorted().map(JSONValue.string))
        }
        if !build.namedContexts.isEmpty {
            entry["namedContexts"] = .object(build.namedContexts.mapValues(JSONValue.string))
        }
        if build.inlineDockerfile != nil { entry["dockerfileInline"] = .bool(true) }
        return .object(entry)
    }

    private static func json(_ discovery: Discovery) -> JSONValue {
        .object([
            "filesRead": .array(discovery.filesRead.map(JSONValue.string)),
            "configFile": discovery.configSource.map(JSONValue.string) ?? .null,
            "notRead": .array(
                discovery.unread.map { .object(["path": .string($0.path), "reason": .string($0.reason)]) }),
            "skipped": .array(
                discovery.skipped.map { file in
                    var entry: [String: JSONValue] = [
                        "path": .string(file.path), "pattern": .string(file.skip.pattern),
                        "reason": .string(file.skip.isTestData ? "test-data" : "discovery.exclude"),
                    ]
                    if let line = file.skip.line { entry["line"] = .int(line) }
                    return .object(entry)
                }),
        ])
    }
}
