import UntrustedText

/// The `--name[=value]` flags of one instruction, checked against what the instruction accepts (BuildKit's `BFlags`).
struct BuilderFlags {
    enum Kind {
        case string
        case bool
        /// Repeatable; every occurrence is kept.
        case list
    }

    private var values: [String: [String]] = [:]

    init(_ flags: [String], accepted: [String: Kind], keyword: String, path: String, line: Int) throws(DockerfileError)
    {
        for flag in flags {
            guard flag.hasPrefix("--") else {
                throw DockerfileError(
                    .unknownFlag, "flag \(Excerpt.quote(flag)) of \(keyword) should start with '--'", path: path,
                    line: line)
            }
            if flag == "--" { break }
            let parts = flag.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count == 2 ? String(parts[1]) : nil
            guard let kind = accepted[name] else {
                let known = accepted.keys.sorted().map { "--\($0)" }.joined(separator: ", ")
                throw DockerfileError(
                    .unknownFlag,
                    "\(keyword) does not accept the flag \(Excerpt.quote("--" + name))",
                    fix: known.isEmpty ? "remove it" : "remove it; \(keyword) accepts \(known)", path: path, line: line)
            }
            if kind != .list, values[name] != nil {
                throw DockerfileError(
                    .duplicateFlag, "the flag \(Excerpt.quote("--" + name)) of \(keyword) is given twice",
                    fix: "keep one", path: path, line: line)
            }
            switch kind {
            case .bool:
                let text = (value ?? "true").lowercased()
                guard text == "true" || text == "false" else {
                    throw DockerfileError(
                        .badFlagValue,
                        "the flag \(Excerpt.quote("--" + name)) of \(keyword) expects true or false, not \(Excerpt.quote(value ?? ""))",
                        path: path, line: line)
                }
                values[name] = [text]
            case .string, .list:
                guard let value else {
                    throw DockerfileError(
                        .badFlagValue,
                        "the flag \(Excerpt.quote("--" + name)) of \(keyword) needs a value",
                        fix: "give one, as in --NAME=VALUE", path: path, line: line)
                }
                values[name, default: []].append(value)
            }
        }
    }

    func string(_ name: String) -> String? { values[name]?.last }
    func bool(_ name: String) -> Bool? { values[name].map { $0.last == "true" } }
    func list(_ name: String) -> [String] { values[name] ?? [] }
}
