/// A build stage: its `FROM` instruction and the instructions up to the next `FROM`.
package struct Stage: Equatable, Sendable {
    /// 0-based position among the stages, as `COPY --from=<index>` counts them.
    package let index: Int
    /// The lower-cased name after `AS`, if any.
    package let name: String?
    package let from: FromInstruction
    /// The line of the `FROM` instruction.
    package let fromLine: Int
    /// The instructions after `FROM`, in order.
    package let instructions: [Instruction]
}
