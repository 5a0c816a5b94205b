import DockerIgnore
import FuzzSupport
import TestSupport

/// Differential fuzzing of the ignore engine: the fast matchers against the general regexp matcher, and the walk
/// that skips proven-empty directories against the plain BuildKit walk (`ReferenceIgnoreWalk`).
///
/// Input: ignore-file bytes, then NUL-separated paths. For every path the fast and general matchers give the same
/// verdict, deciding rule and walk outcome, or the same error class (code and line); building them fails alike.
/// The walk of the tree the paths make sends the same files with and without skipping, and a file is in it exactly
/// when `sent(_:)` says so.
package enum IgnoreFuzzTarget {
    /// At most this many paths per input, so one input stays fast.
    static let maximumPaths = 24

    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let (text, rawPaths) = FuzzInput.split(data)
        let file: IgnoreFile
        do throws(IgnoreError) {
            file = try IgnoreFile.parse(bytes: text, source: ".dockerignore")
        } catch {
            return error.code == .lineTooLong ? nil : "parse threw \(error.code), only lineTooLong is possible"
        }
        let fast: IgnoreMatcher
        let general: IgnoreMatcher
        switch (
            Result { () throws(IgnoreError) in try IgnoreMatcher(file) },
            Result { () throws(IgnoreError) in try IgnoreMatcher(file, fastPaths: false) }
        )
        {
        case (.success(let a), .success(let b)):
            (fast, general) = (a, b)
        case (.failure(let a), .failure(let b)):
            return a.code == b.code && a.line == b.line ? nil : "compile errors differ: \(a) vs \(b)"
        case (let a, let b):
            return "one matcher compiled and the other did not: \(a) vs \(b)"
        }

        let paths = rawPaths.prefix(maximumPaths).compactMap(FuzzInput.cleanPath)
        for path in paths {
            let excluded = (
                ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try fast.excluded(path))" },
                ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try general.excluded(path))" }
            )
            if excluded.0 != excluded.1 { return "excluded(\(path.debugDescription)): \(excluded.0) vs \(excluded.1)" }
            let sent = (
                ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try fast.sent(path))" },
                ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try general.sent(path))" }
            )
            if sent.0 != sent.1 { return "sent(\(path.debugDescription)): \(sent.0) vs \(sent.1)" }
        }

        let root = ReferenceIgnoreWalk.Directory()
        for path in paths { root.add(path.split(separator: "/").map(String.init)[...]) }
        var skips = 0
        let docker = ReferenceIgnoreWalk.sentFiles(general, root, skipProvenEmpty: false, skips: &skips)
        let ctxtrim = ReferenceIgnoreWalk.sentFiles(fast, root, skipProvenEmpty: true, skips: &skips)
        if docker != ctxtrim { return "walks differ: \(docker ?? ["error"]) vs \(ctxtrim ?? ["error"])" }
        guard let docker else { return nil }
        let walked = Set(docker)
        for path in root.filePaths() {
            let single: Bool
            do throws(IgnoreError) {
                single = try fast.sent(path).sent
            } catch {
                return "sent(\(path.debugDescription)) threw \(error) but the whole walk did not"
            }
            if single != walked.contains(path) {
                return "sent(\(path.debugDescription)) is \(single) but the walk says \(walked.contains(path))"
            }
        }
        return nil
    }
}
