import GitClassifier

/// The git status of a context for a scan: the snapshot, or why there is none. A failure never fails the scan.
struct GitCapture {
    /// nil outside a repository, or when the capture failed.
    var snapshot: GitStatusSnapshot?
    /// Says what libgit2 reported and that git classes are missing; nil when the capture worked.
    var diagnostic: ScanReport.Diagnostic?

    /// Captures the status of the context at `directory` within `timeout` (nil: no limit). `displayPath` names the
    /// context in the diagnostic (relative, as machine formats want it).
    static func capture(directory: String, displayPath: String, timeout: Duration?) -> GitCapture {
        do throws(GitError) {
            return GitCapture(snapshot: try GitStatusSnapshot.capture(contextDirectory: directory, timeout: timeout))
        } catch {
            return GitCapture(snapshot: nil, diagnostic: diagnostic(for: error, displayPath: displayPath))
        }
    }

    /// `git.status`, `git.timeout`, ...: what failed, what to do, libgit2's own words, and that the report has no git
    /// classes.
    static func diagnostic(for error: GitError, displayPath: String) -> ScanReport.Diagnostic {
        var message = "git classes are missing from this report: \(error.message)"
        if let fix = error.fix { message += "; \(fix)" }
        if case .libraryCall(let call, _, let text)? = error.cause { message += "; libgit2: \(text) (\(call))" }
        return ScanReport.Diagnostic(kind: error.code.rawValue, path: displayPath, message: message)
    }
}
