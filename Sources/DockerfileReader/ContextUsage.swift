/// What a build of one target stage reads from its contexts: the target and the stages it depends on.
package struct ContextUsage: Equatable, Sendable {
    /// The index of the stage being built.
    package let targetStage: Int
    /// The target and the stages it depends on (through `FROM`, `COPY --from`, `RUN --mount=from=`), by index. A
    /// stage that a named context replaces has no sources and no dependencies.
    package let stages: [StageUsage]
    /// Sources that read a named context instead of a stage's (`FROM NAME` of the target itself, when the target is
    /// replaced by a named context); they belong to no stage.
    package let extraSources: [ContextSource]

    package init(targetStage: Int, stages: [StageUsage], extraSources: [ContextSource] = []) {
        self.targetStage = targetStage
        self.stages = stages
        self.extraSources = extraSources
    }

    /// Every source of those stages, of the main context and of named contexts, by stage then instruction order.
    package var allSources: [ContextSource] { stages.flatMap(\.sources) + extraSources }

    /// The sources that read the main context, by stage then instruction order. Sources of a named context are never
    /// among them: what the main context's ignore file, transfer and checks see.
    package var sources: [ContextSource] { allSources.filter { $0.namedContext == nil } }

    /// The named contexts some source reads, sorted.
    package var namedContextsRead: [String] { Set(allSources.compactMap(\.namedContext)).sorted() }

    /// The usage as the named context `name` sees it: only its sources, each as a source of that context's own root
    /// (`namedContext` nil), so that the analysis of a main context applies to it unchanged.
    package func usage(ofNamedContext name: String) -> ContextUsage {
        func own(_ sources: [ContextSource]) -> [ContextSource] {
            sources.filter { $0.namedContext == name }.map { source in
                var source = source
                source.namedContext = nil
                return source
            }
        }
        return ContextUsage(
            targetStage: targetStage,
            stages: stages.map {
                StageUsage(
                    index: $0.index, name: $0.name, baseImage: $0.baseImage, dependencies: $0.dependencies,
                    sources: own($0.sources), runSteps: $0.runSteps)
            },
            extraSources: own(extraSources))
    }

    /// True when any main-context source covers the whole context (`COPY . .`, `ADD / /app`, `COPY * ./`).
    package var referencesEverything: Bool { sources.contains { $0.referencesEverything } }

    /// Whether any main-context source needs the context-relative `path` (see `ContextSource.references(path:)`).
    package func references(path: String) -> Bool {
        sources.contains { $0.references(path: path) }
    }
}
