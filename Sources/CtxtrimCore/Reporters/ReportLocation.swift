/// Where a CI annotation points: a file (or a directory, with a trailing `/`) relative to the repository, and a line.
package struct ReportLocation: Sendable, Hashable {
    /// `/`-separated and relative; a directory ends with `/`.
    package var path: String
    package var line: Int?

    package init(path: String, line: Int?) {
        self.path = path
        self.line = line
    }

    /// The finding's `anchor` when it has one inside the context, else the finding's own path and line, prefixed
    /// with `pathPrefix` (the context directory relative to the repository root; empty when they are the same).
    package init(finding: Finding, pathPrefix: String) {
        if let anchor = finding.anchor, ReportLocation.isRelative(anchor.file) {
            self.init(path: ReportLocation.joined(pathPrefix, anchor.file), line: anchor.line)
        } else {
            self.init(path: ReportLocation.joined(pathPrefix, finding.subject.displayPath), line: finding.line)
        }
    }

    /// The file a reviewer edits to settle a gate condition: the ignore file in force when it lies in the context,
    /// else the Dockerfile when it does, else `.dockerignore` at the context root; line 1.
    package init(gateOf context: ScanReport.ContextInfo, pathPrefix: String) {
        let candidates = [context.ignoreFile, context.dockerfileExists ? context.dockerfile : nil]
        let file = candidates.compactMap { $0 }.first(where: ReportLocation.isRelative) ?? ".dockerignore"
        self.init(path: ReportLocation.joined(pathPrefix, file), line: 1)
    }

    /// The path as a relative URI reference: every byte outside RFC 3986 `unreserved`, sub-delims, `@` and `/` is
    /// percent-encoded, `:` included so the first segment never reads as a scheme.
    package var uri: String {
        var out = ""
        for byte in path.utf8 {
            if ReportLocation.keptInURI[Int(byte)] {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out +=
                    "%" + String(ReportLocation.hexDigits[Int(byte >> 4)])
                    + String(ReportLocation.hexDigits[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static let keptInURI: [Bool] = (0..<256).map { byte in
        guard byte < 0x80, let scalar = Unicode.Scalar(byte) else { return false }
        let character = Character(scalar)
        return character.isASCII && (character.isLetter || character.isNumber)
            || "-._~!$&'()*+,;=@/".contains(character)
    }

    /// Whether `path` stays inside the context: not absolute and not climbing out with `..`.
    static func isRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// `prefix/path`, with `./` and trailing slashes of the prefix dropped; `path` alone for an empty or `.` prefix.
    static func joined(_ prefix: String, _ path: String) -> String {
        var trimmed = Substring(prefix)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty, trimmed != "." else { return path }
        // A named context's path climbs out of the context (`../lib/key.pem`): resolved against the prefix, it is
        // the repository path a CI system can annotate (`lib/key.pem`).
        var directories = trimmed.split(separator: "/")
        var rest = Substring(path)
        while rest.hasPrefix("../"), let last = directories.last, last != ".." {
            directories.removeLast()
            rest = rest.dropFirst(3)
        }
        return directories.isEmpty ? String(rest) : directories.joined(separator: "/") + "/" + rest
    }
}
