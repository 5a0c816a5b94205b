/// Which part of ctxtrim produces a kind of finding, in the order of the catalogue.
package enum CheckFamily: String, Sendable, Hashable, CaseIterable, Codable {
    /// Checks over the walk of the context (`CheckRun`).
    case walk
    /// Lint of the ignore file (`LintRegistry`).
    case ignoreFile = "ignore-file"
    /// Hints about the Dockerfile (`LintRegistry`).
    case dockerfile
    /// What `--all` noticed in the compose or bake file that declares a build (``DeclarationFindings``).
    case declaration
    /// Conditions of `ctxtrim check` that are not findings of a scan: budgets, growth.
    case gate
    /// Problems `ctxtrim fix` reports while planning.
    case fix

    /// Whether `.ctxtrim.yml` can turn its findings off, re-grade or suppress them (they go through the gate's
    /// config); gate conditions have their own settings and fix problems never reach the gate.
    package var isConfigurable: Bool {
        switch self {
        case .walk, .ignoreFile, .dockerfile, .declaration: true
        case .gate, .fix: false
        }
    }
}
