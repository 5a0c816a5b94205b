import TestSupport
import Testing

@testable import CtxtrimCore

/// `check`'s settings: the context's `.ctxtrim.yml`, then what the command line gave on top.
@Suite struct GateSettingsOverridesTests {
    static let config = "budgets:\n  max-size: 200MiB\n  max-files: 10\nfail-on: warning\n"

    @Test func commandLineValuesWinAndTheOthersComeFromTheConfigFile() throws {
        let scratch = try TemporaryTree("settings")
        try scratch.write(".ctxtrim.yml", Self.config)
        let context = try BuildContext.resolve(context: scratch.path, dockerfile: nil, ignoreFileOverride: nil)
        var overrides = GateSettings.Overrides()
        overrides.budgets.maxFiles = 99
        overrides.failOn = .never
        let settings = try GateSettings.resolve(
            config: CtxtrimConfig.load(for: context, explicitPath: nil), overrides: overrides)
        #expect(settings.budgets.maxFiles == 99)
        #expect(settings.failOn == .never)
        #expect(settings.budgets.maxSize == Int64(200 * 1_048_576))
        #expect(settings.baseline == nil)
    }

    @Test func anExplicitConfigThatDoesNotExistIsAnError() throws {
        let scratch = try TemporaryTree("settings")
        let context = try BuildContext.resolve(context: scratch.path, dockerfile: nil, ignoreFileOverride: nil)
        #expect(throws: (any Error).self) {
            try CtxtrimConfig.load(for: context, explicitPath: scratch.path + "/missing.yml")
        }
    }
}
