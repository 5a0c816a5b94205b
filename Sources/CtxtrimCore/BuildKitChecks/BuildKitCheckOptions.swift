/// What a `# check=` directive asks of BuildKit's checks, parsed as BuildKit's `linter.ParseLintOptions` does.
///
/// The value is up to three `;`-separated `key=value` parts: `skip=` a comma list of rule names or `all`,
/// `experimental=` the same for experimental rules, and `error=` a Go boolean. A value BuildKit refuses (an unknown
/// key, a part without `=`, a bad boolean) makes BuildKit fail the build before any rule runs, so the rules then
/// report nothing (the value is nil).
struct BuildKitCheckOptions: Equatable, Sendable {
    var skipsAll = false
    var skipped: Set<String> = []
    var experimentalAll = false
    var experimental: Set<String> = []
    var errorOnWarning = false

    /// The options of the directive's value (empty for nil), or nil when BuildKit refuses it.
    init?(directive value: String?) {
        let text = (value ?? "").trimmingBlanks
        guard !text.isEmpty else { return }
        // Go's strings.SplitN(s, ";", 3): the third part keeps any further `;`.
        var parts: [Substring] = []
        var rest = Substring(text)
        while parts.count < 2, let semicolon = rest.firstIndex(of: ";") {
            parts.append(rest[..<semicolon])
            rest = rest[rest.index(after: semicolon)...]
        }
        parts.append(rest)
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let key = String(part[..<equals]).trimmingBlanks
            let setting = String(part[part.index(after: equals)...]).trimmingBlanks
            switch key {
            case "skip":
                if setting == "all" { skipsAll = true } else { skipped = Self.names(setting) }
            case "experimental":
                if setting == "all" { experimentalAll = true } else { experimental = Self.names(setting) }
            case "error":
                guard let flag = Self.goBool(setting) else { return nil }
                errorOnWarning = flag
            default:
                return nil
            }
        }
    }

    private init() {}

    /// No directive: every stable rule on, experimental rules off, findings are warnings.
    static let none = BuildKitCheckOptions()

    /// These options with `other` merged in, as `Linter.WithMergedConfig` does (`error=` is not merged).
    func merged(with other: BuildKitCheckOptions) -> BuildKitCheckOptions {
        var copy = self
        copy.skipsAll = skipsAll || other.skipsAll
        copy.skipped.formUnion(other.skipped)
        copy.experimentalAll = experimentalAll || other.experimentalAll
        copy.experimental.formUnion(other.experimental)
        return copy
    }

    /// These options with the first `check=` comment of an instruction merged in
    /// (`Linter.WithMergedConfigFromComments`); a comment BuildKit cannot read changes nothing.
    func merged(withComments comments: [String]) -> BuildKitCheckOptions {
        for comment in comments {
            guard let value = Self.checkValue(inComment: comment) else { continue }
            guard let options = BuildKitCheckOptions(directive: value) else { return self }
            return merged(with: options)
        }
        return self
    }

    /// Whether BuildKit runs the rule `name` under these options: an experimental rule only when asked for, a
    /// stable one unless skipped.
    func runs(_ name: String, experimentalRule: Bool) -> Bool {
        if experimentalRule { return experimentalAll || experimental.contains(name) }
        return !skipsAll && !skipped.contains(name)
    }

    /// The value of a comment `check=VALUE` (text after `#`, trimmed), cut at the first blank as BuildKit does.
    private static func checkValue(inComment comment: String) -> String? {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" }
        var rest = Substring(comment).drop(while: isSpace)
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard let first = name.first, first.isLetter, name.lowercased() == "check" else { return nil }
        rest = rest.dropFirst(name.count).drop(while: isSpace)
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: isSpace)
        while let last = rest.last, isSpace(last) { rest = rest.dropLast() }
        guard !rest.isEmpty else { return nil }
        return String(rest.prefix { $0 != " " })
    }

    private static func names(_ list: String) -> Set<String> {
        Set(list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingBlanks })
    }

    /// Go's `strconv.ParseBool`.
    private static func goBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}
