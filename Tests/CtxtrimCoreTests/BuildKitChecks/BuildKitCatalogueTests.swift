import Testing

@testable import CtxtrimCore

/// BuildKit's rule names in the catalogue and in `.ctxtrim.yml`.
@Suite struct BuildKitCatalogueTests {
    /// `StageNameCasing` is `stage-name-casing`, as BuildKit's documentation pages are named.
    static func kebab(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out += "-" }
            out += character.lowercased()
        }
        return out.replacingOccurrences(of: "j-s-o-n", with: "json")
    }

    @Test func everyBuildKitNameIsUniqueAndMatchesItsIdExceptTheCopyAlias() {
        let named = CheckCatalog.all.filter { $0.buildKitName != nil }
        // BuildKit's 21 rules, CopyIgnoredFile among them as the name of `copy-source-ignored`.
        #expect(named.count == 21)
        #expect(Set(named.compactMap(\.buildKitName)).count == named.count)
        for descriptor in named where descriptor.id != .copySourceIgnored {
            #expect(Self.kebab(descriptor.buildKitName ?? "") == descriptor.id.rawValue)
            #expect(descriptor.help.contains("https://docs.docker.com/go/dockerfile/rule/\(descriptor.id)/"))
            #expect(descriptor.family == .dockerfile && descriptor.subjects == [.dockerfileLine])
        }
        #expect(CheckCatalog.descriptor(for: .copySourceIgnored)?.buildKitName == "CopyIgnoredFile")
        #expect(CheckCatalog.id(named: "CopyIgnoredFile") == .copySourceIgnored)
        #expect(CheckCatalog.id(named: "UndefinedVar") == .undefinedVar)
        #expect(CheckCatalog.id(named: "undefined-var") == .undefinedVar)
        #expect(CheckCatalog.id(named: "undefinedvar") == nil)
    }

    /// A named context's lint does not repeat what the build's Dockerfile says as a whole.
    @Test func namedContextsDoNotRepeatBuildKitFindings() {
        let buildKitIDs = CheckCatalog.all.filter { $0.buildKitName != nil && $0.id != .copySourceIgnored }.map(\.id)
        #expect(Set(buildKitIDs).isSubset(of: BuildInputs.buildOnlyChecks))
        #expect(BuildInputs.buildOnlyChecks.contains(.baseImageNotDigestPinned))
        #expect(!BuildInputs.buildOnlyChecks.contains(.copySourceIgnored))
    }

    @Test func configAcceptsBuildKitNamesForTheirIds() throws {
        let config = try CtxtrimConfig.parse(
            """
            checks:
              StageNameCasing: off
              CopyIgnoredFile: warning
              json-args-recommended: error
            suppressions:
              - path: vendor/**
                reason: vendored
                checks: [UndefinedVar]
            """, source: ".ctxtrim.yml")
        #expect(config.disabledChecks == [.stageNameCasing])
        #expect(config.severityOverrides == [.copySourceIgnored: .warning, .jsonArgsRecommended: .error])
        #expect(config.suppressions.first?.checks == [.undefinedVar])
    }

    @Test func anUnknownNameStillFails() {
        #expect(throws: ConfigError.self) {
            try CtxtrimConfig.parse("checks:\n  StageNameCase: off\n", source: ".ctxtrim.yml")
        }
    }

    @Test func checksJSONCarriesTheBuildKitName() {
        guard case .array(let entries) = CheckCatalog.json else {
            Issue.record("not an array")
            return
        }
        let names = entries.compactMap { entry -> String? in
            guard case .object(let fields) = entry, case .string(let name)? = fields["buildKitName"] else { return nil }
            return name
        }
        #expect(names.count == 21 && names.contains("CopyIgnoredFile") && names.contains("DuplicateStageName"))
    }
}
