import Testing

@testable import CtxtrimCore

@Suite struct CtxtrimConfigTests {
    let known: Set<CheckID> = [.secretFile, .editorJunk, .buildOutput]

    @Test func readsEverySetting() throws {
        let text = """
            # team budgets
            budgets:
              max-size: 200MiB
              max-files: 5000
              max-transferred-size: 1.5GB
              max-transferred-files: 100
              max-growth: 10%
            fail-on: warning
            checks:
              editor-junk: off
              build-output: error
            suppressions:
              - path: "test/fixtures/**"
                checks: [secret-file]
                reason: fake keys for unit tests
            """
        let config = try CtxtrimConfig.parse(text, source: ".ctxtrim.yml", knownChecks: known)
        #expect(config.budgets.maxSize == Int64(200 * 1_048_576))
        #expect(config.budgets.maxFiles == 5000)
        #expect(config.budgets.maxTransferredSize == 1_500_000_000)
        #expect(config.budgets.maxTransferredFiles == 100)
        #expect(config.budgets.maxGrowth == .percent(10))
        #expect(config.failOn == .warning)
        #expect(config.disabledChecks == ["editor-junk"])
        #expect(config.severityOverrides == ["build-output": .error])
        #expect(
            config.suppressions == [
                .init(path: "test/fixtures/**", checks: ["secret-file"], reason: "fake keys for unit tests", line: 13)
            ])
    }

    @Test func emptyFileIsTheDefaults() throws {
        #expect(try CtxtrimConfig.parse("", source: "c.yml", knownChecks: known).budgets.maxSize == nil)
        #expect(try CtxtrimConfig.parse("# only a comment\n", source: "c.yml", knownChecks: known).failOn == nil)
    }

    static let badFiles: [(String, Int, String)] = [
        ("budgets:\n  max-size: huge\n", 2, "max-size must be a size"),
        ("budgets:\n  max-sise: 1MiB\n", 2, "unknown budget 'max-sise'"),
        ("fail-on: sometimes\n", 1, "fail-on must be one of"),
        ("colour: red\n", 1, "unknown setting \"colour\""),
        ("checks:\n  secret-files: off\n", 2, "unknown check \"secret-files\""),
        ("checks:\n  secret-file: loud\n", 2, "must be off, error, warning or info"),
        ("suppressions:\n  - path: a/**\n", 2, "needs a reason"),
        ("suppressions:\n  - path: a\n    reason: x\n    why: y\n", 4, "unknown suppression key \"why\""),
        ("budgets:\n  max-files: -3\n", 2, "whole number"),
        ("budgets: [1\n", 2, "not valid YAML"),
        ("budgets:\n  max-growth: lots\n", 2, "max-growth must be a percentage"),
        ("budgets:\n  max-size: 1MiB\n  max-transferred-size: -5MB\n", 3, "got '-5MB': it is negative"),
        ("budgets:\n  max-size: 9999999T\n", 2, "up to 8 EiB; got '9999999T': it is too large"),
        ("budgets:\n  max-files: 9223372036854775808\n", 2, "from 0 to 9223372036854775807"),
        ("budgets:\n  max-transferred-files: -1\n", 2, "got '-1': it is negative"),
        ("budgets:\n  max-growth: -10%\n", 2, "got '-10%': it is negative"),
        ("budgets:\n  max-growth: .inf%\n", 2, "max-growth must be a percentage from 0% to 100000%"),
    ]

    @Test(arguments: badFiles)
    func badValuesNameFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try CtxtrimConfig.parse(text, source: ".ctxtrim.yml", knownChecks: known)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(".ctxtrim.yml:\(line): "))
        }
    }

    static let keyPaths: [(String, String?, ConfigError.Code)] = [
        ("budgets:\n  max-sise: 1MiB\n", "budgets.max-sise", .unknownKey),
        ("budgets:\n  max-size: huge\n", "budgets.max-size", .invalidValue),
        ("checks:\n  secret-file: loud\n", "checks.secret-file", .invalidValue),
        ("checks:\n  secret-files: off\n", "checks.secret-files", .unknownCheck),
        ("suppressions:\n  - path: a\n    reason: x\n  - path: b\n", "suppressions[1].reason", .missingValue),
        ("suppressions:\n  - path: a\n    reason: x\n    checks: [nope]\n", "suppressions[0].checks", .unknownCheck),
        ("colour: red\n", "colour", .unknownKey),
        ("- a\n", nil, .invalidValue),
        ("budgets: [1\n", nil, .invalidYAML),
    ]

    /// A bad key or value is named by its path in the file, never by a Swift type or coding key.
    @Test(arguments: keyPaths)
    func errorsNameTheKeyPath(text: String, keyPath: String?, code: ConfigError.Code) {
        do {
            _ = try CtxtrimConfig.parse(text, source: ".ctxtrim.yml", knownChecks: known)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.keyPath == keyPath, "\(error)")
            #expect(error.code == code, "\(error)")
            #expect(error.description.hasSuffix("[\(code.rawValue)]"), "\(error)")
        }
    }

    @Test func theOldMissingIgnoreFileIDIsAnErrorNamingTheNewOne() {
        for text in [
            "checks:\n  missing-ignore-file: off\n",
            "suppressions:\n  - path: a\n    checks: [missing-ignore-file]\n    reason: r\n",
        ] {
            do {
                _ = try CtxtrimConfig.parse(text, source: ".ctxtrim.yml")
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.message.contains("renamed to 'ignore-file-missing'"), "\(error)")
                #expect(error.description.contains("write 'ignore-file-missing' instead"), "\(error)")
            }
        }
        let config = try? CtxtrimConfig.parse("checks:\n  ignore-file-missing: off\n", source: ".ctxtrim.yml")
        #expect(config?.disabledChecks == [.ignoreFileMissing])
    }

    @Test func everyConfigurableCatalogueIDIsAcceptedAndGateIDsAreNot() throws {
        for id in CheckCatalog.configurableIDs {
            let config = try CtxtrimConfig.parse("checks:\n  \(id): info\n", source: ".ctxtrim.yml")
            #expect(config.severityOverrides == [id: .info])
        }
        for (id, hint) in [("context-budget", "under budgets"), ("secret-copied", "ctxtrim fix")] {
            do {
                _ = try CtxtrimConfig.parse("checks:\n  \(id): off\n", source: ".ctxtrim.yml")
                Issue.record("expected an error for \(id)")
            } catch {
                #expect(
                    error.description.contains("cannot be configured") && error.description.contains(hint), "\(error)")
            }
        }
    }

    @Test func growthLimits() {
        #expect(GrowthLimit.parse("10%") == .percent(10))
        #expect(GrowthLimit.parse("5MiB") == .bytes(5 * 1_048_576))
        #expect(GrowthLimit.parse("x%") == nil)
        #expect(GrowthLimit.percent(10).exceeded(baseline: 100, current: 111))
        #expect(!GrowthLimit.percent(10).exceeded(baseline: 100, current: 110))
        #expect(GrowthLimit.bytes(5).exceeded(baseline: 100, current: 106))
        #expect(!GrowthLimit.bytes(5).exceeded(baseline: 100, current: 90))
    }

    @Test func failThresholds() {
        #expect(FailThreshold.error.fails(.error))
        #expect(!FailThreshold.error.fails(.warning))
        #expect(FailThreshold.warning.fails(.warning))
        #expect(FailThreshold.info.fails(.info))
        #expect(!FailThreshold.never.fails(.error))
    }
}
