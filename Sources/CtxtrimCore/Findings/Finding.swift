/// One problem ctxtrim found in a build context. A value: checks return findings, reporters render them.
package struct Finding: Sendable, Hashable, Codable {
    /// The check that produced it; its descriptor is `CheckCatalog.descriptor(for: check)`.
    package var check: CheckID
    package var severity: Severity
    /// What it names (a file, a directory, an ignore-file or Dockerfile line), set by the check that made it.
    package var subject: FindingSubject
    /// What is wrong and what to do about it. Never contains a secret value.
    package var message: String
    /// Bytes the finding adds to the context (for a directory: its whole sent subtree).
    package var bytes: Int64
    /// Regular files involved (1 for a file finding).
    package var files: Int
    /// Where a reviewer can act on the finding when `path` itself is not under version control: the Dockerfile
    /// `COPY` line that sends it, or the ignore file (line 1 when no line is involved). Set by the analysis, used by
    /// SARIF and CI annotations.
    package var anchor: Anchor?

    /// The ignore-file pattern the message advises, when it advises one: proven against the walked tree before the
    /// report is made (``SuggestionProof``), so that it excludes the entry and nothing else that is sent.
    package var suggestion: String?

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
        check: CheckID, severity: Severity, subject: FindingSubject, message: String, bytes: Int64, files: Int = 1
    ) {
        self.check = check
        self.severity = severity
        self.subject = subject
        self.message = message
        self.bytes = bytes
        self.files = files
    }

    /// The subject's path, relative to the context root; a directory finding names the directory.
    package var path: String {
        get { subject.path }
        set { subject.path = newValue }
    }

    /// 1-based line inside the file at `path`, for findings about a file's content, an ignore-file line or a
    /// Dockerfile line.
    package var line: Int? {
        get { subject.line }
        set { subject.line = newValue }
    }
}
