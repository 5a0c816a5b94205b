import Foundation
import TestSupport
import Testing

/// The HTML report of a monorepo as a reviewer opens it: the real binary writes the page, headless Chromium draws it
/// (`scripts/browser-check.py`, over the DevTools protocol on a pipe), and the page must load nothing, log no error,
/// show every class with its legend, zoom on a click and back through the breadcrumbs, sort its findings, work from
/// the keyboard, and show the numbers `scan --format json` prints.
@Suite(.serialized) struct HTMLReportBrowserTests {
    /// Chromium as `scripts/test` installs it (Debian's `chromium`), or `$CHROMIUM`.
    static let chromium: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let hostileName = "<img src=x onerror=alert(1)>.js"

    /// A compose monorepo as a laptop has it: a Node web service with dependencies, a build, a secret, logs the
    /// ignore file keeps out, a video over the large-file threshold, editor files `fix` would keep out and a
    /// git-ignored cache; and a Go API beside it (the first tab), with a file whose name is markup.
    static func monorepo() throws -> TemporaryTree {
        let tree = try TemporaryTree("browser")
        try tree.write(
            "compose.yaml",
            "services:\n  web:\n    build: ./services/web\n  api:\n    build:\n      context: ./services/api\n")
        try tree.write(".gitignore", "cache/\n")
        try tree.write(
            "services/web/Dockerfile",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"src/app.js\"]\n")
        try tree.write("services/web/.dockerignore", "*.log\ncoverage\n")
        try tree.write("services/web/.ctxtrim.yml", "large-file-threshold: 64KiB\n")
        try tree.write("services/web/package.json", #"{"name": "web", "dependencies": {"express": "4"}}"#)
        try tree.write("services/web/src/app.js", "require('express')().listen(8080)\n")
        try tree.write("services/web/src/\(hostileName)", "export default 1\n")
        try tree.write("services/api/Dockerfile", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n")
        try tree.write("services/api/go.mod", "module example.com/api\n\ngo 1.23\n")
        try tree.write("services/api/cmd/server/main.go", "package main\n\nfunc main() {}\n")
        try tree.write("services/api/internal/<img src=x onerror=alert(1)>.go", String(repeating: "// x\n", count: 50))
        try GitRepository.create(in: tree).commitAll("init")
        // What the developer's machine added since: none of it is in git.
        for index in 0..<4 {
            try tree.write(
                "services/web/node_modules/pkg\(index)/index.js", String(repeating: "m", count: 20_000 + index))
        }
        try tree.write("services/web/dist/app.js", String(repeating: "d", count: 30_000))
        try tree.write("services/web/.env", "SESSION_SECRET=correct-horse-battery-staple\n")
        try tree.write("services/web/server.log", String(repeating: "GET / 200\n", count: 3000))
        try tree.write("services/web/coverage/lcov.info", String(repeating: "SF:src/app.js\n", count: 2000))
        try tree.write("services/web/assets/demo.mp4", String(repeating: "v", count: 200_000))
        try tree.write("services/web/.idea/workspace.xml", "<project/>\n")
        for index in 0..<3 {
            try tree.write("services/web/cache/chunk\(index)", String(repeating: "c", count: 9000))
        }
        return tree
    }

    struct BrowserResult {
        var status: Int32
        var json: [String: Any]
        var stderr: String
    }

    /// Runs the driver on `page`; `expect` is the metrics the page must show.
    static func browse(_ page: String, arguments: [String] = [], expect: [String: Int64]? = nil) throws
        -> BrowserResult
    {
        var all = [PackageRoot.file("scripts/browser-check.py").path, page] + arguments
        if let expect {
            let file = page + ".expect.json"
            try JSONSerialization.data(withJSONObject: expect).write(to: URL(fileURLWithPath: file))
            all += ["--expect-json", file]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + all
        var environment = ProcessInfo.processInfo.environment
        if let chromium { environment["CHROMIUM"] = chromium }
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let json = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] ?? [:]
        return BrowserResult(status: process.terminationStatus, json: json, stderr: errors)
    }

    /// The metrics the page shows, from the build's own `scan --format json`.
    static func metrics(_ report: [String: Any]) throws -> [String: Int64] {
        let totals = try #require(report["totals"] as? [String: Any])
        let sent = try #require(totals["sent"] as? [String: Any])
        let excluded = try #require(totals["excluded"] as? [String: Any])
        var metrics: [String: Int64] = [
            "sent-bytes": try #require(sent["bytes"] as? Int64), "sent-files": try #require(sent["files"] as? Int64),
            "excluded-bytes": try #require(excluded["bytes"] as? Int64),
            "excluded-files": try #require(excluded["files"] as? Int64),
            "findings": Int64(try #require(report["findings"] as? [Any]).count),
        ]
        if let transferred = totals["transferred"] as? [String: Any] {
            metrics["transferred-bytes"] = try #require(transferred["bytes"] as? Int64)
            metrics["transferred-files"] = try #require(transferred["files"] as? Int64)
        }
        let shrink = try #require(report["shrink"] as? [String: Any])
        let after = try #require((shrink["eligible"] as? [String: Any])?["after"] as? [String: Any])
        metrics["after-bytes"] = try #require(after["bytes"] as? Int64)
        metrics["after-files"] = try #require(after["files"] as? Int64)
        return metrics
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/test installs Debian's chromium)"))
    func theBuildsPageShowsEveryClassTheJSONsNumbersAndWorksInTheBrowser() throws {
        let tree = try Self.monorepo()
        let web = tree.path("services/web")
        let page = tree.path("web.html")
        let written = try CtxtrimProcess.run(["scan", web, "--format", "html", "--output", page])
        #expect(written.status == 0, "\(written.stderr)")
        let json = try CtxtrimProcess.run(["scan", web, "--format", "json"])
        let report = try #require(JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let expected = try Self.metrics(report)

        let result = try Self.browse(
            page, arguments: ["--screenshot", tree.path("web.png"), "--dark-screenshot", tree.path("web-dark.png")],
            expect: expected)
        #expect(result.status == 0, "\(result.json["errors"] ?? result.stderr)")
        let checks = try #require(result.json["checks"] as? [String: Any])
        for name in ["zoom", "breadcrumb", "keyboard", "sort", "screenshot", "darkScreenshot", "resize"] {
            #expect(checks[name] as? Bool == true, "\(name): \(result.json["errors"] ?? "")")
        }
        #expect((result.json["tiles"] as? Int ?? 0) > 5)
        // Every class is in the data, so the legend marks none of them absent.
        let legend = try #require(result.json["legend"] as? [String])
        #expect(
            Set(legend)
                == ["sent", "excluded", "fix", "secret", "dependency", "build-output", "large-file", "git-ignored"],
            "\(legend)")
        let shown = try #require(result.json["metrics"] as? [String: Int])
        for (name, value) in expected { #expect(shown[name].map(Int64.init) == value, "\(name)") }
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/test installs Debian's chromium)"))
    func theMonoreposPageHasATabPerBuildAndShowsAHostileNameAsText() throws {
        let tree = try Self.monorepo()
        let page = tree.path("all.html")
        let written = try CtxtrimProcess.run(["scan", "--all", tree.path, "--format", "html", "--output", page])
        #expect(written.status == 0, "\(written.stderr)")
        let result = try Self.browse(page, arguments: ["--hostile", "<img src=x onerror=alert(1)>"])
        #expect(result.status == 0, "\(result.json["errors"] ?? result.stderr)")
        let checks = try #require(result.json["checks"] as? [String: Any])
        #expect(checks["tabs"] as? Bool == true)
        #expect(checks["hostile"] as? Bool == true)
        let tabs = try #require(result.json["tabs"] as? [[String: Any]])
        let labels = tabs.compactMap { $0["label"] as? String }
        #expect(labels.contains { $0.contains("web") } && labels.contains { $0.contains("api") }, "\(labels)")

        // check --all writes its page too, with the gate's verdict.
        let checked = try CtxtrimProcess.run([
            "check", "--all", tree.path, "--format", "html", "--output", tree.path("check.html"),
        ])
        #expect(checked.status == 1, "\(checked.output)")
        let checkPage = try Self.browse(tree.path("check.html"))
        #expect(checkPage.status == 0, "\(checkPage.json["errors"] ?? checkPage.stderr)")
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (scripts/test installs Debian's chromium)"))
    func theDriverFailsAPageThatBreaks() throws {
        let tree = try TemporaryTree("browser")
        let page = try tree.write("broken.html", "<!DOCTYPE html><title>x</title><p>no script, no treemap</p>")
        let result = try Self.browse(page, arguments: ["--timeout", "5"])
        #expect(result.status == 1)
        #expect(result.json["ok"] as? Bool == false)
    }
}
