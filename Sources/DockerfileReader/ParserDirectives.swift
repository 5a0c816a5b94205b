/// The parser directives at the top of a Dockerfile (`# syntax=`, `# escape=`, `# check=`).
///
/// As in BuildKit, directives are only recognised before the first instruction, comment or empty line; a directive
/// with an unknown name ends the directive block and counts as a comment; each directive may appear once.
package struct ParserDirectives: Equatable, Sendable {
    /// The frontend image named by `# syntax=`, as written.
    package var syntax: String?
    /// The value of `# check=`, as written (for example `skip=JSONArgsRecommended;error=true`).
    package var check: String?
    /// The escape token in force: `\` by default, or `` ` ``.
    package var escapeToken: Unicode.Scalar = "\\"
    /// The 1-based lines where each directive was found, by lower-case name.
    package var lines: [String: Int] = [:]

    package init() {}
}
