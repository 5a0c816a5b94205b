import UntrustedText

/// One `RUN --mount=...` option, with its values as written (before variable substitution).
package struct RunMount: Equatable, Sendable {
    /// `bind` (the default), `cache`, `tmpfs`, `secret` or `ssh`.
    package let type: String
    /// `from`: a stage name, stage index, image or named build context.
    package let from: String?
    /// `source`/`src`: the path inside `from`, or inside the build context when `from` is absent.
    package let source: String?
    /// `target`/`dst`/`destination`; nil when not given, which BuildKit reads as the working directory.
    package let target: String?
    /// The option text after `--mount=`.
    package let text: String

    private static let keys: Set<String> = [
        "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "rw", "readwrite", "id",
        "sharing", "mode", "uid", "gid", "required", "size", "env",
    ]
    private static let types: Set<String> = ["bind", "cache", "tmpfs", "secret", "ssh"]

    /// Reads the comma-separated `key=value` fields (double quotes allowed, as in CSV).
    static func parse(_ text: String) -> Result<RunMount, MountProblem> {
        var values: [String: String] = [:]
        for field in csvFields(text) where !field.isEmpty {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].lowercased()
            guard keys.contains(key) else { return .failure(MountProblem("unexpected key \(Excerpt.quote(key))")) }
            if parts.count == 2 { values[key] = String(parts[1]) } else { values[key] = "" }
        }
        let type = (values["type"] ?? "bind").lowercased()
        guard types.contains(type) else {
            return .failure(MountProblem("unsupported mount type \(Excerpt.quote(type))"))
        }
        let target = values["target"] ?? values["dst"] ?? values["destination"]
        // BuildKit joins a relative or missing target with the working directory (`dispatchRunMounts`) and refuses a
        // target that resolves to `/`. The working directory is not followed here, so only a written `/` is refused.
        if ["bind", "cache", "tmpfs"].contains(type), let target, isRoot(target) {
            return .failure(MountProblem("a \(type) mount cannot target `/`; mount it on a directory such as /src"))
        }
        return .success(
            RunMount(
                type: type, from: values["from"].flatMap { $0.isEmpty ? nil : $0 },
                source: values["source"] ?? values["src"], target: target, text: text))
    }

    /// Whether an absolute target cleans to `/` (`/`, `//`, `/./`, `/..`).
    private static func isRoot(_ target: String) -> Bool {
        guard target.hasPrefix("/") else { return false }
        return target.split(separator: "/").allSatisfy { $0 == "." || $0 == ".." }
    }

    /// Why a mount option could not be read.
    struct MountProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func csvFields(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let following = iterator.next()
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
