import Digest
import DockerIgnore
import DockerfileReader

/// What the Dockerfile reads from the context, for the build target: its sources and the matchers derived from them.
package struct DockerfileAnalysis: Sendable {
    package let dockerfile: Dockerfile
    package let usage: ContextUsage
    /// The sources that name part of the context (not `.`, `/` or a lone `*`).
    package let explicitSources: [ContextSource]
    /// BuildKit's FollowPaths as patterns: decides which sent entries are transferred. Nil when a source is the root,
    /// so that everything eligible is transferred.
    package let transferMatcher: IgnoreMatcher?
    /// The SHA-256 of the Dockerfile's bytes as read (for `ctxtrim digest`).
    package var sourceDigest: [UInt8] = []

    /// Each explicit source with a matcher whose "excluded" means the source copies the path (names it or an
    /// ancestor of it), as opposed to only passing through it on the way to a wildcard's matches. Compiled on each
    /// call: callers that test many paths (`fix`) call it once; a scan never needs it.
    package func sourcesWithCopyMatchers() throws -> [(source: ContextSource, copies: IgnoreMatcher)] {
        try explicitSources.map { ($0, try Self.matcher(for: [$0.pattern])) }
    }

    /// Whether some source copies the whole context (`COPY . .`).
    package var referencesEverything: Bool { usage.referencesEverything }

    /// The first source that covers the whole context, for messages.
    package var rootSource: ContextSource? { usage.sources.first { $0.referencesEverything } }

    /// Reads and analyses the context's Dockerfile. Nil when it does not exist. `namedContexts` are the names of
    /// the build's local named contexts; `inlineDockerfile` is the text a compose or bake file writes inline, read
    /// instead of the file (`context.dockerfile` names the declaring file, in errors too).
    package static func load(
        context: BuildContext, target: String? = nil, buildArgs: [String: String] = [:],
        namedContexts: Set<String> = [], inlineDockerfile: String? = nil
    ) throws -> DockerfileAnalysis? {
        let bytes: [UInt8]
        if let inlineDockerfile {
            bytes = Array(inlineDockerfile.utf8)
        } else {
            guard context.dockerfileExists,
                let read = try InputFile.read(context.dockerfile, kind: .dockerfile, origin: context.dockerfileOrigin)
            else { return nil }
            bytes = read
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let dockerfile = try Dockerfile.parse(text, path: context.dockerfileDisplayPath)
        let usage = try dockerfile.contextUsage(target: target, buildArgs: buildArgs, namedContexts: namedContexts)
        var analysis = try DockerfileAnalysis(dockerfile: dockerfile, usage: usage)
        analysis.sourceDigest = Digest.sha256(bytes)
        return analysis
    }

    package init(dockerfile: Dockerfile, usage: ContextUsage) throws {
        self.dockerfile = dockerfile
        self.usage = usage
        explicitSources = usage.sources.filter { !$0.referencesEverything }
        if usage.referencesEverything || explicitSources.isEmpty {
            transferMatcher = usage.referencesEverything ? nil : try Self.matcher(for: [])
        } else {
            transferMatcher = try Self.matcher(for: explicitSources.map(\.pattern))
        }
    }

    /// Whether an explicit source reads `path` (equal, below a source directory, matching a wildcard) or needs it as
    /// a directory on the way to something it reads. `COPY . .` alone protects nothing: excluding what the findings
    /// flag is the point of an ignore file.
    package func protects(_ path: String) -> Bool {
        explicitSources.contains { $0.references(path: path) }
    }

    /// The explicit source that reads `path`, for messages.
    package func source(protecting path: String) -> ContextSource? {
        explicitSources.first { $0.references(path: path) }
    }

    /// An ignore matcher whose "excluded" means "named by one of these source patterns" (patternmatcher semantics,
    /// as fsutil applies FollowPaths). An empty list matches nothing.
    static func matcher(for patterns: [String]) throws -> IgnoreMatcher {
        let lines = patterns.map(Self.literalLine)
        let file = try IgnoreFile.parse(text: lines.joined(separator: "\n"), source: "(Dockerfile sources)")
        return try IgnoreMatcher(file)
    }

    /// A source pattern as an ignore-file line: a leading `#` or `!` would change its meaning, so it is escaped.
    static func literalLine(_ pattern: String) -> String {
        if pattern.hasPrefix("#") || pattern.hasPrefix("!") { return "\\" + pattern }
        return pattern
    }
}
