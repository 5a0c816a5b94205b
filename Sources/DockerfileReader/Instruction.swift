/// One Dockerfile instruction after line continuations, comments and heredocs have been resolved.
package struct Instruction: Equatable, Sendable {
    /// The instruction keyword in upper case (`FROM`, `COPY`, ...); keywords are case-insensitive in a Dockerfile.
    package let keyword: String
    /// The builder flags as written, with quotes removed (`--from=build`, `--link`).
    package let flags: [String]
    /// The arguments after the flags, trimmed, with continuations joined: the shell form's text.
    package let arguments: String
    /// The exec form's strings when the arguments are a JSON array of strings and the keyword accepts that form.
    package let execForm: [String]?
    /// Heredocs whose bodies follow the instruction, in the order they were opened.
    package let heredocs: [Heredoc]
    /// The 1-based line where the instruction starts.
    package let startLine: Int
    /// The 1-based line where it ends, including continuation lines and heredoc bodies.
    package let endLine: Int
    /// What the reader understood of the instruction's arguments.
    package let detail: InstructionDetail
    /// The keyword exactly as written (`from`, `Run`), for casing checks.
    package let writtenKeyword: String
    /// The comment lines just before the instruction, without `#` and trimmed, as BuildKit's `PrevComment` keeps
    /// them: an empty comment line starts the list again, parser directives are left out.
    package let comments: [String]
    /// True when a continuation of this instruction crosses an empty line (BuildKit's empty continuation warning).
    package let hasEmptyContinuationLine: Bool
}
