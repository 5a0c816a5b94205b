extension ContextMap.Node {
    /// `{"name","path","kind","class","sent","excluded","entries","rule","check","children"}`, as the HTML report's
    /// page reads it (`Sources/ReportPage`).
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(name), "kind": .string(kind.rawValue), "class": .string(mapClass.rawValue),
            "sent": .object(["bytes": .int(sent.bytes), "files": .int(sent.files)]),
            "excluded": .object(["bytes": .int(excluded.bytes), "files": .int(excluded.files)]),
            "entries": .int(entries), "check": .string(check?.rawValue),
            "rule": rule.map { rule in
                .object([
                    "file": .string(rule.file), "line": .int(rule.line), "pattern": .string(rule.pattern),
                    "exception": .bool(rule.isException),
                ])
            } ?? .null,
        ]
        if kind == .directory { members["children"] = .array(children.map(\.json)) }
        return .object(path: path, members)
    }
}

extension MapClass {
    /// The legend, in order: `[{"id","label","description"}]`.
    static var legendJSON: JSONValue {
        .array(
            allCases.map {
                .object([
                    "id": .string($0.rawValue), "label": .string($0.label), "description": .string($0.meaning),
                ])
            })
    }
}
