/// What a build of one target stage reads from the context: the target and the stages it depends on.
package struct ContextUsage: Equatable, Sendable {
    /// The index of the stage being built.
    package let targetStage: Int
    /// The target and the stages it depends on (through `FROM`, `COPY --from`, `RUN --mount=from=`), by index.
    package let stages: [StageUsage]

    /// Every context source of those stages, by stage then instruction order.
    package var sources: [ContextSource] { stages.flatMap(\.sources) }

    /// True when any source covers the whole context (`COPY . .`, `ADD / /app`, `COPY * ./`).
    package var referencesEverything: Bool { sources.contains { $0.referencesEverything } }

    /// Whether any source needs the context-relative `path` (see `ContextSource.references(path:)`).
    package func references(path: String) -> Bool {
        sources.contains { $0.references(path: path) }
    }
}
