/// One simple command of a `RUN` script, read well enough to recognise tools such as `npm ci`: the program's base
/// name and its arguments, quotes removed. Not a shell parser: expansions and redirections are left as words.
struct ShellCommand: Equatable, Sendable {
    /// Base name of the program, such as `npm` for `/usr/local/bin/npm` or `gradlew` for `./gradlew`.
    let program: String
    let arguments: [String]

    /// Arguments that are not options (do not start with `-`).
    var operands: [String] { arguments.filter { !$0.hasPrefix("-") } }

    /// Words that run the next word as the command.
    private static let wrappers: Set<String> = ["sudo", "exec", "time", "nice", "nohup", "command", "env"]

    /// The simple commands of `script`, split at newlines, `;`, `&`, `|` and parentheses.
    static func split(_ script: String) -> [ShellCommand] {
        var commands: [ShellCommand] = []
        var words: [String] = []
        var word = ""
        var quote: Character? = nil
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        func endCommand() {
            endWord()
            if let command = ShellCommand(words: words) { commands.append(command) }
            words = []
        }
        var iterator = script.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "\\":
                if let escaped = iterator.next(), escaped != "\n" { word.append(escaped) }
            case " ", "\t": endWord()
            case "\n", ";", "&", "|", "(", ")": endCommand()
            default: word.append(character)
            }
        }
        endCommand()
        return commands
    }

    /// The command of `words` after variable assignments and wrappers such as `sudo`; nil when none is left.
    init?(words: [String]) {
        var rest = words[...]
        while let first = rest.first,
            Self.wrappers.contains(first) || first.hasPrefix("-") || Self.isAssignment(first)
        {
            rest = rest.dropFirst()
        }
        guard let program = rest.first else { return nil }
        self.program = String(program.split(separator: "/").last ?? Substring(program))
        arguments = Array(rest.dropFirst())
    }

    init(program: String, arguments: [String]) {
        self.program = program
        self.arguments = arguments
    }

    private static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
