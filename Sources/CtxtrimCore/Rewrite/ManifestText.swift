/// Just enough of `Cargo.toml`, `pom.xml` and Gradle build scripts to name the artifact: the values the rewrite
/// needs, read line by line. Anything these readers do not understand makes the recipe refuse, never guess.
enum ManifestText {
    /// The TOML tables of `text` in order, as (header, key → string value) pairs; `[[bin]]` repeats. Only
    /// `key = "value"` lines are read.
    static func tomlTables(_ text: String) -> [(header: String, values: [String: String])] {
        var tables: [(header: String, values: [String: String])] = [("", [:])]
        for raw in text.split(separator: "\n") {
            let line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingBlanks
            if line.hasPrefix("[") {
                tables.append((line.filter { $0 != " " }, [:]))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimmingBlanks
            let value = String(line[line.index(after: equals)...]).trimmingBlanks
            guard value.count >= 2, value.first == "\"", value.last == "\"" else { continue }
            tables[tables.count - 1].values[key] = String(value.dropFirst().dropLast())
        }
        return tables
    }

    /// `pom.xml` with comments and the `<parent>`, `<dependencies>`, `<dependencyManagement>`, `<build>` and
    /// `<profiles>` elements removed: what is left names the project itself.
    static func pomProject(_ text: String) -> String {
        var rest = removing(text, from: "<!--", to: "-->")
        for element in ["parent", "dependencyManagement", "dependencies", "build", "profiles", "reporting"] {
            rest = removing(rest, from: "<\(element)>", to: "</\(element)>")
        }
        return rest
    }

    /// The text of the first `<name>` element, trimmed.
    static func element(_ name: String, in text: String) -> String? {
        guard let start = text.firstRange(of: "<\(name)>"),
            let end = text[start.upperBound...].firstRange(of: "</\(name)>")
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound]).trimmedWhitespace
    }

    /// The `<parent>` element's text, or nil.
    static func parent(in pom: String) -> String? {
        element("parent", in: removing(pom, from: "<!--", to: "-->"))
    }

    /// `name = 'value'`, `name = "value"` or `name 'value'` on a line of a Gradle script (Groovy or Kotlin DSL).
    static func gradleAssignment(_ name: String, in text: String) -> String? {
        for raw in text.split(separator: "\n") {
            let line = String(raw).trimmingBlanks
            guard line.hasPrefix(name) else { continue }
            var rest = line.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if rest.first == "=" { rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" } }
            guard let quote = rest.first, quote == "'" || quote == "\"" else { continue }
            let body = rest.dropFirst()
            guard let close = body.firstIndex(of: quote) else { continue }
            return String(body[..<close])
        }
        return nil
    }

    private static func removing(_ text: String, from open: String, to close: String) -> String {
        var out = ""
        var rest = text[...]
        while let start = rest.firstRange(of: open) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstRange(of: close) else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var trimmedWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
