import Digest
import DockerfileReader

/// A build's digest: what `ctxtrim digest` prints. It covers the Dockerfile's bytes, the ignore file's bytes, the
/// target and build arguments given, and the digest of every context the target reads: the main one and each named
/// one (a local directory by its transferred entries, any other by its value). Equal digests mean the builder gets
/// the same inputs from this machine; the base images behind tags are not among them (``unpinnedImages``).
package struct BuildDigest: Sendable, Equatable {
    /// One context the build reads.
    package struct Context: Sendable, Equatable {
        /// `.` for the main context, else the named context's name.
        package var name: String
        /// The transferred entries' digest; nil for a named context that is not a local directory.
        package var digest: ContextDigest?
        /// A named context that is not a local directory: its value (`docker-image://…`, a URL).
        package var reference: String?
    }

    package var digest: [UInt8]
    package var dockerfile: [UInt8]
    package var ignoreFile: [UInt8]?
    package var target: String?
    package var buildArguments: [String: String]
    package var contexts: [Context]
    /// Base images of the target's stages named by tag, not by digest: what they hold can change under an equal
    /// digest. Pin them (`FROM image@sha256:…`) for a digest that covers them.
    package var unpinnedImages: [String]

    /// `sha256:HEX`.
    package var label: String { DigestEncoding.label(digest) }

    init(
        dockerfile: [UInt8], ignoreFile: [UInt8]?, target: String?, buildArguments: [String: String],
        contexts: [Context], unpinnedImages: [String]
    ) {
        self.dockerfile = dockerfile
        self.ignoreFile = ignoreFile
        self.target = target
        self.buildArguments = buildArguments
        self.contexts = contexts.sorted { ($0.name == ".") != ($1.name == ".") ? $0.name == "." : $0.name < $1.name }
        self.unpinnedImages = unpinnedImages
        digest = []
        digest = Self.hash(self)
    }

    /// The build's lines (``DigestEncoding``), hashed.
    static func hash(_ build: BuildDigest) -> [UInt8] {
        var text: [UInt8] = DigestEncoding.buildHeader
        func line(_ fields: [UInt8]...) {
            for (index, field) in fields.enumerated() {
                if index > 0 { text.append(UInt8(ascii: " ")) }
                text.append(contentsOf: field)
            }
            text.append(UInt8(ascii: "\n"))
        }
        func string(_ value: String) -> [UInt8] {
            var encoded: [UInt8] = []
            DigestEncoding.appendString(value, to: &encoded)
            return encoded
        }
        line(Array("dockerfile".utf8), Array(DigestEncoding.label(build.dockerfile).utf8))
        line(Array("ignore-file".utf8), Array((build.ignoreFile.map(DigestEncoding.label) ?? "none").utf8))
        line(Array("target".utf8), build.target.map(string) ?? Array("none".utf8))
        for key in build.buildArguments.keys.sorted() {
            line(Array("build-arg".utf8), string(key), string(build.buildArguments[key]!))
        }
        for context in build.contexts {
            if let digest = context.digest {
                line(Array("context".utf8), string(context.name), Array(DigestEncoding.label(digest.digest).utf8))
            } else {
                line(Array("context".utf8), string(context.name), Array("ref".utf8), string(context.reference ?? ""))
            }
        }
        return Digest.sha256(text)
    }

    /// The target's base images named without a digest.
    static func unpinnedImages(_ usage: ContextUsage) -> [String] {
        Array(Set(usage.stages.map(\.baseImage).filter { $0.kind == .image && !$0.isDigestPinned }.map(\.reference)))
            .sorted()
    }
}
