/// The identity of a kind of finding: a stable kebab-case id such as `secret-file`.
///
/// Encoded as that string in JSON, SARIF and `.ctxtrim.yml`. Every id has one descriptor in `CheckCatalog`; a test
/// fails when a finding carries an id without one. A string literal makes an id too, so an id read from a file or a
/// test reads naturally, but code names the constants below.
package struct CheckID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }

    package init(_ rawValue: String) { self.rawValue = rawValue }

    package init(stringLiteral value: String) { rawValue = value }

    package var description: String { rawValue }

    // Walk checks.
    package static let secretFile: CheckID = "secret-file"
    package static let secretContent: CheckID = "secret-content"
    package static let vcsDir: CheckID = "vcs-dir"
    package static let dependencyDir: CheckID = "dependency-dir"
    package static let buildOutput: CheckID = "build-output"
    package static let editorJunk: CheckID = "editor-junk"
    package static let logFile: CheckID = "log-file"
    package static let gitIgnoredSent: CheckID = "git-ignored-sent"
    package static let symlinkOutsideContext: CheckID = "symlink-outside-context"
    package static let unreadable: CheckID = "unreadable"
    package static let ctxtrimTempFile: CheckID = "ctxtrim-temp-file"
    package static let largeFile: CheckID = "large-file"
    package static let untrackedBulk: CheckID = "untracked-bulk"

    // Ignore-file lint.
    package static let ignoreUnusedPattern: CheckID = "ignore-unused-pattern"
    package static let ignoreInlineComment: CheckID = "ignore-inline-comment"
    package static let ignoreRootOnlyName: CheckID = "ignore-root-only-name"
    package static let ignoreWildcardException: CheckID = "ignore-wildcard-exception"
    package static let ignoreFileShadowed: CheckID = "ignore-file-shadowed"
    package static let containerIgnoreNotRead: CheckID = "containerignore-not-read"
    package static let ignoreFileInSubdirectory: CheckID = "ignore-file-in-subdirectory"
    /// Also the gate condition of `ctxtrim check` for a context without an ignore file.
    package static let ignoreFileMissing: CheckID = "ignore-file-missing"

    // Dockerfile hints.
    package static let copyAllBeforeInstall: CheckID = "copy-all-before-install"
    package static let singleStageCompilerImage: CheckID = "single-stage-compiler-image"
    package static let unpinnedBaseImage: CheckID = "unpinned-base-image"
    package static let copySourceIgnored: CheckID = "copy-source-ignored"
    package static let copySourceMissing: CheckID = "copy-source-missing"
    package static let baseImageNotDigestPinned: CheckID = "base-image-not-digest-pinned"

    // BuildKit's Dockerfile checks (`docker build --check`), named as BuildKit's documentation pages are.
    package static let stageNameCasing: CheckID = "stage-name-casing"
    package static let fromAsCasing: CheckID = "from-as-casing"
    package static let noEmptyContinuation: CheckID = "no-empty-continuation"
    package static let consistentInstructionCasing: CheckID = "consistent-instruction-casing"
    package static let reservedStageName: CheckID = "reserved-stage-name"
    package static let duplicateStageName: CheckID = "duplicate-stage-name"
    package static let jsonArgsRecommended: CheckID = "json-args-recommended"
    package static let maintainerDeprecated: CheckID = "maintainer-deprecated"
    package static let undefinedArgInFrom: CheckID = "undefined-arg-in-from"
    package static let workdirRelativePath: CheckID = "workdir-relative-path"
    package static let undefinedVar: CheckID = "undefined-var"
    package static let multipleInstructionsDisallowed: CheckID = "multiple-instructions-disallowed"
    package static let legacyKeyValueFormat: CheckID = "legacy-key-value-format"
    package static let redundantTargetPlatform: CheckID = "redundant-target-platform"
    package static let secretsUsedInArgOrEnv: CheckID = "secrets-used-in-arg-or-env"
    package static let invalidDefaultArgInFrom: CheckID = "invalid-default-arg-in-from"
    package static let fromPlatformFlagConstDisallowed: CheckID = "from-platform-flag-const-disallowed"
    package static let exposeProtoCasing: CheckID = "expose-proto-casing"
    package static let exposeInvalidFormat: CheckID = "expose-invalid-format"
    package static let invalidDefinitionDescription: CheckID = "invalid-definition-description"

    // Declarations `--all` reads (compose, bake).
    package static let composeVariableUnset: CheckID = "compose-variable-unset"

    // Gate conditions of `ctxtrim check` and problems of `ctxtrim fix`.
    package static let contextBudget: CheckID = "context-budget"
    package static let dockerfileInvalid: CheckID = "dockerfile-invalid"
    package static let secretCopied: CheckID = "secret-copied"
}
