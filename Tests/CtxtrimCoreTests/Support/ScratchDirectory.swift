import TestSupport

/// The old name of ``TemporaryTree``, kept for `Lint/LintContext.swift` until the pipeline rewrite replaces it.
typealias ScratchDirectory = TemporaryTree
