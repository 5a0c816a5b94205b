/// Go: `go.mod` (and `go.sum`) copied and `go mod download` run before the sources, the one `go build -o` of the
/// Dockerfile rebuilt with `CGO_ENABLED=0 -trimpath -ldflags="-s -w"` and both Go caches mounted, and the binary
/// alone on `gcr.io/distroless/static-debian12`.
enum GoRecipe {
    /// `go build` flags that take a value as the next word.
    private static let valueFlags: Set<String> = [
        "-o", "-ldflags", "-tags", "-gcflags", "-asmflags", "-installsuffix", "-mod", "-p", "-pgo", "-buildmode",
        "-buildvcs", "-modfile", "-overlay",
    ]

    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        let builds = stage.runSteps.flatMap { step in
            step.commands.filter { $0.program == "go" && $0.operands.first == "build" }.map { (step.item, $0) }
        }
        guard stage.repository == "golang" || (!builds.isEmpty && project.has("go.mod")) else { return nil }
        guard project.has("go.mod") else {
            throw RewriteStop(
                .unrecognised, "the context sends no `go.mod` at its root: ctxtrim rewrites Go modules only")
        }
        if project.has("go.work") {
            throw RewriteStop(
                .unplaceable, "the context is a Go workspace (`go.work`): its modules' manifests are spread")
        }
        guard let (item, build) = builds.first else {
            throw RewriteStop(.artifact, "no RUN runs `go build`: ctxtrim cannot tell what the image runs")
        }
        guard builds.count == 1 else {
            throw RewriteStop(
                .artifact,
                "RUN steps run `go build` \(builds.count) times (lines \(builds.map { String($0.0.line) }.joined(separator: ", "))): several artifacts"
            )
        }
        let parsed = try parse(build.arguments.dropFirst(), line: item.line)
        let index = stage.body.firstIndex { $0.line == item.line } ?? 0
        guard let workdir = stage.workdir(through: index) else {
            throw RewriteStop(.unplaceable, "the WORKDIR before line \(item.line) uses a variable")
        }
        let artifact = SingleStage.resolve(parsed.output, from: workdir)
        let sources = project.files(endingWith: ".go").filter { !$0.hasSuffix("_test.go") }
        guard let read = project.texts(sources) else {
            throw RewriteStop(
                .nativeDependencies,
                "the \(sources.count) Go files sent cannot all be read within \(RewriteProject.sourceBudget >> 20) MiB, so cgo cannot be ruled out"
            )
        }
        try checkCgo(stage, read)
        let texts = read.map(\.text)
        try RuntimeData.check(project, sourceSuffix: ".go", embeds: texts.contains { $0.contains("//go:embed") })

        let entry = try stage.entrypoint()
        guard let program = entry.program,
            program == artifact || SingleStage.resolve(program, from: stage.workdir() ?? "/") == artifact
                || (!program.contains("/") && ContextPathName.last(program) == ContextPathName.last(artifact))
        else {
            throw RewriteStop(
                .entrypoint,
                """
                the image runs `\(entry.program ?? "")`, not the binary `go build` writes (`\(artifact)`): an \
                unusual entrypoint
                """)
        }

