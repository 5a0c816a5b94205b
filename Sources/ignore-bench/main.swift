// Measures the DockerIgnore engine on ~1,000,000 deterministic monorepo-like paths and a realistic 40-line ignore file.
import DockerIgnore

let ignoreText = """
    # Dependencies and build output
    **/node_modules
    node_modules
    .pnpm-store
    target
    build
    dist
    **/dist
    out/**
    coverage
    **/*.log
    **/*.tmp
    **/.DS_Store
    .git
    .github
    .idea
    .vscode
    *.md
    !README.md
    docs/**
    !docs/api/*.md
    **/__pycache__
    **/*.pyc
    .env
    .env.*
    !.env.example
    **/*.test.ts
    **/*.spec.ts
    **/test/fixtures
    packages/*/tmp
    packages/*/coverage
    !packages/*/README.md
    src/**/*.snap
    *.swp
    **/*.bak
    .cache
    tmp
    logs/*.gz
    **/.terraform
    Dockerfile*
    docker-compose*.yml
    """

/// Deterministic monorepo-like paths: src, packages/*/node_modules, target, build, .git, docs.
func makePaths(count: Int) -> [String] {
    var paths: [String] = []
    paths.reserveCapacity(count)
    var state = 42
    let extensions = ["ts", "js", "json", "md", "log", "png", "spec.ts", "test.ts", "d.ts", "map"]
    func next(_ modulo: Int) -> Int {
        state = (state &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
        return (state >> 8) % modulo
    }
    while paths.count < count {
        let file = "f\(next(500)).\(extensions[next(extensions.count)])"
        switch next(20) {
        case 0..<9: paths.append("packages/pkg\(next(40))/node_modules/dep\(next(300))/lib/\(file)")
        case 9..<12: paths.append("src/module\(next(50))/sub\(next(10))/\(file)")
        case 12..<14: paths.append("target/debug/deps/obj\(next(2000)).o")
        case 14: paths.append("build/out\(next(100))/\(file)")
        case 15: paths.append(".git/objects/\(String(next(256), radix: 16))/\(next(100_000))")
        case 16: paths.append("docs/\(["api", "guide", "img"][next(3)])/\(file)")
        case 17: paths.append("packages/pkg\(next(40))/src/\(file)")
        case 18: paths.append("packages/pkg\(next(40))/README.md")
        default: paths.append(file)
        }
    }
    return paths
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let file = try IgnoreFile.parse(text: ignoreText, source: ".dockerignore")
let matcher = try IgnoreMatcher(file)
let paths = makePaths(count: 1_000_000)
let clock = ContinuousClock()

var excludedCount = 0
let excludedTime = try clock.measure {
    for var path in paths {
        try path.withUTF8 { bytes in
            if try matcher.excluded(bytes).excluded { excludedCount += 1 }
        }
    }
}

// Top-down like a walker: each directory decided once from its parent's state, then every file from its directory's.
var decisions = 0
var directoryStates: [Substring: ParentMatches] = [:]
let decideTime = try clock.measure {
    for path in paths {
        var state = ParentMatches.root
        var start = path.startIndex
        while let slash = path[start...].firstIndex(of: "/") {
            let directory = path[..<slash]
            if let known = directoryStates[directory] {
                state = known
            } else {
                state = try matcher.decide(String(directory), isDirectory: true, parent: state).state
                decisions += 1
                directoryStates[directory] = state
            }
            start = path.index(after: slash)
        }
        _ = try matcher.decide(path, isDirectory: false, parent: state)
        decisions += 1
    }
}

let kinds = matcher.matcherKindCounts
let split = IgnoreMatcher.MatcherKind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", ")
let excludedMs = milliseconds(excludedTime)
let decideMs = milliseconds(decideTime)
print("paths: \(paths.count); patterns: \(file.rules.count) (\(split))")
print(
    "excluded: \(Int(Double(paths.count) / excludedMs * 1000)) paths/s, \(Int(excludedMs)) ms total, \(excludedCount) excluded"
)
print(
    "decide top-down: \(Int(Double(paths.count) / decideMs * 1000)) paths/s, \(Int(decideMs)) ms total, "
        + "\(decisions) decisions (\(directoryStates.count) directories, state lookup included)")
