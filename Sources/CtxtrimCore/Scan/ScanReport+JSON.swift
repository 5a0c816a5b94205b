import GitClassifier

extension ScanReport {
    /// The current version of the JSON report; bumped only for incompatible changes.
    package static let schemaVersion = 1

    /// The `schemaVersion: 1` JSON document documented in the README (keys sorted when rendered).
    package var json: JSONValue {
        var totals: [String: JSONValue] = [
            "sent": .object([
                "files": .int(sent.files), "dirs": .int(sent.directories), "symlinks": .int(sent.symlinks),
                "others": .int(sent.others), "bytes": .int(sent.bytes),
            ]),
            "excluded": .object([
                "files": .int(excluded.files), "dirs": .int(excluded.directories), "symlinks": .int(excluded.symlinks),
                "others": .int(excluded.others), "bytes": .int(excluded.bytes), "measured": .bool(excludedMeasured),
                "skippedDirs": .int(skippedDirectories),
            ]),
        ]
        totals["transferred"] =
            build.flatMap { $0.error == nil ? $0 : nil }.map {
                .object(["files": .int($0.transferred.files), "bytes": .int($0.transferred.bytes)])
            } ?? .null
        var document: [String: JSONValue] = [
            "schemaVersion": .int(ScanReport.schemaVersion),
            "context": .object([
                "root": .string(context.root),
                "dockerfile": .string(context.dockerfile),
                "dockerfileExists": .bool(context.dockerfileExists),
                "ignoreFile": .string(context.ignoreFile),
                "ignoreFileOrigin": .string(context.ignoreFileOrigin),
                "patterns": .int(context.patterns),
                "shadowedIgnoreFile": .string(context.shadowedIgnoreFile),
            ]),
            "totals": .object(totals),
            "largest": .object([
                "dirs": .array(
                    largestDirectories.map {
                        .object(path: $0.path, ["bytes": .int($0.bytes), "files": .int($0.files)])
                    }),
                "files": .array(largestFiles.map { .object(path: $0.path, ["bytes": .int($0.bytes)]) }),
            ]),
            "extensions": .array(
                extensions.map {
                    .object(["name": .string($0.name), "files": .int($0.files), "bytes": .int($0.bytes)])
                }
            ),
            "diagnostics": .array(
                diagnostics.map {
                    .object(path: $0.path, ["kind": .string($0.kind), "message": .string($0.message)])
                }),
            "findings": .array(findings.map(\.json)),
            "topLevel": .array(
                topLevelEntries.map {
                    .object(path: $0.path, ["bytes": .int($0.bytes), "files": .int($0.files)])
                }),
        ]
        if !namedContexts.isEmpty {
            document["namedContexts"] = .array(namedContexts.map(\.json))
            let total = totalTransferred
            totals["transferredInAll"] = .object(["files": .int(total.files), "bytes": .int(total.bytes)])
            document["totals"] = .object(totals)
        }
        if let git { document["git"] = git.json }
        document["build"] = build?.json ?? .null
        document["shrink"] = shrink?.json ?? .null
        if let profile { document["profile"] = profile.json }
        return .object(document)
    }
}

extension ScanReport.GitUsage {
    /// `{"repository", "contextPath", "tracked", "untracked", "ignored", "vcs", "largestIgnored"}`; classes are
    /// null outside a repository.
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "repository": .string(repository),
            "contextPath": repository == nil ? .null : .string(contextPath.isEmpty ? "." : contextPath),
            "largestIgnored": .array(
                largestIgnored.map {
                    .object(path: $0.path, ["bytes": .int($0.bytes), "files": .int($0.files)])
                }),
        ]
        for gitClass in GitClass.allCases {
            object[gitClass.rawValue] =
                classes[gitClass].map {
                    .object(["files": .int($0.files), "bytes": .int($0.bytes)])
                } ?? .null
        }
        return .object(object)
    }
}

extension Finding {
    /// `{"check","severity","subject","path","message","bytes","files","line","suggestion"}`; `subject` is what
    /// `path` names.
    package var json: JSONValue {
        .object(
            path: path,
            [
                "check": .string(check.rawValue), "severity": .string(severity.rawValue),
                "subject": .string(subject.kind.rawValue),
                "message": .string(message), "bytes": .int(bytes), "files": .int(files),
                "line": line.map { .int($0) } ?? .null,
                "suggestion": suggestion.map { .string($0) } ?? .null,
            ])
    }
}

extension ScanReport.BuildUsage {
    /// `{"target","sources","rootSourceLine","copyAllOnly","error"}`.
    var json: JSONValue {
        .object([
            "target": .string(target), "sources": .int(sources),
            "rootSourceLine": rootSourceLine.map { .int($0) } ?? .null,
            "copyAllOnly": .array(
                copyAllOnly.map {
                    .object(path: $0.path, ["bytes": .int($0.bytes), "files": .int($0.files)])
                }),
            "error": .string(error),
        ])
    }
}

extension ScanReport.NamedContextUsage {
    /// `{"name","local","path","value","read","ignoreFile","sent","transferred","findings"}`; `path` for a local
    /// context, `value` for a remote one, `sent` and `transferred` null when it is not walked.
    var json: JSONValue {
        .object([
            "name": .string(name), "local": .bool(local), "path": .string(path), "value": .string(value),
            "read": .bool(read), "ignoreFile": .string(ignoreFile),
            "sent": sent.map { .object(["files": .int($0.files), "bytes": .int($0.bytes)]) } ?? .null,
            "transferred": transferred.map { .object(["files": .int($0.files), "bytes": .int($0.bytes)]) } ?? .null,
            "findings": .int(findings),
        ])
    }
}
