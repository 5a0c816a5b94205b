/// Every kind of finding ctxtrim reports, each with one descriptor, in one order.
///
/// Walk checks and lint checks keep their own protocols (`Check`, `LintCheck`) and their descriptors stay beside
/// their code, but which checks exist and in what order is said here once: `CheckRegistry` and `LintRegistry` read
/// their checks from `entries`, and the README table, `ctxtrim checks`, SARIF rules, CI titles, `.ctxtrim.yml`
/// validation, the fix planner's groups and `FindingOrder` read the descriptors.
package enum CheckCatalog {
    /// One kind of finding: a walk check, a lint check (ignore file or Dockerfile), or a descriptor alone for what
    /// the gate or the fix planner reports.
    package enum Entry: Sendable {
        case walk(any Check)
        case lint(any LintCheck)
        case rule(CheckDescriptor)

        package var descriptor: CheckDescriptor {
            switch self {
            case .walk(let check): check.descriptor
            case .lint(let check): check.descriptor
            case .rule(let descriptor): descriptor
            }
        }
    }

    /// Every kind of finding, in the stable order of documentation, SARIF rules and `FindingOrder`: walk checks,
    /// ignore-file lint, Dockerfile hints, gate conditions, fix problems.
    package static let entries: [Entry] = [
        .walk(SecretFileCheck()), .walk(SecretContentCheck()), .walk(VCSDirectoryCheck()),
        .walk(DependencyDirectoryCheck()), .walk(BuildOutputCheck()), .walk(EditorJunkCheck()), .walk(LogFileCheck()),
        .walk(LargeFileCheck()), .walk(GitIgnoredSentCheck()), .walk(UntrackedBulkCheck()),
        .walk(SymlinkOutsideContextCheck()), .walk(UnreadableCheck()),
        .walk(CtxtrimTempFileCheck()),
        .lint(UnusedPatternCheck()), .lint(InlineCommentCheck()), .lint(RootOnlyNameCheck()),
        .lint(WildcardExceptionCheck()), .lint(ShadowedIgnoreFileCheck()), .lint(ContainerIgnoreCheck()),
        .lint(NestedIgnoreFileCheck()),
        .lint(MissingIgnoreFileCheck()),
        .lint(CopySourceIgnoredCheck()), .lint(CopySourceMissingCheck()),
        .lint(CopyAllBeforeInstallCheck()), .lint(SingleStageCompilerImageCheck()), .lint(UnpinnedBaseImageCheck()),
        .lint(BaseImageDigestCheck()),
        .lint(StageNameCasingCheck()), .lint(FromAsCasingCheck()), .lint(NoEmptyContinuationCheck()),
        .lint(ConsistentInstructionCasingCheck()), .lint(DuplicateStageNameCheck()), .lint(ReservedStageNameCheck()),
        .lint(JSONArgsRecommendedCheck()), .lint(MaintainerDeprecatedCheck()), .lint(UndefinedArgInFromCheck()),
        .lint(WorkdirRelativePathCheck()), .lint(UndefinedVarCheck()), .lint(MultipleInstructionsDisallowedCheck()),
        .lint(LegacyKeyValueFormatCheck()), .lint(RedundantTargetPlatformCheck()),
        .lint(SecretsUsedInArgOrEnvCheck()), .lint(InvalidDefaultArgInFromCheck()),
        .lint(FromPlatformFlagConstDisallowedCheck()), .lint(ExposeProtoCasingCheck()),
        .lint(ExposeInvalidFormatCheck()), .lint(InvalidDefinitionDescriptionCheck()),
        .rule(DeclarationFindings.composeVariableUnsetDescriptor),
        .rule(GateViolation.budgetDescriptor), .rule(GateViolation.dockerfileInvalidDescriptor),
        .rule(FixPlanner.secretCopiedDescriptor),
    ]

    /// Every descriptor, in catalogue order.
    package static let all: [CheckDescriptor] = entries.map(\.descriptor)

    /// Every id, for validating configuration.
    package static let ids: Set<CheckID> = Set(all.map(\.id))

    /// The ids `.ctxtrim.yml` may name under `checks` and in suppressions.
    package static let configurableIDs: Set<CheckID> = Set(all.filter(\.family.isConfigurable).map(\.id))

    /// Ids that were renamed, still understood in `.ctxtrim.yml` only to say what to write instead.
    package static let deprecatedAliases: [String: CheckID] = ["missing-ignore-file": .ignoreFileMissing]

    /// BuildKit's rule names (`StageNameCasing`, `CopyIgnoredFile`) of the checks that mirror `docker build
    /// --check`: `.ctxtrim.yml` accepts each as another name of its id.
    package static let buildKitNames: [String: CheckID] = Dictionary(
        uniqueKeysWithValues: all.compactMap { descriptor in descriptor.buildKitName.map { ($0, descriptor.id) } })

    /// The id `name` stands for: an id itself, or BuildKit's name of one; nil for anything else.
    package static func id(named name: String) -> CheckID? {
        if byID[CheckID(name)] != nil { return CheckID(name) }
        return buildKitNames[name]
    }

    /// The descriptor of `id`, or nil for an id no check has.
    package static func descriptor(for id: CheckID) -> CheckDescriptor? {
        byID[id].map { all[$0] }
    }

    /// The position of `id` in the catalogue (unknown ids sort last).
    package static func rank(of id: CheckID) -> Int { byID[id] ?? all.count }

    private static let byID: [CheckID: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

    /// A Markdown table: id, severity, what it reports.
    package static var markdownTable: String {
        var lines = ["| check | severity | what it reports |", "| --- | --- | --- |"]
        for descriptor in all {
            lines.append("| `\(descriptor.id)` | \(descriptor.defaultSeverity.rawValue) | \(descriptor.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block per check: id, severity, summary, help and examples.
    package static var text: String {
        var out = ""
        for descriptor in all {
            out += "\(descriptor.id) (\(descriptor.defaultSeverity.rawValue)): \(descriptor.title)\n"
            out += "  \(descriptor.summary)\n"
            out += "  \(descriptor.help)\n"
            let triggers = descriptor.examples.filter(\.triggers).map(\.label)
            let quiet = descriptor.examples.filter { !$0.triggers }.map(\.label)
            if !triggers.isEmpty { out += "  reports: \(triggers.joined(separator: "; "))\n" }
            if !quiet.isEmpty { out += "  ignores: \(quiet.joined(separator: "; "))\n" }
            out += "\n"
        }
        return out
    }

    /// `ctxtrim checks --format json`: one object per descriptor, in catalogue order (see the README).
    package static var json: JSONValue {
        .array(
            all.map { descriptor in
                let aliases = deprecatedAliases.filter { $0.value == descriptor.id }.keys.sorted()
                return .object([
                    "id": .string(descriptor.id.rawValue),
                    "title": .string(descriptor.title),
                    "family": .string(descriptor.family.rawValue),
                    "severity": .string(descriptor.defaultSeverity.rawValue),
                    "summary": .string(descriptor.summary),
                    "help": .string(descriptor.help),
                    "subjects": .array(descriptor.subjects.map { .string($0.rawValue) }),
                    "configurable": .bool(descriptor.family.isConfigurable),
                    "fixGroup": .string(descriptor.fixReason),
                    "deprecatedIds": .array(aliases.map { .string($0) }),
                    "buildKitName": descriptor.buildKitName.map { .string($0) } ?? .null,
                    "examples": .array(
                        descriptor.examples.map {
                            .object(["label": .string($0.label), "triggers": .bool($0.triggers)])
                        }),
                ])
            })
    }
}
