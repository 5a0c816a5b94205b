import ContextWalker
import GitClassifier

/// Everything `ctxtrim scan` found: what would be sent, what the ignore file keeps out, where the bytes are.
///
/// A plain value; `ScanReport+JSON.swift` and `ScanReport+Text.swift` render it.
package struct ScanReport: Sendable {
    /// Counts of entries and bytes.
    package struct Totals: Sendable, Equatable {
        package var files = 0
        package var directories = 0
        package var symlinks = 0
        /// FIFOs, sockets and devices.
        package var others = 0
        /// Regular file bytes plus symlink target lengths, as BuildKit's listing counts them.
        package var bytes: Int64 = 0

        package init(files: Int = 0, directories: Int = 0, symlinks: Int = 0, others: Int = 0, bytes: Int64 = 0) {
            self.files = files
            self.directories = directories
            self.symlinks = symlinks
            self.others = others
            self.bytes = bytes
        }

        package static func += (lhs: inout Totals, rhs: Totals) {
            lhs.files += rhs.files
            lhs.directories += rhs.directories
            lhs.symlinks += rhs.symlinks
            lhs.others += rhs.others
            lhs.bytes.saturatingAdd(rhs.bytes)
        }
    }

    /// A directory and the bytes and files sent from its subtree.
    package struct DirectoryUsage: Sendable, Equatable {
        package var path: String
        package var bytes: Int64
        package var files: Int
    }

    /// A regular file that is sent.
    package struct FileUsage: Sendable, Equatable {
        package var path: String
        package var bytes: Int64
    }

    /// Bytes sent per file extension (`.js`; files without one are grouped under `(none)`).
    package struct ExtensionUsage: Sendable, Equatable {
        package var name: String
        package var files: Int
        package var bytes: Int64
    }

    /// A soft problem met during the walk; the walk went on.
    package struct Diagnostic: Sendable, Equatable {
        /// Stable kebab-case kind, such as `unreadable-directory` or `non-utf8-name`.
        package var kind: String
        package var path: String
        package var message: String
    }

    /// Where the context is and which files describe the build.
    package struct ContextInfo: Sendable, Equatable {
        /// The context directory as the user named it.
        package var root: String
        package var dockerfile: String
        package var dockerfileExists: Bool
        /// The ignore file in force, as displayed, or nil when there is none.
        package var ignoreFile: String?
        /// Why that ignore file applies (`context`, `dockerfile-specific`, `override`).
        package var ignoreFileOrigin: String?
        /// Number of pattern lines in the ignore file.
        package var patterns: Int
        /// A `.dockerignore` that the Dockerfile-specific ignore file makes inactive.
        package var shadowedIgnoreFile: String?
    }

    /// Bytes and files per git class, over the regular files that are sent.
    package struct GitUsage: Sendable, Equatable {
        /// The repository's work tree relative to the context (`.`, `../..`), or nil outside a repository.
        package var repository: String?
        package var classes: [GitClass: ClassUsage] = [:]
        /// The largest git-ignored directories that are sent.
        package var largestIgnored: [DirectoryUsage] = []
        /// The context directory relative to the work tree (empty at the top): CI formats put it in front of paths
        /// so that annotations land on the repository's files. Not rendered.
        package var contextPath = ""
    }

    /// Files and bytes of one class.
    package struct ClassUsage: Sendable, Equatable {
        package var files = 0
        package var bytes: Int64 = 0
    }

    package var context: ContextInfo
    package var sent = Totals()
    package var excluded = Totals()
    /// Whether excluded directories that the walk could skip were still entered to measure them.
    package var excludedMeasured = false
    /// Excluded directories that were not entered (their size is in `excluded` only when `excludedMeasured`).
    package var skippedDirectories = 0
    package var largestDirectories: [DirectoryUsage] = []
    package var largestFiles: [FileUsage] = []
    package var extensions: [ExtensionUsage] = []
    package var diagnostics: [Diagnostic] = []
    /// Wall-clock time of the walk, for the text report only (machine formats carry no timings).
    package var walkSeconds: Double = 0
    package var threads = 1
    /// How git sees what is sent; nil when git classification was not asked for.
    package var git: GitUsage?
    /// What the checks found, sorted by path and check.
    package var findings: [Finding] = []
    /// What the Dockerfile reads and what BuildKit therefore transfers; nil without a Dockerfile.
    package var build: BuildUsage?
    /// Outermost git-ignored entries that are sent (not rendered; `fix` excludes them).
    package var ignoredEntries: [ExclusionCandidate] = []
    /// Sent top-level entries (not rendered; `fix` excludes those the Dockerfile never reads).
    package var topLevelEntries: [ExclusionCandidate] = []
    /// Paths of findings and git-ignored entries that git tracks (a file), or in which it tracks a file (a
    /// directory): what `fix` must keep when a build copies the whole context. Not rendered.
    package var trackedPaths: Set<String> = []
    /// The sent entries of the names checks flag, from the walk: what proves `fix`'s kind patterns. Not rendered.
    var sentNames = SentNames()
    /// What `ctxtrim fix` would save, as a suggestion.
    package var shrink: ShrinkReport?
    /// `ls`: the entries listed, sorted bytewise; nil unless ``ContextScanner/Options/listing`` asked for them.
    package var listing: [ContextListing.Entry]?
    /// The build's named contexts (`--build-context`, compose `additional_contexts`, bake `contexts`), as given.
    package var namedContexts: [NamedContextUsage] = []
    /// The treemap of the context; nil unless ``ContextScanner/Options/mapsContext``. Only the HTML report shows it.
    package var map: ContextMap?
    /// What `ctxtrim fix` would write, behind ``shrink``: the HTML report shows its diff.
    package var suggestedFix: SuggestedFix?
    /// What colours an entry in the treemap and the text report's bars. Not rendered.
    var classifier: MapClassifier?

    /// The ignore-file change `ctxtrim fix` proposes, as the HTML report shows it.
    package struct SuggestedFix: Sendable, Equatable {
        /// The ignore file's path in the context.
        package var ignoreFile: String
        package var diff: String
        /// The lines of ctxtrim's block, comments included.
        package var lines: [String]
    }
    /// What the ignore file costs the builder's walk (`scan --profile`); nil unless asked for.
    package var profile: WalkProfile?
    /// `ctxtrim digest`: what the build transfers from this context, and the build's digest over it, its
    /// Dockerfile, ignore file, arguments and named contexts. Only a digest walk computes them.
    package var contextDigest: ContextDigest?
    package var buildDigest: BuildDigest?
    /// Why this context's digest could not be computed (a transferred file unreadable or changed).
    package var contextDigestProblem: DigestProblem?
    /// With ``DigestSettings/recordsFailures``: why the build's digest could not be computed.
    package var digestFailure: String?
    /// Why the digest cache could not be written for the next digest (the digest itself is right).
    package var digestCacheProblem: DigestProblem?
    /// Files of the walk whose content digest came from the cache, and bytes read and hashed.
    package var digestCacheHits = 0
    package var digestHashedBytes: Int64 = 0

    /// What the build transfers in all: the main context's transfer (what is sent, without a readable Dockerfile)
    /// and that of every local named context it reads. The `max-transferred-*` budgets apply to it.
    package var totalTransferred: ClassUsage {
        let own = build.flatMap { $0.error == nil ? $0.transferred : nil }
        var total = own ?? ClassUsage(files: sent.files, bytes: sent.bytes)
        for named in namedContexts {
            guard let transferred = named.transferred else { continue }
            total.files += transferred.files
            total.bytes.saturatingAdd(transferred.bytes)
        }
        return total
    }

    /// One named context of the build.
    package struct NamedContextUsage: Sendable, Equatable {
        package var name: String
        /// Whether it is a directory on this machine; a remote one (`value`) sends nothing from here.
        package var local = false
        /// A local context's directory, as given (from the repository root in `--all`).
        package var path: String?
        /// A remote context's reference, as given.
        package var value: String?
        /// Whether the target reads it: only then does BuildKit transfer it, and is it walked.
        package var read = false
        /// Its own `.dockerignore`, named from the build's context root; nil without one.
        package var ignoreFile: String?
        /// What its ignore file lets through; nil when it is not walked.
        package var sent: Totals?
        /// What BuildKit transfers of it (the paths the Dockerfile reads from it); nil when it is not walked.
        package var transferred: ClassUsage?
        /// How many of the build's findings are in it.
        package var findings = 0

        package init(name: String) { self.name = name }
    }

    /// The Dockerfile's view of the context.
    package struct BuildUsage: Sendable, Equatable {
        /// The stage built (`--target`, else the last one).
        package var target: String
        /// Context sources of the target and the stages it needs.
        package var sources: Int
        /// Line of the first source that copies the whole context (`COPY . .`), if any.
        package var rootSourceLine: Int?
        /// Regular files and bytes BuildKit transfers (FollowPaths of the sources, or everything eligible).
        package var transferred = ClassUsage()
        /// With a root source: what it pulls in that no other source names, by top-level entry, largest first.
        package var copyAllOnly: [DirectoryUsage] = []
        /// Sent regular files that an explicit source (not the root) names: what `fix` must never drop.
        package var explicitFiles = ClassUsage()
        /// The Dockerfile could not be read: file, line and what is wrong. Nothing else here is then known.
        package var error: String?
    }

    package init(context: ContextInfo) {
        self.context = context
    }
}
