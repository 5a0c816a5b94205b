extension GateOutcome {
    /// The `check --format json` document: the scan report (`ScanReport.json`) plus a `check` object with the
    /// verdict, the budgets and the growth, as `schemas/scan-report.schema.json` describes.
    package var json: JSONValue {
        guard case .object(var document) = report.json else { return report.json }
        var check: [String: JSONValue] = [
            "failed": .bool(failed),
            "failOn": .string(failOn.rawValue),
            "failingFindings": .int(failingFindings.count),
            "budgets": .array(budgets.map(\.json)),
            "growth": growth?.json ?? .null,
        ]
        check["violations"] = .array(
            violations.map {
                .object([
                    "rule": .string($0.rule.rawValue), "key": .string($0.key), "message": .string($0.message),
                    "advice": .string($0.advice), "fails": .bool($0.fails),
                ])
            })
        document["check"] = .object(check)
        return .object(document)
    }
}

extension BudgetResult {
    /// `{"name","scope","unit","limit","actual","exceeded"}`.
    package var json: JSONValue {
        .object([
            "name": .string(name), "scope": .string(scope.rawValue), "unit": .string(unit.rawValue),
            "limit": .int(limit), "actual": .int(actual), "exceeded": .bool(exceeded),
        ])
    }
}

extension GrowthResult {
    /// `{"baseline","current","deltaBytes","limit","exceeded","directories"}`; `limit` is `{"bytes": n}`,
    /// `{"percent": x}` or null.
    package var json: JSONValue {
        let limitJSON: JSONValue
        switch limit {
        case .bytes(let bytes): limitJSON = .object(["bytes": .int(bytes)])
        case .percent(let percent): limitJSON = .object(["percent": .double(percent)])
        case nil: limitJSON = .null
        }
        return .object([
            "baseline": .object(["bytes": .int(baselineBytes), "files": .int(baselineFiles)]),
            "current": .object(["bytes": .int(currentBytes), "files": .int(currentFiles)]),
            "deltaBytes": .int(delta),
            "limit": limitJSON,
            "exceeded": .bool(exceeded),
            "directories": .array(
                directories.map {
                    .object(
                        path: $0.path,
                        [
                            "before": .int($0.before), "after": .int($0.after),
                            "delta": .int($0.delta),
                        ])
                }),
        ])
    }
}
