import ContextWalker
import DockerIgnore
import UntrustedText

/// The entries of a build context as BuildKit lists them (`TYPE<TAB>SIZE<TAB>PATH`, sorted bytewise), or the entries
/// the ignore file keeps out.
///
/// A listing is output, so it holds one record per listed entry; the walk itself keeps none.
package struct ContextListing: Sendable {
    /// One listed entry.
    package struct Entry: Sendable, Equatable {
        package var kind: EntryKind
        package var size: Int64
        /// Raw path bytes (names need not be UTF-8).
        package var path: [UInt8]
        /// For `--excluded`: a directory that was not entered; `size` is its measured subtree.
        package var skippedDirectory: Bool = false

        /// `f\t12\tpath` as in the conformance fixtures.
        package var tsv: [UInt8] { Array("\(kind.code)\t\(size)\t".utf8) + path }
        /// The path as text, raw bytes kept (``LosslessUTF8``).
        package var pathText: String { LosslessUTF8.decode(path) }
        /// The exact path bytes in base64, for JSON's `pathBytes`.
        package var pathBase64: String { Base64.encode(path) }
    }

    /// Which entries a listing holds.
    package enum Mode: Sendable {
        /// What BuildKit sends (`ls`).
        case sent
        /// What the ignore file keeps out (`ls --excluded`); skipped directories once, with their measured size.
        case excluded
    }

    package let entries: [Entry]
    /// Soft problems met on the way, sorted by path.
    package let diagnostics: [ScanReport.Diagnostic]
    /// Whether this lists what the ignore file keeps out (`--excluded`) rather than what is sent.
    package let listsExcluded: Bool
    /// The context directory as the user named it, which `--format make` puts in front of each path.
    package var root = "."

    package init(entries: [Entry], diagnostics: [ScanReport.Diagnostic], listsExcluded: Bool = false) {
        self.entries = entries
        self.diagnostics = diagnostics
        self.listsExcluded = listsExcluded
    }

    /// Walks the context at `root` with `rules` through the scan pipeline (no git, no checks, no Dockerfile).
    /// `excluded` lists what is kept out instead of what is sent; skipped directories are then measured.
    package static func list(
        root: String, rules: IgnoreRules, excluded: Bool, threads: Int = WalkOptions.onlineProcessors
    ) throws -> ContextListing {
        let context = try BuildContext.resolve(context: root, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = threads
        options.measureExcluded = excluded
        options.git = false
        options.findings = false
        options.dockerfile = false
        options.suggestionRate = nil
        options.listing = excluded ? .excluded : .sent
        let build = try BuildInputs.read(context: context, rules: rules, target: nil, options: options)
        let report = try ScanPipeline(build: build, options: options).run()[0]
        return ContextListing(
            entries: report.listing ?? [], diagnostics: report.diagnostics, listsExcluded: excluded)
    }
}
