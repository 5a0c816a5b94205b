#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A build context as `docker build` sees it: the root directory, the Dockerfile and the ignore file BuildKit would read.
package struct BuildContext: Sendable, Equatable {
    /// Why a particular ignore file applies.
    package enum IgnoreFileOrigin: String, Sendable {
        /// `<Dockerfile>.dockerignore` beside the Dockerfile, which replaces `CONTEXT/.dockerignore` (BuildKit).
        case dockerfileSpecific = "dockerfile-specific"
        /// `CONTEXT/.dockerignore`.
        case context
        /// Named with `--ignore-file`.
        case override
    }

    /// The ignore file that applies, if any.
    package struct IgnoreFileChoice: Sendable, Equatable {
        /// Absolute path.
        package let path: String
        /// The path as reports show it: relative to the context root when inside it, else absolute.
        package let displayPath: String
        package let origin: IgnoreFileOrigin
        /// Where the file may point, for ``InputFile``.
        package let inputOrigin: InputFile.Origin
    }

    /// The context root as the user named it (for messages).
    package let givenRoot: String
    /// The context root, absolute with symlinks resolved (BuildKit resolves the root before walking).
    package let root: String
    /// Absolute path of the Dockerfile (it may not exist: commands that do not read it still work).
    package let dockerfile: String
    /// The Dockerfile as reports show it: relative to the context root when inside it.
    package let dockerfileDisplayPath: String
    /// Whether the Dockerfile exists.
    package let dockerfileExists: Bool
    /// Where the Dockerfile may point: anywhere when the user typed it, else inside the tree it was found in.
    package let dockerfileOrigin: InputFile.Origin
    /// The ignore file BuildKit would read, or nil when there is none.
    package let ignoreFile: IgnoreFileChoice?
    /// `CONTEXT/.dockerignore` when it exists but a `<Dockerfile>.dockerignore` makes it inactive.
    package let shadowedIgnoreFile: String?
    /// `.containerignore` when the context has one: Podman and Buildah read it, docker build does not.
    package var containerIgnoreFile: String? = nil

    /// Resolves a context the way `docker build [-f DOCKERFILE] CONTEXT` does.
    ///
    /// - Parameters:
    ///   - context: the context directory (`.` by default on the command line).
    ///   - dockerfile: `-f`; relative paths are taken from the current directory, as the docker CLI does. Defaults to
    ///     `CONTEXT/Dockerfile`.
    ///   - ignoreFileOverride: `--ignore-file`, which replaces BuildKit's choice.
    ///   - discoveryRoot: for a build found by `--all` (its Dockerfile named by a compose file or found by the walk),
    ///     the scanned tree: the Dockerfile must then lie inside it. Nil when the user typed `-f` or took the default.
    package static func resolve(
        context: String, dockerfile: String?, ignoreFileOverride: String?, discoveryRoot: String? = nil
    ) throws(ContextError) -> BuildContext {
        guard let root = realPath(context) else {
            throw ContextError(
                code: .contextNotFound, path: context,
                message: "context directory '\(context)' does not exist", fix: "pass an existing directory as CONTEXT")
        }
        guard isDirectory(root) else {
            throw ContextError(
                code: .contextNotDirectory, path: context,
                message: "context '\(context)' is not a directory", fix: "pass the directory docker build would use")
        }
        let dockerfilePath = absolute(dockerfile ?? joined(root, "Dockerfile"))
        let dockerfileExists = exists(dockerfilePath)
        let dockerfileOrigin: InputFile.Origin
        if let discoveryRoot {
            dockerfileOrigin = .tree(root: realPath(discoveryRoot) ?? absolute(discoveryRoot))
        } else {
            dockerfileOrigin = dockerfile == nil ? .tree(root: root) : .user
        }
        // `<Dockerfile>.dockerignore` is never typed: it must stay inside the context, or inside the tree the
        // Dockerfile came from, or (beside a typed Dockerfile outside the context) inside the Dockerfile's directory.
        let specificOrigin: InputFile.Origin
        switch dockerfileOrigin {
        case .tree: specificOrigin = dockerfileOrigin
        case .user:
            let directory = String(dockerfilePath[..<(dockerfilePath.lastIndex(of: "/") ?? dockerfilePath.endIndex)])
            specificOrigin =
                relative(dockerfilePath, to: root) != nil
                ? .tree(root: root) : .tree(root: realPath(directory.isEmpty ? "/" : directory) ?? directory)
        }

        let contextIgnore = joined(root, ".dockerignore")
        let specificIgnore = dockerfilePath + ".dockerignore"
        let choice: IgnoreFileChoice?
        var shadowed: String?
        if let ignoreFileOverride {
            let path = absolute(ignoreFileOverride)
            guard exists(path) else {
                throw ContextError(
                    code: .unreadableFile, path: ignoreFileOverride,
                    message: "ignore file '\(ignoreFileOverride)' does not exist", fix: "check the --ignore-file path")
            }
            choice = IgnoreFileChoice(
                path: path, displayPath: display(path, root: root), origin: .override, inputOrigin: .user)
        } else if exists(specificIgnore) {
            choice = IgnoreFileChoice(
                path: specificIgnore, displayPath: display(specificIgnore, root: root), origin: .dockerfileSpecific,
                inputOrigin: specificOrigin)
            if exists(contextIgnore) && realPath(contextIgnore) != realPath(specificIgnore) {
                shadowed = ".dockerignore"
            }
        } else if exists(contextIgnore) {
            choice = IgnoreFileChoice(
                path: contextIgnore, displayPath: ".dockerignore", origin: .context, inputOrigin: .tree(root: root))
        } else {
            choice = nil
        }
        var resolved = BuildContext(
            givenRoot: context, root: root, dockerfile: dockerfilePath,
            dockerfileDisplayPath: display(dockerfilePath, root: root), dockerfileExists: dockerfileExists,
            dockerfileOrigin: dockerfileOrigin,
            ignoreFile: choice, shadowedIgnoreFile: shadowed)
        if exists(joined(root, ".containerignore")) {
            resolved.containerIgnoreFile = ".containerignore"
        }
        return resolved
    }

    /// The context as reports show it, never absolute: as given when relative; else relative to the current directory
    /// when inside it; else the directory's own name.
    package var displayRoot: String {
        guard givenRoot.hasPrefix("/") else { return givenRoot }
        let cwd = BuildContext.absolute(".")
        if let inside = BuildContext.relative(givenRoot, to: BuildContext.realPath(cwd) ?? cwd) { return inside }
        return BuildContext.lexicallyCleaned(givenRoot).split(separator: "/").last.map(String.init) ?? "."
    }

    /// The path of `absolutePath` relative to the context root, or nil when it lies outside the context.
    package func relativePath(of absolutePath: String) -> String? {
        BuildContext.relative(absolutePath, to: root)
    }

    // MARK: - Path helpers

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return lexicallyCleaned(path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return lexicallyCleaned(joined(cwd, path))
    }

    /// Collapses `//`, `.` and `x/..` without touching the file system.
    static func lexicallyCleaned(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func joined(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    static func relative(_ path: String, to root: String) -> String? {
        let resolved = realPath(path) ?? path
        if resolved == root { return "." }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : nil
    }

    static func display(_ path: String, root: String) -> String {
        relative(path, to: root) ?? path
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
