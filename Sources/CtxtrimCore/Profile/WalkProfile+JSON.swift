extension WalkProfile {
    /// The `profile` key of `scan --format json --profile` (README, `schemas/scan.schema.json`). The only timings of
    /// a machine format, and only when asked for.
    var json: JSONValue {
        .object([
            "walkSeconds": .double(walkSeconds),
            "threads": .int(threads),
            "measuringSeconds": .double(measuringSeconds),
            "entries": entries.json,
            "topDirectories": .array(
                topDirectories.map {
                    .object(path: $0.path, ["seconds": .double($0.seconds)].merging(entryMembers($0.entries)) { $1 })
                }),
            "rules": .array(
                rules.map {
                    .object([
                        "file": .string($0.file), "line": .int($0.line), "pattern": .string($0.pattern),
                        "exception": .bool($0.isException), "seconds": .double($0.seconds),
                        "matched": .int($0.matched), "decided": .int($0.decided),
                        "walkedNotSent": .int($0.walkedNotSent),
                    ])
                }),
            "unprunable": .array(
                unprunable.map {
                    .object(
                        path: $0.path,
                        [
                            "rules": .array(
                                $0.rules.map {
                                    .object([
                                        "file": .string($0.file), "line": .int($0.line), "pattern": .string($0.pattern),
                                    ])
                                }),
                            "entries": .int($0.entries), "bytes": .int($0.bytes), "sent": .int($0.sent),
                            "saving": .object(["entries": .int($0.savingEntries)]),
                        ])
                }),
        ])
    }

    private func entryMembers(_ entries: Entries) -> [String: JSONValue] {
        ["entries": .int(entries.walked), "sent": .int(entries.sent), "walkedNotSent": .int(entries.walkedNotSent)]
    }
}

extension WalkProfile.Entries {
    var json: JSONValue {
        .object(["walked": .int(walked), "sent": .int(sent), "walkedNotSent": .int(walkedNotSent)])
    }
}
