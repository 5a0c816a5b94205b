/// One problem ctxtrim found in a build context. A value: checks return findings, reporters render them.
package struct Finding: Sendable, Hashable, Codable {
    /// The stable kebab-case id of the check that produced it, such as `secret-file`.
    package var check: String
    package var severity: Severity
    /// Path relative to the context root; a directory finding names the directory.
    package var path: String
    /// What is wrong and what to do about it. Never contains a secret value.
    package var message: String
    /// Bytes the finding adds to the context (for a directory: its whole sent subtree).
    package var bytes: Int64
    /// Regular files involved (1 for a file finding).
    package var files: Int
    /// 1-based line inside the file at `path`, for findings about a file's content or an ignore-file line.
    package var line: Int?
    /// Where a reviewer can act on the finding when `path` itself is not under version control: the Dockerfile
    /// `COPY` line that sends it, or the ignore file (line 1 when no line is involved). Set by the analysis, used by
    /// SARIF and CI annotations.
    package var anchor: Anchor?

    /// A file and line in the repository that a CI system can annotate.
    package struct Anchor: Sendable, Hashable, Codable {
        /// Relative to the context root.
        package var file: String
        package var line: Int

        package init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    package init(
        check: String, severity: Severity, path: String, message: String, bytes: Int64, files: Int = 1, line: Int? = nil
    ) {
        self.check = check
        self.severity = severity
        self.path = path
        self.message = message
        self.bytes = bytes
        self.files = files
        self.line = line
    }
}
