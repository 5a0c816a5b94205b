/// A small build context that must (or must not) trigger a lint check, with a label safe to print in documentation.
///
/// Tests write `files` into a temporary directory, resolve it as `docker build` would, walk it and lint it, exactly
/// as a scan does.
package struct LintExample: Sendable {
    /// What the example shows, for the README and `ctxtrim checks`.
    package let label: String
    /// Whether the check must report at least one finding for this context.
    package let triggers: Bool
    /// Context-relative path to file content; a path ending in `/` is an empty directory. `.dockerignore`,
    /// `Dockerfile` and `Dockerfile.dockerignore` are written like any other file.
    package let files: [String: String]
    /// Paths git tracks (a directory listed here counts as tracked with everything in it).
    package let tracked: [String]

    package init(_ label: String, triggers: Bool, files: [String: String], tracked: [String] = []) {
        self.label = label
        self.triggers = triggers
        self.files = files
        self.tracked = tracked
    }

    /// A context with a `.dockerignore` of `ignoreFile` and the other `paths` (empty files, or directories when
    /// ending in `/`).
    package static func ignore(
        _ label: String, triggers: Bool, _ ignoreFile: String, paths: [String] = [], tracked: [String] = []
    ) -> LintExample {
        var files = Dictionary(uniqueKeysWithValues: paths.map { ($0, "") })
        files[".dockerignore"] = ignoreFile
        return LintExample(label, triggers: triggers, files: files, tracked: tracked)
    }

    /// A context with a `Dockerfile` of `dockerfile` and nothing else.
    package static func dockerfile(_ label: String, triggers: Bool, _ dockerfile: String) -> LintExample {
        LintExample(label, triggers: triggers, files: ["Dockerfile": dockerfile])
    }
}