        let vendored = project.has("vendor/modules.txt")
        let manifests = ["go.mod"] + (project.has("go.sum") ? ["go.sum"] : [])
        var decisions = [
            "a `build` stage on `\(stage.base.reference)`, the same image as before",
            vendored
                ? "`vendor/modules.txt` is sent: the modules are vendored, so nothing is downloaded before the sources"
                : "`\(manifests.joined(separator: "`, `"))` copied and `go mod download` run before the sources, so a source change reuses the downloaded modules",
            "cache mounts for the module cache (`/go/pkg/mod`) and the build cache (`/root/.cache/go-build`)",
            "`CGO_ENABLED=0`: no `import \"C\"` in the \(sources.count) Go files sent, so the binary is static",
            "`-trimpath -ldflags=\"-s -w\"`: no local paths, no symbol table or DWARF in the binary",
        ]
        let needs = [
            texts.contains { $0.contains("\"net/http\"") || $0.contains("\"crypto/tls\"") }
                ? "TLS roots (it imports `net/http` or `crypto/tls`)" : nil,
            texts.contains { $0.contains("time.LoadLocation") || $0.contains("\"time/tzdata\"") }
                ? "time zone data (`time.LoadLocation`)" : nil,
        ].compactMap { $0 }
        decisions.append(
            """
            runtime `gcr.io/distroless/static-debian12`: it carries CA certificates, `/usr/share/zoneinfo` and \
            `/etc/passwd` but no shell, so a static binary needs nothing more\
            \(needs.isEmpty ? "" : "; the code needs " + needs.joined(separator: " and ")) (`scratch` has none of them)
            """)
        decisions.append("the binary keeps its path (`\(artifact)`); ENTRYPOINT/CMD run it in exec form")
        if stage.body.contains(where: { $0.keyword == "USER" }) == false {
            decisions.append("no USER: the image runs as root, as before (`:nonroot` would change that)")
        }
        // Assignments the user's `go build` ran with (ShellCommand drops them): the target platform and Go settings.
        let carried = InstructionWords.blankSeparated(item.instruction.arguments).filter { word in
            ["GOOS=", "GOARCH=", "GOARM=", "GOAMD64=", "GOEXPERIMENT=", "GOFLAGS=", "GOPRIVATE="].contains {
                word.hasPrefix($0)
            }
        }
        var buildWords =
            carried + ["CGO_ENABLED=0", "go", "build", "-trimpath", "-ldflags=\(ShellWord.quoted(parsed.ldflags))"]
        buildWords += parsed.kept.map(ShellWord.quoted)
        buildWords += ["-o", ShellWord.quoted(parsed.output)] + parsed.packages.map(ShellWord.quoted)
        return RecipePlan(
            ecosystem: .go, manifests: Set(manifests),
            manifestCopies: ["COPY \(manifests.joined(separator: " ")) ./"],
            fetch: vendored ? [] : [RunLine.make(mounts: ["/go/pkg/mod"], "go mod download")],
            build: [RunLine.make(mounts: ["/go/pkg/mod", "/root/.cache/go-build"], buildWords.joined(separator: " "))],
            replaces: { command in
                command.program == "go"
                    && (command.operands.first == "build" || command.operands.starts(with: ["mod", "download"])
                        || command.operands.starts(with: ["mod", "verify"]))
            },
            runtimeImage: "gcr.io/distroless/static-debian12",
            artifacts: ["COPY --from=build \(artifact) \(artifact)"], program: artifact, runtimeHasShell: false,
            decisions: decisions)
    }

    struct Build {
        var output: String
        var ldflags: String
        var kept: [String]
        var packages: [String]
    }

    /// `go build` arguments: `-o` required, one package (none means `.`), `-ldflags` merged with `-s -w`.
    static func parse(_ arguments: ArraySlice<String>, line: Int) throws(RewriteStop) -> Build {
        var output: String?
        var ldflags: [String] = ["-s", "-w"]
        var kept: [String] = []
        var packages: [String] = []
        var words = arguments.makeIterator()
        while let word = words.next() {
            let flag = word.hasPrefix("--") ? String(word.dropFirst()) : word
            let (name, inline) =
                flag.firstIndex(of: "=").map { (String(flag[..<$0]), String(flag[flag.index(after: $0)...])) }
                ?? (flag, nil)
            if name.hasPrefix("-") {
                if name == "-race" || name == "-msan" || name == "-asan" {
                    throw RewriteStop(.nativeDependencies, "`go build \(name)` at line \(line) needs cgo")
                }
                if name == "-trimpath" { continue }
                guard valueFlags.contains(name) else {
                    kept.append(word)
                    continue
                }
                guard let value = inline ?? words.next() else { break }
                switch name {
                case "-o": output = value
                case "-ldflags":
                    ldflags += value.split(separator: " ").map(String.init).filter { $0 != "-s" && $0 != "-w" }
                default: kept.append("\(name)=\(value)")
                }
            } else {
                packages.append(word)
            }
        }
        guard let output, !output.hasSuffix("/") else {
            throw RewriteStop(
                .artifact, "`go build` at line \(line) has no `-o FILE`: ctxtrim will not guess the binary's name")
        }
        guard packages.count <= 1, !packages.contains(where: { $0.hasSuffix("...") }) else {
            throw RewriteStop(.artifact, "`go build` at line \(line) builds several packages: several artifacts")
        }
        return Build(output: output, ldflags: ldflags.joined(separator: " "), kept: kept, packages: packages)
    }

    /// Refuses cgo: `import "C"` in a Go file sent, or `CGO_ENABLED=1` in an `ENV` or `RUN`.
    private static func checkCgo(_ stage: SingleStage, _ sources: [(path: String, text: String)]) throws(RewriteStop) {
        for item in stage.body where item.text.contains("CGO_ENABLED=1") || item.text.contains("CGO_ENABLED 1") {
            throw RewriteStop(
                .nativeDependencies, "\(item.keyword) at line \(item.line) turns cgo on (`CGO_ENABLED=1`)")
        }
        for (path, text) in sources {
            if importsC(text) {
                throw RewriteStop(
                    .nativeDependencies,
                    "`\(path)` imports \"C\" (cgo): the binary links C libraries, which a static runtime lacks")
            }
        }
    }

    /// Whether Go source imports the pseudo-package `C`, alone or in an import block.
    static func importsC(_ text: String) -> Bool {
        var inBlock = false
        for raw in text.split(separator: "\n") {
            let line = String(raw).trimmingBlanks
            if line == "import \"C\"" { return true }
            if line.hasPrefix("import (") { inBlock = true } else if inBlock && line.hasPrefix(")") { inBlock = false }
            if inBlock && line == "\"C\"" { return true }
        }
        return false
    }
}

/// The last component of a slash-separated path.
enum ContextPathName {
    static func last(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
