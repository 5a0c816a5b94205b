/// A `RUN` instruction of a stage, kept for hints such as spotting `npm ci` or `go mod download`.
package struct RunStep: Equatable, Sendable {
    package let line: Int
    package let run: RunInstruction
    /// Heredoc bodies of the instruction (scripts written as `RUN <<EOF`).
    package let heredocs: [Heredoc]
}
