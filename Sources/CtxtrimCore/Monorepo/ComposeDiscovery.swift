import UntrustedText

/// How `--all` reads compose projects: `--env-file`, `--compose-file` and `--compose-environment`.
package struct ComposeDiscoveryOptions: Sendable, Equatable {
    /// `--env-file`: read (in order, later values winning) instead of each project's `.env`, as `docker compose
    /// --env-file` does; paths as typed, relative to the working directory.
    package var envFiles: [String] = []
    /// `--compose-file`: these files, merged in order, are the project of the first one's directory (as `docker
    /// compose -f a -f b`), instead of the compose files discovery finds there.
    package var composeFiles: [String] = []
    /// `--compose-environment`: the process environment, whose values win over the env files' as in compose; nil
    /// (the default) to read none of it.
    package var environment: [String: String]?

    package init(envFiles: [String] = [], composeFiles: [String] = [], environment: [String: String]? = nil) {
        self.envFiles = envFiles
        self.composeFiles = composeFiles
        self.environment = environment
    }
}

/// The compose projects of a repository, read as `docker compose` reads them in each directory, and their builds.
///
/// Per directory: the primary file (the first of ``ComposeFile/primaryNames`` present: compose warns and uses that
/// one when several exist) with the first override file present merged over it, or the files `COMPOSE_FILE` in the
/// project's `.env` names (split at `COMPOSE_PATH_SEPARATOR`, default `:`). A variant such as
/// `docker-compose.prod.yml` is applied over the primary as `docker compose -f compose.yaml -f
/// docker-compose.prod.yml` would, and yields a build (named `<variant file>:<service>`) only where its merged build
/// differs from the primary's and from the default project's. Every profile counts: `profiles:` hides nothing.
package enum ComposeDiscovery {
    /// What the discovery found: the builds, every compose and env file it read, and the files it did not use.
    package struct Result: Sendable, Equatable {
        package var builds: [DiscoveredBuild] = []
        /// Relative to the root (absolute for a file typed outside it), sorted.
        package var filesRead: [String] = []
        /// A compose file discovery found but compose would not read, with why (a second primary file, a second
        /// override, files a `--compose-file` project replaces).
        package var unused: [Unused] = []
    }

    package struct Unused: Sendable, Equatable {
        package var file: String
        package var reason: String
    }

    /// The projects of the directories holding `composeFiles` (relative to `root`, as the discovery walk found
    /// them), and the `--compose-file` project if given.
    package static func run(
        composeFiles: [String], root: String, options: ComposeDiscoveryOptions = .init()
    ) throws -> Result {
        var result = Result()
        var filesRead: Set<String> = []
        let userValues = try userEnvValues(options, filesRead: &filesRead)
        var directories: [String: [String]] = [:]
        for file in composeFiles {
            directories[BuildDiscovery.directory(of: file), default: []].append(String(ContextPath.name(of: file)))
        }
        var explicitDirectory: String?
        if !options.composeFiles.isEmpty {
            let files = options.composeFiles.map { typed -> ComposeProject.File in
                let path = BuildContext.realPath(typed) ?? BuildContext.absolute(typed)
                return ComposeProject.File(
                    path: path, display: ComposeProject(root: root).display(path), typedByUser: true)
            }
            let directory = ComposeProject.directory(of: files[0].path)
            let project = ComposeProject(root: root)
            explicitDirectory = project.isInside(directory) ? project.display(directory) : nil
            let variables = try variables(
                directory: directory, root: root, userValues: userValues, options: options, filesRead: &filesRead)
            var loader = ComposeProject(root: root)
            let services = try loader.load(files, workingDirectory: directory, variables: variables.all)
            filesRead.formUnion(loader.filesRead)
            result.builds += try builds(of: services, workingDirectory: directory, variables: variables.all, root: root)
            if let explicitDirectory, let replaced = directories[explicitDirectory] {
                for name in replaced.sorted() {
                    let file = BuildDiscovery.relativeJoin(explicitDirectory, name)
                    guard !files.contains(where: { $0.display == file }) else { continue }
                    result.unused.append(Unused(file: file, reason: "--compose-file names the project's files"))
                }
            }
        }
        for (directory, names) in directories.sorted(by: { $0.key < $1.key }) where directory != explicitDirectory {
            var project = try Directory(
                directory: directory, names: Set(names), root: root, userValues: userValues, options: options,
                filesRead: &filesRead)
            result.builds += try project.builds()
            result.unused += project.unused
            filesRead.formUnion(project.filesRead)
        }
        result.filesRead = filesRead.sorted()
        return result
    }

    /// The compose files of one directory and their projects.
    private struct Directory {
        let directory: String
        let absolute: String
        let root: String
        let variables: Variables
        /// The files `docker compose` run in the directory reads (primary and override, or `COMPOSE_FILE`).
        var defaultFiles: [String] = []
        /// What a variant is applied over: the primary file, or the `COMPOSE_FILE` list.
        var baseFiles: [String] = []
        var variants: [String] = []
        var unused: [Unused] = []
        var filesRead: Set<String> = []

        init(
            directory: String, names: Set<String>, root: String, userValues: [String: String]?,
            options: ComposeDiscoveryOptions, filesRead: inout Set<String>
        ) throws {
            self.directory = directory
            self.root = root
            absolute = directory == "." ? root : BuildContext.joined(root, directory)
            variables = try ComposeDiscovery.variables(
                directory: absolute, root: root, userValues: userValues, options: options, filesRead: &filesRead)
            let primaries = ComposeFile.primaryNames.filter(names.contains)
            let overrides = ComposeFile.overrideNames.filter(names.contains)
            for extra in primaries.dropFirst() {
                unused.append(
                    Unused(file: relative(extra), reason: "compose uses \(primaries[0]), the first of its names"))
            }
            for extra in overrides.dropFirst() {
                unused.append(
                    Unused(file: relative(extra), reason: "compose uses \(overrides[0]), the first of its names"))
            }
            if let list = variables.fromFiles["COMPOSE_FILE"] {
                let separator = variables.fromFiles["COMPOSE_PATH_SEPARATOR"].flatMap { $0.isEmpty ? nil : $0 } ?? ":"
                defaultFiles = list.split(separator: separator, omittingEmptySubsequences: true).map(String.init)
                baseFiles = defaultFiles
                for name in primaries.prefix(1) + overrides.prefix(1) where !defaultFiles.contains(name) {
                    unused.append(Unused(file: relative(name), reason: "COMPOSE_FILE in the project's env file"))
                }
            } else {
                defaultFiles = Array(primaries.prefix(1) + overrides.prefix(1))
                baseFiles = Array(primaries.prefix(1))
            }
            variants = names.filter { ComposeFile.variantLabel($0) != nil && !defaultFiles.contains($0) }.sorted()
        }

        func relative(_ name: String) -> String { BuildDiscovery.relativeJoin(directory, name) }

        mutating func builds() throws -> [DiscoveredBuild] {
            let defaultProject = try load(defaultFiles)
            var builds = defaultProject
            guard !variants.isEmpty else { return builds }
            let base = try load(baseFiles)
            let known = Set((base + defaultProject).map(Signature.init))
            for variant in variants {
                let file = relative(variant)
                for var build in try load(baseFiles + [variant]) where !known.contains(Signature(build)) {
                    build.name = "\(file):\(build.name)"
                    builds.append(build)
                }
            }
            return builds
        }

        private mutating func load(_ names: [String]) throws -> [DiscoveredBuild] {
            guard !names.isEmpty else { return [] }
            var loader = ComposeProject(root: root)
            var files: [ComposeProject.File] = []
            for name in names {
                let path = ComposeBuild.absolute(name, in: absolute)
                try loader.checkInside(
                    path, written: name, declaredIn: variables.source ?? relative(DotEnvFile.name), line: nil,
                    what: "COMPOSE_FILE entry")
                try loader.checkExists(
                    path, written: name, declaredIn: variables.source ?? relative(DotEnvFile.name), line: nil,
                    what: "COMPOSE_FILE entry")
                files.append(ComposeProject.File(path: path, display: loader.display(path)))
            }
            let services = try loader.load(files, workingDirectory: absolute, variables: variables.all)
            filesRead.formUnion(loader.filesRead)
            return try ComposeDiscovery.builds(
                of: services, workingDirectory: absolute, variables: variables.all, root: root)
        }
    }

    /// What tells two builds apart, whatever they are called and wherever they are declared.
    private struct Signature: Hashable {
        var service: String?
        var context: String
        var dockerfile: String
        var target: String?
        var buildArgs: [String: String]
        var namedContexts: [String: String]
        var inlineDockerfile: String?

        init(_ build: DiscoveredBuild) {
            service = build.service
            context = build.context
            dockerfile = build.dockerfile
            target = build.target
            buildArgs = build.buildArgs
            namedContexts = build.namedContexts
            inlineDockerfile = build.inlineDockerfile
        }
    }

    /// A project's variables: those of its env files, and with `--compose-environment` the process environment's,
    /// which win.
    struct Variables {
        var fromFiles: [String: String]
        var all: [String: String]
        /// The env file that set them, for messages (nil for `--env-file`).
        var source: String?
    }

    /// `--env-file` values, read once for every project; nil when none is given.
    static func userEnvValues(
        _ options: ComposeDiscoveryOptions, filesRead: inout Set<String>
    ) throws -> [String: String]? {
        guard !options.envFiles.isEmpty else { return nil }
        var values: [String: String] = [:]
        for path in options.envFiles {
            let bytes: [UInt8]?
            do {
                bytes = try InputFile.read(path, kind: .envFile, origin: .user)
            } catch {
                throw MonorepoError(code: .malformedCompose, file: path, message: error.message, fix: error.fix)
            }
            guard let bytes else {
                throw MonorepoError(
                    code: .composeFileNotFound, file: path, message: "the env file does not exist",
                    fix: "fix the --env-file path")
            }
            values.merge(try ComposeProject.parseEnv(bytes, display: path)) { _, later in later }
            filesRead.insert(path)
        }
        return values
    }

    /// The variables of the project in `directory` (absolute): `--env-file`'s, or the directory's `.env`.
    static func variables(
        directory: String, root: String, userValues: [String: String]?, options: ComposeDiscoveryOptions,
        filesRead: inout Set<String>
    ) throws -> Variables {
        var fromFiles: [String: String] = [:]
        var source: String?
        if let userValues {
            fromFiles = userValues
        } else {
            var loader = ComposeProject(root: root)
            let path = BuildContext.joined(directory, DotEnvFile.name)
            if loader.isInside(path),
                let values = try loader.readEnvFile(path, declaredIn: loader.display(path), line: nil)
            {
                fromFiles = values
                source = loader.display(path)
                filesRead.insert(loader.display(path))
            }
        }
        let all = options.environment.map { fromFiles.merging($0) { _, environment in environment } } ?? fromFiles
        return Variables(fromFiles: fromFiles, all: all, source: source)
    }

    /// The builds of a loaded project, with paths relative to the root. A service without a build, or with a
    /// remote context, has none.
    static func builds(
        of services: ComposeProject.Services, workingDirectory: String, variables: [String: String], root: String
    ) throws -> [DiscoveredBuild] {
        let project = ComposeProject(root: root)
        var builds: [DiscoveredBuild] = []
        for service in services.all {
            guard let build = service.build else { continue }
            let contextValue = build.context?.value.flatMap { $0.isEmpty ? nil : $0 } ?? workingDirectory
            if ComposeBuild.isRemote(contextValue) { continue }
            let contextPath = ComposeBuild.absolute(contextValue, in: workingDirectory)
            let context = try directoryInRoot(
                contextPath, written: build.context?.value ?? ".", field: build.context, build: build,
                what: "the build context", service: service.name, root: root)
            var found = DiscoveredBuild(
                name: service.name, context: context, dockerfile: "Dockerfile", service: service.name,
                composeFile: build.file, target: build.target?.value.flatMap { $0.isEmpty ? nil : $0 })
            found.composeLine = build.line
            if let inline = build.dockerfileInline, let text = inline.value {
                guard text.utf8.count <= Self.inlineLimit else {
                    throw MonorepoError(
                        code: .malformedCompose, file: inline.file, line: inline.line,
                        message: "the dockerfile_inline of service \(Excerpt.quote(service.name)) is larger than 1 MiB",
                        fix: "write the Dockerfile to a file and name it with `dockerfile:`")
                }
                found.inlineDockerfile = text
                found.dockerfile = inline.file
            } else {
                let name = build.dockerfile?.value.flatMap { $0.isEmpty ? nil : $0 } ?? "Dockerfile"
                found.dockerfile =
                    name.hasPrefix("/")
                    ? (project.isInside(BuildContext.lexicallyCleaned(name))
                        ? project.display(BuildContext.lexicallyCleaned(name)) : name)
                    : BuildDiscovery.relativeJoin(context, name)
            }
            for (name, field) in build.args {
                if let value = field.value ?? variables[name] { found.buildArgs[name] = value }
            }
            for (name, field) in build.additionalContexts {
                guard let value = field.value, ComposeBuild.isLocal(value) else { continue }
                found.namedContexts[name] = try directoryInRoot(
                    ComposeBuild.absolute(value, in: workingDirectory), written: value, field: field, build: build,
                    what: "the additional context \(Excerpt.quote(name))", service: service.name, root: root)
            }
            found.unsetVariables = build.unsetVariables
            builds.append(found)
        }
        return builds
    }

    /// The most bytes of a `dockerfile_inline` read, as for a Dockerfile file of its own (1 MiB).
    static let inlineLimit = 1 << 20

    /// `path` relative to the root; it must be a directory inside it (one walk covers every build).
    private static func directoryInRoot(
        _ path: String, written: String, field: ComposeBuild.Field?, build: ComposeBuild, what: String,
        service: String, root: String
    ) throws(MonorepoError) -> String {
        let file = field?.file ?? build.file
        let line = field?.line ?? build.line
        guard BuildContext.isDirectory(path) else {
            throw MonorepoError(
                code: .contextNotFound, file: file, line: line,
                message: "\(what) \(Excerpt.quote(written)) of service \(Excerpt.quote(service)) is not a directory",
                fix: "fix the path")
        }
        guard let relative = BuildContext.relative(path, to: root) else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: file, line: line,
                message:
                    "\(what) \(Excerpt.quote(written)) of service \(Excerpt.quote(service)) lies outside the scanned "
                    + "root",
                fix: "run from a directory that contains it")
        }
        return relative
    }
}
