import Testing

@testable import CtxtrimCore

/// Every check's own examples, run through a `CheckRun` with only that check enabled, plus registry invariants.
@Suite struct CheckDescriptorTests {
    static let examples = LabeledExample.all(of: CheckRegistry.descriptors)

    @Test(arguments: examples)
    func exampleBehavesAsDocumented(_ labeled: LabeledExample) {
        var run = CheckRun(enabledIDs: [labeled.checkID])
        for event in labeled.example.events { run.feed(event) }
        let findings = run.finish()
        #expect(
            findings.allSatisfy {
                $0.check == labeled.checkID && $0.severity == (labeled.example.severity ?? labeled.severity)
            })
        let subjects = CheckCatalog.descriptor(for: labeled.checkID)?.subjects ?? []
        #expect(findings.allSatisfy { subjects.contains($0.subject.kind) }, "\(findings.map(\.subject))")
        #expect(findings.isEmpty != labeled.example.triggers, "\(findings)")
    }

    @Test func registryIDsAreUniqueStableKebabCase() {
        let ids = CheckRegistry.ids
        #expect(Set(ids).count == ids.count)
        #expect(
            ids == [
                "secret-file", "secret-content", "vcs-dir", "dependency-dir", "build-output", "editor-junk", "log-file",
                "large-file", "git-ignored-sent", "untracked-bulk", "symlink-outside-context", "unreadable",
                "ctxtrim-temp-file",
            ])
        for id in ids {
            let text = id.rawValue
            #expect(
                text.allSatisfy { $0.isLowercase || $0 == "-" } && !text.hasPrefix("-") && !text.hasSuffix("-"), "\(id)"
            )
        }
    }

    @Test func everyDescriptorDocumentsItselfAndHasBothKindsOfExamples() {
        for descriptor in CheckRegistry.descriptors {
            #expect(!descriptor.title.isEmpty && !descriptor.help.isEmpty, "\(descriptor.id)")
            #expect(
                descriptor.summary.hasSuffix(".") && !descriptor.summary.dropLast().contains(". "), "\(descriptor.id)")
            #expect(descriptor.examples.contains { $0.triggers }, "\(descriptor.id) has no triggering example")
            #expect(descriptor.examples.contains { !$0.triggers }, "\(descriptor.id) has no quiet example")
            #expect(CheckRegistry.descriptor(id: descriptor.id)?.id == descriptor.id)
        }
        #expect(CheckRegistry.descriptor(id: "no-such-check") == nil)
    }

    @Test func secretsAreNeverHiddenByClaimedDirectories() {
        for id: CheckID in ["secret-file", "secret-content", "unreadable"] {
            #expect(CheckRegistry.descriptor(id: id)?.yieldsToClaimedDirectories == false)
        }
    }
}
