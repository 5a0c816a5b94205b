import Testing

@testable import CtxtrimCore

/// Every lint check's own examples, built on disk and linted with only that check enabled, plus registry invariants.
@Suite struct LintExampleTests {
    static let examples = LabeledExample.all(of: LintRegistry.descriptors)

    @Test(arguments: examples)
    func exampleBehavesAsDocumented(_ labeled: LabeledExample) throws {
        let findings = try LintContext(labeled.example).findings([labeled.checkID])
        #expect(findings.allSatisfy { $0.check == labeled.checkID && $0.severity == labeled.severity })
        let subjects = CheckCatalog.descriptor(for: labeled.checkID)?.subjects ?? []
        #expect(findings.allSatisfy { subjects.contains($0.subject.kind) }, "\(findings.map(\.subject))")
        #expect(findings.isEmpty != labeled.example.triggers, "\(findings)")
        #expect(findings.allSatisfy { !$0.message.isEmpty && !$0.path.hasPrefix("/") })
    }

    @Test func registryIDsAreUniqueKebabCaseAndDistinctFromWalkChecks() {
        let ids = LintRegistry.ids
        #expect(Set(ids).count == ids.count)
        #expect(
            ids == [
                "ignore-unused-pattern", "ignore-inline-comment", "ignore-root-only-name", "ignore-wildcard-exception",
                "ignore-file-shadowed", "containerignore-not-read", "ignore-file-in-subdirectory",
                "ignore-file-missing", "copy-source-ignored",
                "copy-source-missing", "copy-all-before-install", "single-stage-compiler-image", "unpinned-base-image",
                "base-image-not-digest-pinned", "stage-name-casing", "from-as-casing", "no-empty-continuation",
                "consistent-instruction-casing", "duplicate-stage-name", "reserved-stage-name", "json-args-recommended",
                "maintainer-deprecated", "undefined-arg-in-from", "workdir-relative-path", "undefined-var",
                "multiple-instructions-disallowed", "legacy-key-value-format", "redundant-target-platform",
                "secrets-used-in-arg-or-env", "invalid-default-arg-in-from", "from-platform-flag-const-disallowed",
                "expose-proto-casing", "expose-invalid-format", "invalid-definition-description",
            ])
        #expect(Set(ids).isDisjoint(with: CheckRegistry.ids))
        for id in ids {
            let text = id.rawValue
            #expect(
                text.allSatisfy { $0.isLowercase || $0 == "-" } && !text.hasPrefix("-") && !text.hasSuffix("-"), "\(id)"
            )
        }
    }

    @Test func everyDescriptorDocumentsItselfAndHasBothKindsOfExamples() {
        for descriptor in LintRegistry.descriptors {
            #expect(!descriptor.title.isEmpty && !descriptor.help.isEmpty, "\(descriptor.id)")
            #expect(
                descriptor.summary.hasSuffix(".") && !descriptor.summary.dropLast().contains(". "), "\(descriptor.id)")
            #expect(descriptor.examples.contains { $0.triggers }, "\(descriptor.id) has no triggering example")
            #expect(descriptor.examples.contains { !$0.triggers }, "\(descriptor.id) has no quiet example")
            #expect(LintRegistry.descriptor(id: descriptor.id)?.id == descriptor.id)
        }
        #expect(LintRegistry.descriptor(id: "no-such-check") == nil)
    }

    /// Lint examples are contexts: no walk events, files to write instead; the catalogue holds the same descriptor.
    @Test func lintExamplesAreContextsAndTheCatalogueHoldsTheSameDescriptor() {
        for descriptor in LintRegistry.descriptors {
            #expect(descriptor.family != .walk, "\(descriptor.id)")
            #expect(descriptor.examples.allSatisfy { $0.events.isEmpty && !$0.files.isEmpty }, "\(descriptor.id)")
            let catalogued = CheckCatalog.descriptor(for: descriptor.id)
            #expect(catalogued?.title == descriptor.title && catalogued?.help == descriptor.help)
            #expect(catalogued?.examples.map(\.label) == descriptor.examples.map(\.label))
        }
    }

    /// Advice is information; a base image floating on `latest` is a warning, since a rebuild can change it.
    @Test func hintsAreInformationOnlyButFloatingBaseImagesWarn() {
        for id: CheckID in ["copy-all-before-install", "single-stage-compiler-image", "base-image-not-digest-pinned"] {
            #expect(LintRegistry.descriptor(id: id)?.defaultSeverity == .info)
        }
        #expect(LintRegistry.descriptor(id: .unpinnedBaseImage)?.defaultSeverity == .warning)
    }
}
