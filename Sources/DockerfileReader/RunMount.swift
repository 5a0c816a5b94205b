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

    /// Keys BuildKit accepts without `=value` (`parseMount`); any other bare key is an error.
    private static let bareKeys: Set<String> = ["readonly", "ro", "readwrite", "rw", "required"]

    /// Reads the comma-separated `key=value` fields (double quotes allowed, as in CSV), with `parseMount`'s checks
    /// that do not depend on a variable's value: known keys and types, `mode`/`uid`/`gid` only on cache, secret and
    /// ssh mounts, `size` only on tmpfs, `sharing` only on cache, `required` only on secret and ssh, and a secret
    /// mount with a source or target and no `from`. A target that resolves to `/` is refused later, once the working
    /// directory is known (`StageResolver`).
    static func parse(_ text: String) -> Result<RunMount, MountProblem> {
        var values: [String: String] = [:]
        var written: [String] = []
        for field in csvFields(text) where !field.isEmpty {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].lowercased()
            guard keys.contains(key) else { return .failure(MountProblem("unexpected key \(Excerpt.quote(key))")) }
            if parts.count == 2 {
                values[key] = String(parts[1])
            } else {
                guard bareKeys.contains(key) else {
                    return .failure(MountProblem("the field \(Excerpt.quote(key)) must be a key=value pair"))
                }
                values[key] = ""
            }
            written.append(key)
        }
        let rawType = values["type"] ?? "bind"
        let type = rawType.lowercased()
        guard types.contains(type) || rawType.contains("$") else {
            return .failure(MountProblem("unsupported mount type \(Excerpt.quote(type))"))
        }
        if let problem = misplacedKey(written, type: type) { return .failure(problem) }
        let from = values["from"].flatMap { $0.isEmpty ? nil : $0 }
        // `parseMount` reads `from` before any variable is known and refuses a `$` anywhere but at the end.
        if let from, let dollar = from.firstIndex(of: "$"), from.index(after: dollar) != from.endIndex {
            return .failure(
                MountProblem("from does not support variable expansion; define an alias stage (FROM $X AS name)"))
        }
        let source = values["source"] ?? values["src"]
        let target = values["target"] ?? values["dst"] ?? values["destination"]
        if type == "secret" {
            if from != nil { return .failure(MountProblem("a secret mount cannot have a from")) }
            if (source ?? "").isEmpty && (target ?? "").isEmpty && (values["id"] ?? "").isEmpty {
                return .failure(MountProblem("a secret mount needs a source, a target or an id"))
            }
            if !(source ?? "").isEmpty && !(values["id"] ?? "").isEmpty {
                return .failure(MountProblem("a secret mount cannot have both a source and an id"))
            }
        }
        return .success(RunMount(type: type, from: from, source: source, target: target, text: text))
    }

    /// The first key BuildKit refuses for this mount type.
    private static func misplacedKey(_ keys: [String], type: String) -> MountProblem? {
        for key in keys {
            switch key {
            case "mode" where !["secret", "ssh", "cache"].contains(type),
                "uid" where !["secret", "ssh", "cache"].contains(type),
                "gid" where !["secret", "ssh", "cache"].contains(type):
                return MountProblem("\(key) is not allowed for \(type) mounts")
            case "size" where type != "tmpfs":
                return MountProblem("size is only allowed for tmpfs mounts")
            case "sharing" where type != "cache":
                return MountProblem("sharing is only allowed for cache mounts")
            case "required" where type != "secret" && type != "ssh":
                return MountProblem("required is only allowed for secret and ssh mounts")
            default:
                continue
            }
        }
        return nil
    }

    /// Whether this mount type is placed at `target` joined with the working directory (bind, cache and tmpfs;
    /// secret and ssh mounts have their own default paths).
    package var mountsAtTarget: Bool { ["bind", "cache", "tmpfs"].contains(type) }

    /// Where BuildKit mounts `target` in a working directory (`dispatchRunMounts`): an absolute target cleaned, a
    /// relative or missing one joined with `workdir`; nil when it is relative and the working directory is unknown
    /// (set by the base image).
    static func resolvedTarget(_ target: String, workdir: String?) -> String? {
        if target.hasPrefix("/") { return cleanAbsolute(target) }
        guard let workdir else { return nil }
        return cleanAbsolute(workdir + "/" + target)
    }

    /// `path.Clean` of an absolute path: `/` for `/`, `//.`, `/a/..`.
    static func cleanAbsolute(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
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
