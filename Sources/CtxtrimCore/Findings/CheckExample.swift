import GitClassifier

/// An input that must (or must not) trigger a check, with a label safe to print in documentation: walk events for a
/// walk check, a small build context for an ignore-file or Dockerfile check.
package struct CheckExample: Sendable {
    /// What the example shows, for the README and SARIF help (never contains a secret-shaped string).
    package let label: String
    /// Whether the check must report at least one finding for this input.
    package let triggers: Bool
    /// A walk check's input: the events a `CheckRun` is fed, in order (empty for a lint check).
    package let events: [CheckEvent]
    /// A lint check's input: context-relative path to file content, written to a temporary directory and scanned
    /// as `docker build` would see it; a path ending in `/` is an empty directory (empty for a walk check).
    package let files: [String: String]
    /// Paths committed to git for a lint example (a directory listed here commits everything in it).
    package let tracked: [String]
    /// The severity its findings must have when it is not the check's default (a notice about a committed file).
    package private(set) var severity: Severity?

    package init(_ label: String, triggers: Bool, events: [CheckEvent]) {
        self.label = label
        self.triggers = triggers
        self.events = events
        files = [:]
        tracked = []
    }

    package init(_ label: String, triggers: Bool, files: [String: String], tracked: [String] = []) {
        self.label = label
        self.triggers = triggers
        events = []
        self.files = files
        self.tracked = tracked
    }

    /// A context with a `.dockerignore` of `ignoreFile` and the other `paths` (empty files, or directories when
    /// ending in `/`).
    package static func ignore(
        _ label: String, triggers: Bool, _ ignoreFile: String, paths: [String] = [], tracked: [String] = []
    ) -> CheckExample {
        var files = Dictionary(uniqueKeysWithValues: paths.map { ($0, "") })
        files[".dockerignore"] = ignoreFile
        return CheckExample(label, triggers: triggers, files: files, tracked: tracked)
    }

    /// A context with a `Dockerfile` of `dockerfile` and nothing else.
    package static func dockerfile(_ label: String, triggers: Bool, _ dockerfile: String) -> CheckExample {
        CheckExample(label, triggers: triggers, files: ["Dockerfile": dockerfile])
    }

    /// An example made of entries alone.
    package static func entries(_ label: String, triggers: Bool, _ entries: EntryFacts...) -> CheckExample {
        CheckExample(label, triggers: triggers, events: entries.map { .entry($0) })
    }

    /// An example made of one finished directory, fed after its own entry.
    package static func directory(_ label: String, triggers: Bool, _ directory: DirectoryFacts) -> CheckExample {
        CheckExample(label, triggers: triggers, events: [.directoryFinished(directory)])
    }

    /// An example made of one small text file and its content.
    package static func content(
        _ label: String, triggers: Bool, path: String, text: String, gitClass: GitClass = .untracked,
        reincludedBy: EntryFacts.IgnoreLine? = nil
    ) -> CheckExample {
        let bytes = Array(text.utf8)
        var entry = EntryFacts(path: path, kind: .file, size: Int64(bytes.count), gitClass: gitClass)
        entry.reincludedBy = reincludedBy
        return CheckExample(label, triggers: triggers, events: [.entry(entry), .content(entry, bytes)])
    }

    /// This example with findings of `severity` rather than the check's default.
    package func withSeverity(_ severity: Severity) -> CheckExample {
        var copy = self
        copy.severity = severity
        return copy
    }
}
