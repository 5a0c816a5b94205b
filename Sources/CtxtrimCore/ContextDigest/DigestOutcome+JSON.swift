import UntrustedText

extension DigestOutcome {
    /// `{"schemaVersion":1,"tool","version","command":"digest","builds":[…]}`: each build's digest with what it
    /// covers (the Dockerfile's and ignore file's digests, target, arguments) and, per context, the digest of each
    /// source that reads it. `schemas/digest.schema.json` describes it.
    package func json(toolVersion: String) -> JSONValue {
        .object([
            "schemaVersion": .int(1), "tool": .string("ctxtrim"), "version": .string(toolVersion),
            "command": .string("digest"), "builds": .array(builds.map(Self.json)),
        ])
    }

    private static func json(_ build: Build) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(build.name), "context": .string(LosslessUTF8.lossy(build.context)),
            "dockerfile": .string(LosslessUTF8.lossy(build.dockerfile)),
            "ignoreFile": .string(build.ignoreFile.map(LosslessUTF8.lossy)),
            "digest": .string(build.digest?.label), "error": .string(build.failure),
        ]
        guard let digest = build.digest else { return .object(object) }
        object["dockerfileDigest"] = .string(DigestEncoding.label(digest.dockerfile))
        object["ignoreFileDigest"] = .string(digest.ignoreFile.map(DigestEncoding.label))
        object["target"] = .string(digest.target)
        object["buildArgs"] = .object(digest.buildArguments.mapValues { .string(LosslessUTF8.lossy($0)) })
        object["unpinnedImages"] = .array(digest.unpinnedImages.map { .string(LosslessUTF8.lossy($0)) })
        object["contexts"] = .array(digest.contexts.map(json))
        return .object(object)
    }

    private static func json(_ context: BuildDigest.Context) -> JSONValue {
        var object: [String: JSONValue] = ["name": .string(LosslessUTF8.lossy(context.name))]
        if let reference = context.reference { object["reference"] = .string(LosslessUTF8.lossy(reference)) }
        if let digest = context.digest {
            object["digest"] = .string(DigestEncoding.label(digest.digest))
            object["entries"] = .int(digest.entries)
            object["files"] = .int(digest.files)
            object["bytes"] = .int(digest.bytes)
            object["sources"] = .array(
                digest.sources.map { source in
                    .object([
                        "instruction": .string(source.instruction), "line": .int(source.line),
                        "stage": .string(LosslessUTF8.lossy(source.stage)),
                        "source": .string(LosslessUTF8.lossy(source.source)), "entries": .int(source.entries),
                        "digest": .string(DigestEncoding.label(source.digest)),
                    ])
                })
        }
        return .object(object)
    }
}
