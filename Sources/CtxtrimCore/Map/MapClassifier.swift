import DockerIgnore

/// Decides what colours an entry (``MapClass``) from what the scan proved: the findings that name it, the ignore file
/// `ctxtrim fix` would write, and what git ignores. The treemap and the terminal report's bars ask the same one.
///
/// An entry takes the class of a finding that names it; otherwise a class its parent has (below `node_modules`,
/// everything is a dependency); otherwise `git-ignored` for an outermost git-ignored entry; otherwise `fix` when the
/// ignore file in force sends it and the proposed one keeps it out, as the engine decides; otherwise `sent`.
struct MapClassifier: Sendable {
    let findings: [Finding]
    /// By path: the most urgent class a finding gives the entry, and that finding's check.
    let findingClass: [String: (MapClass, CheckID)]
    let rules: [IgnoreRule]
    let matcher: IgnoreMatcher?
    let fixMatcher: IgnoreMatcher?
    let gitIgnored: Set<String>

    /// - Parameters:
    ///   - rules: the ignore file in force, to name the line that decided an entry.
    ///   - matcher: that file's matcher; `fixMatcher` the one of the file `fix` would write (nil: no proposal).
    ///   - gitIgnored: the outermost git-ignored entries that are sent.
    init(
        findings: [Finding], rules: [IgnoreRule] = [], matcher: IgnoreMatcher? = nil, fixMatcher: IgnoreMatcher? = nil,
        gitIgnored: [String] = []
    ) {
        self.findings = findings
        var findingClass: [String: (MapClass, CheckID)] = [:]
        for finding in findings where finding.subject.isEntry {
            guard let mapClass = MapClass.of(finding.check) else { continue }
            if let known = findingClass[finding.path], known.0.precedence <= mapClass.precedence { continue }
            findingClass[finding.path] = (mapClass, finding.check)
        }
        self.findingClass = findingClass
        self.rules = rules
        self.matcher = matcher
        self.fixMatcher = fixMatcher
        self.gitIgnored = Set(gitIgnored)
    }

    /// The class of an entry whose parent has `parentClass`, and the check that gave it; `sentAnything` is false for
    /// an entry nothing of which is sent.
    func classify(path: String, sentAnything: Bool, parentClass: MapClass?) -> (MapClass, CheckID?) {
        guard sentAnything else { return (.excluded, nil) }
        if let (mapClass, check) = findingClass[path] { return (mapClass, check) }
        if let inherited = parentClass, inherited != .sent, inherited != .excluded { return (inherited, nil) }
        // What git ignores says more than that `fix` would keep it out (which the diff shows anyway).
        if gitIgnored.contains(path) { return (.gitIgnored, nil) }
        if !path.isEmpty, let fix = fixMatcher, let current = matcher, (try? current.sent(path).sent) == true,
            (try? fix.sent(path).sent) == false
        {
            return (.fix, nil)
        }
        return (.sent, nil)
    }

    /// The class of a sent entry, from the context root down to it.
    func classOfSent(_ path: String) -> MapClass {
        var mapClass: MapClass?
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            mapClass = classify(path: prefix, sentAnything: true, parentClass: mapClass).0
        }
        return mapClass ?? .sent
    }

    /// The ignore-file line at `index` of ``rules``.
    func rule(_ index: Int?) -> ContextMap.Rule? {
        guard let index, index >= 0, index < rules.count else { return nil }
        let rule = rules[index]
        return ContextMap.Rule(
            file: rule.source, line: rule.line, pattern: rule.displayPattern, isException: rule.isException)
    }
}
