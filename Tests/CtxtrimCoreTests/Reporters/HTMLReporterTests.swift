import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore
@testable import Digest
@testable import ReportPage
@testable import UntrustedText

/// The HTML page as ctxtrim writes it: its data are the JSON reports themselves, nothing in a scanned name can
/// break out of the data element, and the policy admits exactly the page's own style and script.
@Suite struct HTMLReporterTests {
    static func page(_ outcome: CommandOutcome) -> String {
        String(
            decoding: HTMLReporter().render(outcome, options: RenderOptions(toolVersion: "9.9.9")).output, as: UTF8.self
        )
    }

    /// The text of the one element between `open` and the next `</script>`.
    static func element(_ page: String, after open: String) throws -> String {
        let start = try #require(page.range(of: open)).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return String(page[start..<end])
    }

    static func data(_ page: String) throws -> JSONValue {
        try JSONText.parse(element(page, after: #"<script type="application/json" id="ctxtrim-data">"#))
    }

    static func member(_ value: JSONValue, _ keys: String...) -> JSONValue? {
        var current: JSONValue? = value
        for key in keys {
            guard case .object(let members)? = current else { return nil }
            current = members[key]
        }
        return current
    }

    static func views(_ data: JSONValue) -> [JSONValue] {
        guard case .array(let views)? = member(data, "views") else { return [] }
        return views
    }

    @Test func aScansPageHoldsTheJSONReportItself() throws {
        let tree = try ContextMapTests.nodeService()
        let report = try ContextMapTests.scan(tree)
        let data = try Self.data(Self.page(.scan(report)))
        let json = try JSONText.parse(report.json.rendered())
        #expect(Self.member(data, "command") == .string("scan"))
        #expect(Self.member(data, "tool", "version") == .string("9.9.9"))
        let view = try #require(Self.views(data).first)
        #expect(Self.member(view, "report") == json)
        #expect(Self.member(view, "map", "sent", "bytes") == .int(report.sent.bytes))
        #expect(Self.member(view, "map", "excluded", "files") == .int(report.excluded.files))
        #expect(Self.member(view, "fix", "ignoreFile") == .string(".dockerignore"))
        guard case .string(let diff)? = Self.member(view, "fix", "diff") else {
            Issue.record("no diff")
            return
        }
        #expect(diff.contains("+**/node_modules"))
        guard case .array(let classes)? = Self.member(data, "classes") else {
            Issue.record("no legend")
            return
        }
        #expect(classes.count == MapClass.allCases.count)
    }

    @Test func aCheckAndEveryBuildOfAllHaveTheirOwnViews() throws {
        let tree = try ContextMapTests.nodeService()
        try tree.write("services/api/Dockerfile", "FROM golang:1.23\nCOPY . .\n")
        try tree.write("services/api/main.go", "package main\n")
        var options = ContextScanner.Options()
        options.git = false
        options.mapsContext = true
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        let gate = try GateOutcome.check(context, overrides: .init(), options: options)
        let checkData = try Self.data(Self.page(.check(gate)))
        #expect(
            Self.member(try #require(Self.views(checkData).first), "report")
                == (try JSONText.parse(gate.json.rendered())))
        #expect(Self.member(try #require(Self.views(checkData).first), "map") != .null)

        let discovery = try BuildDiscovery.run(root: tree.path, configPath: nil, threads: 2)
        let multi = try MultiContextScanner(root: tree.path, discovery: discovery, options: options).scan()
        let allData = try Self.data(Self.page(.builds(multi)))
        let views = Self.views(allData)
        #expect(views.count == multi.builds.count)
        #expect(views.count == 2)
        for (view, build) in zip(views, multi.builds) {
            #expect(Self.member(view, "name") == .string(build.build.name))
            #expect(Self.member(view, "report") == (try JSONText.parse(build.report.json.rendered())))
            #expect(Self.member(view, "map", "sent", "bytes") == .int(build.report.sent.bytes))
        }
        #expect(Self.member(allData, "shared", "totals", "builds") == .int(2))
    }

    @Test func aHostileNameCannotLeaveTheDataElement() throws {
        let tree = try TemporaryTree("html")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        let hostile = "</script><img src=x onerror=alert(1)><!--"
        try tree.write("\(hostile)/a.txt", "a")
        try tree.write("x\u{2028}y", "b")
        let report = try ContextMapTests.scan(tree)
        let page = Self.page(.scan(report))
        // The page's own two script elements end; nothing else does.
        #expect(page.components(separatedBy: "</script>").count == 3)
        #expect(!page.contains("<img"))
        #expect(!page.contains("\u{2028}"))
        let text = try Self.element(page, after: #"id="ctxtrim-data">"#)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        // The names read back exactly (the `/` of `</script>` makes a directory `<`).
        var paths: [String] = []
        func collect(_ node: JSONValue) {
            if case .string(let path)? = Self.member(node, "path") { paths.append(path) }
            if case .array(let children)? = Self.member(node, "children") { children.forEach(collect) }
        }
        collect(try #require(Self.member(Self.views(try Self.data(page))[0], "map")))
        #expect(paths.contains(hostile))
        #expect(paths.contains("x\u{2028}y"))
    }

    @Test func thePolicyAdmitsExactlyThePagesOwnStyleAndScript() throws {
        let page = Self.page(.scan(try ContextMapTests.scan(try ContextMapTests.nodeService())))
        let policy = try #require(page.firstMatch(of: #/content="(default-src[^"]*)"/#)?.output.1)
        let style = try #require(page.firstMatch(of: #/<style>(.*?)</style>/#.dotMatchesNewlines())?.output.1)
        let script = try Self.element(page, after: "</script>\n<script>")
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("'sha256-\(Base64.encode(Digest.sha256(Array(style.utf8))))'"))
        #expect(policy.contains("script-src 'sha256-\(Base64.encode(Digest.sha256(Array(script.utf8))))'"))
        #expect(!policy.contains("unsafe"))
        // Nothing outside the page: no URL of any scheme but the policy's own `data:` images.
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("//cdn"))
    }

    @Test func scriptDataEscapesWhatCouldEndTheElement() throws {
        let json = JSONValue.object(["name": .string("</script><!-- & \u{2028}\u{2029} >")]).rendered(indent: 0)
        let escaped = HTMLText.scriptData(json)
        #expect(escaped == #"{"name":"\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029 \u003e"}"#)
        #expect(try JSONText.parse(escaped) == (try JSONText.parse(json)))
    }
}
