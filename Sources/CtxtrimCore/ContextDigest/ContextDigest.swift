import Digest
import DockerIgnore
import DockerfileReader
import UntrustedText

/// The digest of what a build transfers from one context (the main one or a named one): every transferred entry's
/// path, type, permission bits and content or link target, in bytewise path order (``DigestEncoding``), and the same
/// for each source of the Dockerfile that reads it, so a changed digest says which `COPY` it changed for.
package struct ContextDigest: Sendable, Equatable {
    /// One `COPY`/`ADD`/bind-mount source and the digest of what it reads.
    package struct SourceDigest: Sendable, Equatable {
        package var instruction: String
        package var line: Int
        /// The stage's name, or its index when it has none.
        package var stage: String
        /// The source as written (after variable substitution).
        package var source: String
        package var entries: Int
        package var digest: [UInt8]
    }

    package var digest: [UInt8]
    /// Transferred entries (the context root aside), regular files among them, and their bytes.
    package var entries = 0
    package var files = 0
    package var bytes: Int64 = 0
    package var sources: [SourceDigest] = []

    /// The digest of `records`, sorted here, and of each source's share of them. Lines are made one at a time,
    /// so a million entries cost only their sorted items.
    static func make(records: DigestRecords, analysis: DockerfileAnalysis?) throws -> ContextDigest {
        let order = records.sortedByPath()
        var result = ContextDigest(digest: [])
        for item in order {
            result.entries += 1
            if item.type == .file {
                result.files += 1
                result.bytes.saturatingAdd(item.size)
            }
        }
        result.digest = hash(order, of: records) { _ in true }
        guard let analysis else { return result }
        let stageNames = Dictionary(
            analysis.usage.stages.map { ($0.index, $0.name ?? String($0.index)) },
            uniquingKeysWith: { first, _ in first })
        let copying = try analysis.sourcesWithCopyMatchers()
        for source in analysis.usage.sources {
            // A source of the whole context (`COPY . .`) reads every transferred entry: its digest is the context's.
            var entries = result.entries
            var digest = result.digest
            if let matcher = copying.first(where: { $0.source == source })?.copies {
                entries = 0
                digest = hash(order, of: records) { path in
                    let copied = (try? matcher.excluded(path).excluded) == true
                    if copied { entries += 1 }
                    return copied
                }
            }
            result.sources.append(
                SourceDigest(
                    instruction: instruction(source.origin), line: source.line,
                    stage: stageNames[source.stageIndex] ?? String(source.stageIndex), source: source.written,
                    entries: entries, digest: digest))
        }
        return result
    }

    /// The context digest of the items of `order` that `includes` (given each path) keeps.
    static func hash(
        _ order: [DigestRecords.Item], of records: DigestRecords,
        includes: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [UInt8] {
        var hasher = MessageDigest(.sha256)
        hasher.update(DigestEncoding.contextHeader)
        var line: [UInt8] = []
        records.bytes.withUnsafeBufferPointer { arena in
            for item in order {
                let path = UnsafeBufferPointer(rebasing: arena[item.offset..<(item.offset + Int(item.pathLength))])
                guard includes(path) else { continue }
                let payloadStart = item.offset + Int(item.pathLength)
                let payload = UnsafeBufferPointer(
                    rebasing: arena[payloadStart..<(payloadStart + Int(item.payloadLength))])
                line.removeAll(keepingCapacity: true)
                append(item, path: path, payload: payload, to: &line)
                hasher.update(line)
            }
        }
        return hasher.finish()
    }

    /// `TYPE MODE PATH PAYLOAD`: a file's payload is its size and `sha256:HEX`, a symlink's its target, `-` for
    /// the other types.
    static func append(
        _ item: DigestRecords.Item, path: UnsafeBufferPointer<UInt8>, payload: UnsafeBufferPointer<UInt8>,
        to line: inout [UInt8]
    ) {
        line.append(item.type.rawValue)
        line.append(UInt8(ascii: " "))
        DigestEncoding.appendOctalMode(item.mode, to: &line)
        line.append(UInt8(ascii: " "))
        DigestEncoding.appendString(path, to: &line)
        line.append(UInt8(ascii: " "))
        switch item.type {
        case .file:
            DigestEncoding.appendDecimal(UInt64(max(0, item.size)), to: &line)
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: DigestEncoding.labelPrefix)
            DigestEncoding.appendHex(payload, to: &line)
        case .symlink:
            DigestEncoding.appendString(payload, to: &line)
        default:
            line.append(UInt8(ascii: "-"))
        }
        line.append(UInt8(ascii: "\n"))
    }

    static func instruction(_ origin: ContextSource.Origin) -> String {
        switch origin {
        case .copy: "COPY"
        case .add: "ADD"
        case .bindMount: "RUN --mount"
        case .base: "FROM"
        }
    }
}
