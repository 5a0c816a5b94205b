/// What one stage reads from the build context, and what it is built from.
package struct StageUsage: Equatable, Sendable {
    package let index: Int
    package let name: String?
    package let baseImage: BaseImage
    /// Stages this one needs: its `FROM` stage, `COPY --from` stages and `RUN --mount` `from` stages, by index.
    package let dependencies: [Int]
    /// Context sources in instruction order.
    package let sources: [ContextSource]
    package let runSteps: [RunStep]
}
