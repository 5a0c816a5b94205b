/// Whether a string is an image reference `distribution/reference.ParseNormalizedNamed` accepts: an optional
/// registry host, lower-case path components, an optional tag and digest.
enum ImageReferenceSyntax {
    private static let domainComponent = #"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"#
    private static let pathComponent = #"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"#
    /// The reference grammar; compiled per use, since a `Regex` is not `Sendable` (a `FROM` line is short).
    private static var reference: Regex<AnyRegexOutput> {
        let domain = #"(?:\#(domainComponent)(?:\.\#(domainComponent))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?"#
        let name = #"(?:\#(domain)/)?\#(pathComponent)(?:/\#(pathComponent))*"#
        let tag = #"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"#
        let digest = #"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"#
        return try! Regex(#"\#(name)(?::\#(tag))?(?:@\#(digest))?"#)
    }

    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        // A 64-digit hexadecimal string is an image id, which ParseNormalizedNamed refuses.
        if text.count == 64, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) { return false }
        // splitDockerDomain: a first component without `.` or `:` that is not `localhost` and is lower case is
        // part of the path, which must be lower case.
        let first = text.prefix { $0 != "/" }
        let hasDomain =
            first.count < text.count
            && (first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first)
        let remainder = hasDomain ? text.dropFirst(first.count + 1) : text[...]
        let remainderName = remainder.prefix { $0 != ":" && $0 != "@" }
        guard remainderName.lowercased() == remainderName else { return false }
        return (try? reference.wholeMatch(in: text)) != nil
    }
}
