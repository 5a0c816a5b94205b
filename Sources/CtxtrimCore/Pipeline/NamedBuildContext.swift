import CtxtrimErrors
import UntrustedText

/// A named build context, as `docker buildx build --build-context NAME=VALUE` takes it (compose
/// `additional_contexts`, bake `contexts`): a local directory, read with its own `.dockerignore`, or a reference
/// BuildKit fetches itself (an image, a bake target, an OCI layout, a URL or git repository), which sends nothing
/// from this machine.
package struct NamedBuildContext: Sendable, Hashable {
    package enum Value: Sendable, Hashable {
        /// A directory: relative to the current directory on the command line, to the repository root in `--all`.
        case local(path: String)
        /// `docker-image://…`, `target:…`, `oci-layout://…`, `input:…`, a URL or a git reference, as written.
        case remote(String)
    }

    /// The name the Dockerfile uses (`COPY --from=NAME`, `FROM NAME`).
    package let name: String
    package let value: Value

    package init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// The directory of a local context; nil for a remote one.
    package var localPath: String? {
        if case .local(let path) = value { return path }
        return nil
    }

    /// Parses `NAME=VALUE` as buildx does (`parseContextNames`): the name must be a lower-case image name, the value
    /// is not empty; what is not a known scheme, a URL or a git reference is a local directory.
    ///
    /// - Throws: ``NamedContextError`` `.invalid` for a missing `=`, an empty value or an invalid name.
    package static func parse(_ text: String) throws(NamedContextError) -> NamedBuildContext {
        guard let equals = text.firstIndex(of: "=") else {
            throw NamedContextError(
                code: .invalid, value: text,
                message: "--build-context \(Excerpt.quote(text)) is not NAME=VALUE",
                fix: "write it as docker buildx build takes it, such as --build-context lib=../lib")
        }
        let name = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        guard isValidName(name) else {
            throw NamedContextError(
                code: .invalid, value: text,
                message: "--build-context name \(Excerpt.quote(name)) is not a valid context name",
                fix: "use lower-case letters, digits and . _ - / (an image name), such as lib or base-image")
        }
        guard !value.isEmpty else {
            throw NamedContextError(
                code: .invalid, value: text, message: "--build-context \(Excerpt.quote(name)) has no value",
                fix: "give a directory, docker-image://IMAGE, target:NAME, oci-layout://PATH or a URL")
        }
        return NamedBuildContext(name: name, value: isRemote(value) ? .remote(value) : .local(path: value))
    }

    /// Parses every value and refuses a name given twice (buildx would silently keep the last one).
    ///
    /// - Throws: ``NamedContextError`` `.invalid` or `.duplicate`.
    package static func parseAll(_ texts: [String]) throws(NamedContextError) -> [NamedBuildContext] {
        var seen: Set<String> = []
        var parsed: [NamedBuildContext] = []
        for text in texts {
            let context = try parse(text)
            guard seen.insert(context.name).inserted else {
                throw NamedContextError(
                    code: .duplicate, value: text,
                    message: "--build-context \(Excerpt.quote(context.name)) is given twice",
                    fix: "give each named context once")
            }
            parsed.append(context)
        }
        return parsed
    }

    /// The real directory of each local context, by name; relative paths are taken from `base` (nil: the current
    /// directory).
    ///
    /// - Throws: ``NamedContextError`` `.notFound` for a path that is not a directory.
    package static func roots(
        of contexts: [NamedBuildContext], base: String? = nil
    ) throws(NamedContextError) -> [String: String] {
        var roots: [String: String] = [:]
        for named in contexts {
            guard let path = named.localPath else { continue }
            let joined = path.hasPrefix("/") ? path : BuildContext.joined(base ?? ".", path)
            guard let root = BuildContext.realPath(joined), BuildContext.isDirectory(root) else {
                throw NamedContextError(
                    code: .notFound, value: "\(named.name)=\(path)",
                    message: "the named context '\(named.name)' is '\(path)', which is not a directory",
                    fix: "give --build-context \(named.name)=DIR an existing directory")
            }
            roots[named.name] = root
        }
        return roots
    }

    /// A reference name as `reference.ParseNormalizedNamed` accepts it, without tag or digest: lower-case path
    /// components of letters and digits joined by `.`, `_`, `__` or `-`, separated by `/`. `context` and `scratch`
    /// are reserved: BuildKit never looks them up as named contexts (`namedContextFunc`).
    static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, name != "context", name != "scratch" else { return false }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = component.first, let last = component.last, isAlphanumeric(first),
                isAlphanumeric(last)
            else { return false }
            var separatorRun = ""
            for character in component {
                if isAlphanumeric(character) {
                    guard ["", ".", "_", "__", "-"].contains(separatorRun) || separatorRun.allSatisfy({ $0 == "-" })
                    else { return false }
                    separatorRun = ""
                } else if character == "." || character == "_" || character == "-" {
                    separatorRun.append(character)
                } else {
                    return false
                }
            }
        }
        return true
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }

    /// Values BuildKit resolves itself (`NamedContext.load`): a scheme it knows, a URL, or a git reference.
    /// The one reading of a context value for `--build-context`, compose (`build.context`, `additional_contexts`) and
    /// bake (`context`, `contexts`): an image, another service or target, an OCI layout, a URL or a Git reference is
    /// nothing a local walk can see; anything else is a directory.
    static func isRemote(_ value: String) -> Bool {
        let lowered = value.lowercased()
        let prefixes = [
            "docker-image:", "target:", "service:", "oci-layout:", "input:", "git@", "github.com/",
        ]
        return lowered.contains("://") || prefixes.contains { lowered.hasPrefix($0) } || lowered.hasSuffix(".git")
            || lowered.contains(".git#")
    }
}

/// A `--build-context` the command cannot use: bad syntax, a name given twice, a directory that does not exist.
package struct NamedContextError: CtxtrimError, Sendable, Equatable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, ErrorCode {
        case invalid = "named-context.invalid"
        case duplicate = "named-context.duplicate"
        case notFound = "named-context.not-found"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    /// The value as given.
    package let value: String
    package let message: String
    package let fix: String?

    package init(code: Code, value: String, message: String, fix: String? = nil) {
        self.code = code
        self.value = value
        self.message = message
        self.fix = fix
    }

    package var cause: ErrorCause? { nil }
}
