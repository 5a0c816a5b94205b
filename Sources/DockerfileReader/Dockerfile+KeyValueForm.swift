extension Dockerfile {
    /// Whether an `ENV` or `LABEL` uses the legacy `KEY value` form: its first word has no `=`, the test of
    /// BuildKit's `parseNameVal` (such a pair has `NoDelim` set). False for every other instruction.
    package func usesLegacyKeyValueForm(_ instruction: Instruction) -> Bool {
        guard instruction.keyword == "ENV" || instruction.keyword == "LABEL" else { return false }
        let words = InstructionDetail.quotedWords(instruction.arguments[...], escape: directives.escapeToken)
        guard let first = words.first else { return false }
        return !first.contains("=")
    }
}
