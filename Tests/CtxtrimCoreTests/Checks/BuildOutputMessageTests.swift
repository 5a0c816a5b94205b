import Testing

@testable import CtxtrimCore

/// `build-output` names what it found: a tool cache or coverage report is not called build output, and the advice
/// to build it in the Dockerfile is only given for real build output.
@Suite struct BuildOutputMessageTests {
    func message(_ path: String) throws -> String {
        try #require(BuildOutputCheck().check(DirectoryFacts(path: path, sentFiles: 3, sentBytes: 900))).message
    }

    @Test func aTestRunnerCacheIsATestRunnerCache() throws {
        let message = try message("api/.pytest_cache")
        #expect(message.contains("is a local tool cache"))
        #expect(!message.contains("build output") && !message.contains("build it in the Dockerfile"))
    }

    @Test func coverageIsTestOutput() throws {
        #expect(try message("coverage").contains("is test coverage output"))
    }

    @Test func distIsBuildOutput() throws {
        #expect(try message("web/dist").contains("is build output: add `**/dist`"))
    }
}
