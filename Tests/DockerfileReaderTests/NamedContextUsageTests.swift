import Testing

@testable import DockerfileReader

/// `COPY --from`, bind mounts `from=` and `FROM` of a local named context read that context, never the main one; a
/// named context replaces the stage of its name (BuildKit's `buildDispatchStates`).
@Suite struct NamedContextUsageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        var named: Set<String> = ["lib"]
        var target: String? = nil
        /// pattern@line of the main context's sources
        let main: [String]
        /// name:pattern@line of the named contexts' sources
        let namedSources: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "COPY --from a named context", text: "FROM a\nCOPY --from=lib sub/x.txt /x/\nCOPY app.py /app/\n",
            main: ["app.py@3"], namedSources: ["lib:sub/x.txt@2"]),
        Case(
            label: "without the named context it is an image", text: "FROM a\nCOPY --from=lib sub/x.txt /x/\n",
            named: [], main: [], namedSources: []),
        Case(
            label: "a named context replaces the stage of its name",
            text: "FROM alpine AS lib\nCOPY src /src\nFROM b\nCOPY --from=lib /out /out\n",
            main: [], namedSources: ["lib:out@4"]),
        Case(
            label: "without it the stage is built",
            text: "FROM alpine AS lib\nCOPY src /src\nFROM b\nCOPY --from=lib /out /out\n", named: [],
            main: ["src@2"], namedSources: []),
        Case(
            label: "a stage index of a replaced stage",
            text: "FROM alpine AS lib\nCOPY src /src\nFROM b\nCOPY --from=0 /out /out\n", main: [],
            namedSources: ["lib:out@4"]),
        Case(
            label: "bind mount from a named context",
            text: "FROM a\nRUN --mount=type=bind,from=lib,source=pkg,target=/p make\n", main: [],
            namedSources: ["lib:pkg@2"]),
        Case(
            label: "cache mount from a named context reads no source",
            text: "FROM a\nRUN --mount=type=cache,from=lib,target=/c make\n", main: [], namedSources: []),
        Case(
            label: "FROM a named context reads all of it", text: "FROM lib\nCOPY a /a\n", main: ["a@2"],
            namedSources: ["lib:.@1"]),
        Case(
            label: "FROM a replaced stage reads all of it",
            text: "FROM alpine AS lib\nCOPY x /x\nFROM lib\nCOPY a /a\n", main: ["a@4"], namedSources: ["lib:.@3"]),
        Case(
            label: "a replaced target is the whole context", text: "FROM alpine AS lib\nCOPY x /x\nFROM b\nCOPY a .\n",
            target: "lib", main: [], namedSources: ["lib:.@1"]),
        Case(
            label: "names are matched lower-cased as BuildKit normalizes them",
            text: "FROM a\nCOPY --from=LIB x /x\n", main: [], namedSources: ["lib:x@2"]),
        Case(
            label: "a stage the target does not need reads nothing",
            text: "FROM a AS unused\nCOPY --from=lib x /x\nFROM b\nCOPY y /y\n", main: ["y@4"], namedSources: []),
    ]

    @Test(arguments: cases)
    func sources(_ testCase: Case) throws {
        let usage = try parseFile(testCase.text).contextUsage(target: testCase.target, namedContexts: testCase.named)
        #expect(patterns(usage, withLines: true) == testCase.main)
        let named = usage.allSources.filter { $0.namedContext != nil }
        #expect(named.map { "\($0.namedContext ?? ""):\($0.pattern)@\($0.line)" } == testCase.namedSources)
        #expect(usage.namedContextsRead == Set(named.compactMap(\.namedContext)).sorted())
    }

    @Test func aNamedContextSeesItsSourcesAsItsOwn() throws {
        let text = "FROM lib AS base\nFROM a\nCOPY --from=lib x /x\nCOPY y /y\nCOPY --from=other z /z\n"
        let usage = try parseFile(text).contextUsage(namedContexts: ["lib", "other"])
        let lib = usage.usage(ofNamedContext: "lib")
        #expect(patterns(lib) == ["x"])
        #expect(lib.allSources.allSatisfy { $0.namedContext == nil })
        #expect(!lib.referencesEverything)
        #expect(patterns(usage.usage(ofNamedContext: "other")) == ["z"])
        // The main context's sources stay out of every named context's view.
        #expect(patterns(usage) == ["y"])
    }
}
