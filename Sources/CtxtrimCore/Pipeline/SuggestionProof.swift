/// Proves the `**/name` patterns that findings advise against the walked tree before they are printed: such a
/// pattern must exclude the flagged entries and nothing else that is sent. When another sent entry has the name (a
/// tracked `build/` beside an untracked one, `src/config.json` beside `.docker/config.json`), or the name is not
/// counted, the advice names the entry's own path instead.
enum SuggestionProof {
    static func proven(_ findings: [Finding], names: SentNames) -> [Finding] {
        let flaggedPaths = Set(findings.filter(\.subject.isEntry).map(\.path))
        let flaggedDirectories = Set(findings.filter(\.subject.isDirectory).map(\.path))
        /// Sent entries a pattern would also exclude: neither flagged nor below a flagged directory.
        func others(_ paths: [String]) -> Int {
            paths.count { path in
                guard !flaggedPaths.contains(path) else { return false }
                var parent = ContextPath.parent(of: path)
                while !parent.isEmpty {
                    if flaggedDirectories.contains(String(parent)) { return false }
                    parent = ContextPath.parent(of: String(parent))
                }
                return true
            }
        }
        return findings.map { finding in
            guard let suggestion = finding.suggestion, suggestion.hasPrefix("**/") else { return finding }
            let tail = suggestion.dropFirst(3)
            let sent: [String]?
            if tail.hasPrefix("*"), !tail.dropFirst().contains(where: { "*?[\\/".contains($0) }) {
                sent = names.entries(endingIn: String(tail.dropFirst()))  // `**/*.log`: the whole family
            } else {
                let name = ContextPath.name(of: finding.path)
                sent = tail == name ? names.entries(named: name) : nil
            }
            let extra = sent.map(others)
            if extra == 0 { return finding }
            guard let exact = FixPlanner.patternText(finding.path) else { return finding }
            var narrowed = finding
            narrowed.suggestion = exact
            let why =
                extra.map { " (`\(suggestion)` would also exclude \($0) other sent entr\($0 == 1 ? "y" : "ies"))" }
                ?? ""
            narrowed.message = finding.message.replacingFirst("`\(suggestion)`", with: "`\(exact)`" + why)
            return narrowed
        }
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
