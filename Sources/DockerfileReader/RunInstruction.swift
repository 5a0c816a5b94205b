/// The arguments of a `RUN` instruction.
package struct RunInstruction: Equatable, Sendable {
    /// The command: the shell form's text, or the exec form's strings joined by spaces.
    package let command: String
    /// The exec form's strings, when written as a JSON array.
    package let execForm: [String]?
    package let mounts: [RunMount]
    package let network: String?
    package let security: String?
}
