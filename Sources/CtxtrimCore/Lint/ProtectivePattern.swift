import DockerIgnore

/// Whether an ignore-file exclusion keeps out something that should never be sent, so that it is worth keeping
/// while nothing matches it yet: a credential file (`.env`, `*.pem`), version control (`.git`), dependencies
/// (`node_modules`), build output (`dist`), logs (`*.log`), editor junk (`.DS_Store`), or what Docker templates keep
/// out of every context (`Dockerfile*`, `.dockerignore`, compose files, CI settings, `*.md`).
///
/// Judged by name, like the walk checks: the pattern's last component (or last two, for `.docker/config.json`)
/// with each wildcard replaced by a sample name is tested against the checks' own name rules.
enum ProtectivePattern {
    /// Whether `rule` is an exclusion of such a name.
    static func protects(_ rule: IgnoreRule) -> Bool {
        guard !rule.isException else { return false }
        return samplePaths(of: rule.pattern).contains(where: namesSomethingToKeepOut)
    }

    /// The pattern without anchoring and recursion (`/`, `**/`, `/**`, a trailing `/`), its wildcards filled in.
    static func samplePaths(of pattern: String) -> [String] {
        var text = Substring(pattern)
        while text.hasPrefix("/") || text.hasPrefix("./") { text = text.drop { $0 == "/" || $0 == "." } }
        while text.hasPrefix("**/") { text = text.dropFirst(3) }
        while text.hasSuffix("/**") { text = text.dropLast(3) }
        while text.hasSuffix("/") { text = text.dropLast() }
        guard !text.isEmpty, !text.contains("**") else { return [] }
        let components = text.split(separator: "/")
        let tail = components.suffix(2).joined(separator: "/")
        return ["x", ""].map { filler in fill(tail, with: filler) }
    }

    /// `*` and `?` replaced by `filler`, a `[...]` class by its first member.
    private static func fill(_ text: String, with filler: String) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "*": result += filler
            case "?": result += filler.isEmpty ? "x" : filler
            case "[":
                var first: Character?
                while let inner = iterator.next(), inner != "]" {
                    if first == nil, inner != "^", inner != "!" { first = inner }
                }
                result.append(first ?? "x")
            case "\\": if let escaped = iterator.next() { result.append(escaped) }
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether the walk checks flag an entry at `path` by its name, or it is a Docker or CI file.
    static func namesSomethingToKeepOut(_ path: String) -> Bool {
        let name = ContextPath.name(of: path)
        if SecretFileCheck.credentialKind(ofPath: path) != nil || credentialConfigNames.contains(name) { return true }
        if VCSDirectoryCheck.names.contains(name) || DependencyDirectoryCheck.names.contains(name) { return true }
        if DependencyDirectoryCheck.pathSuffixes.contains(path) { return true }
        if BuildOutputCheck.names.contains(name) || name.hasSuffix(".egg-info") { return true }
        if LogFileCheck.isLogFileName(name) || name == "logs" { return true }
        if EditorJunkCheck.directoryNames.contains(name) || EditorJunkCheck.ignorePattern(forJunkNamed: name) != nil {
            return true
        }
        let lowered = name.lowercased()
        return templateNames.contains(lowered) || lowered.hasPrefix("dockerfile")
            || lowered.hasPrefix("docker-compose") || lowered.hasPrefix("compose.") || lowered.hasSuffix(".md")
            || lowered.hasSuffix(".dockerfile")
    }

    /// Credential configs that are judged by their content, still worth keeping out by name.
    private static let credentialConfigNames: Set<Substring> = [".npmrc", ".pypirc", ".netrc", "_netrc", ".yarnrc"]
    /// Kept out by Docker's and the ecosystems' templates although nothing flags them.
    private static let templateNames: Set<String> = [
        ".dockerignore", ".gitignore", ".gitattributes", ".gitmodules", ".github", ".gitlab-ci.yml", ".gitlab",
        ".circleci", ".travis.yml", "jenkinsfile", ".editorconfig", "license", "makefile", "tmp", "temp", ".tmp",
        "target", "bin", "obj", "vendor",
    ]
}
