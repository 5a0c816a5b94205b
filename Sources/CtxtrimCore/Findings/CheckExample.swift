/// An input that must (or must not) trigger a check, with a label safe to print in documentation.
package struct CheckExample: Sendable {
    /// What the example shows, for the README and SARIF help (never contains a secret-shaped string).
    package let label: String
    /// The events a `CheckRun` is fed, in order.
    package let events: [CheckEvent]
    /// Whether the check must report at least one finding for these events.
    package let triggers: Bool

    package init(_ label: String, triggers: Bool, events: [CheckEvent]) {
        self.label = label
        self.triggers = triggers
        self.events = events
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
    package static func content(_ label: String, triggers: Bool, path: String, text: String) -> CheckExample {
        let bytes = Array(text.utf8)
        let entry = EntryFacts(path: path, kind: .file, size: Int64(bytes.count), gitClass: .untracked)
        return CheckExample(label, triggers: triggers, events: [.entry(entry), .content(entry, bytes)])
    }
}
