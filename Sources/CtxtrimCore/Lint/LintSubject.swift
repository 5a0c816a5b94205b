import DockerIgnore
import DockerfileReader

/// Everything the lint checks read, gathered by a scan: the ignore file, what the walk learned about its rules,
/// the findings of the walk checks and the Dockerfile. A value; missing parts switch the checks that need them off.
package struct LintSubject: Sendable {
    /// The ignore file BuildKit reads (its `source` is the display path findings carry); nil when there is none.
    package var ignoreFile: IgnoreFile?
    /// Which rules matched during the walk; nil when the walk did not record it (`ignore-unused-pattern` is off).
    package var ruleUsage: RuleUsage?
    /// Bare names of the ignore file seen deeper in the tree, and nested `.dockerignore` files; nil when not recorded.
    package var nestedNames: NestedNameSightings?
    /// `BuildContext.shadowedIgnoreFile`: `.dockerignore` when `<Dockerfile>.dockerignore` replaces it.
    package var shadowedIgnoreFile: String?
    /// `BuildContext.containerIgnoreFile`: `.containerignore`, which docker build does not read.
    package var containerIgnoreFile: String?
    /// The findings of the walk checks (`CheckRun.finish()`): what an ignore file would keep out.
    package var walkFindings: [Finding]
    /// The parsed Dockerfile and what the target build reads; nil when there is no Dockerfile (hints are off).
    package var dockerfile: DockerfileSubject?
    /// The explicit sources of the target build docker build cannot read; nil when the walk did not look.
    package var sourceProblems: [SourceProblem]?

    package init(
        ignoreFile: IgnoreFile?, ruleUsage: RuleUsage? = nil, nestedNames: NestedNameSightings? = nil,
        shadowedIgnoreFile: String? = nil, walkFindings: [Finding] = [], sourceProblems: [SourceProblem]? = nil,
        dockerfile: DockerfileSubject? = nil, containerIgnoreFile: String? = nil
    ) {
        self.containerIgnoreFile = containerIgnoreFile
        self.ignoreFile = ignoreFile
        self.ruleUsage = ruleUsage
        self.nestedNames = nestedNames
        self.shadowedIgnoreFile = shadowedIgnoreFile
        self.walkFindings = walkFindings
        self.dockerfile = dockerfile
        self.sourceProblems = sourceProblems
    }
}
