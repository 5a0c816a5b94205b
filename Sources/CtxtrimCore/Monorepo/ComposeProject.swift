import UntrustedText

/// Loads a compose project as `docker compose -f a -f b` does (compose-go's `loadYamlModel`): each file is
/// interpolated, its `extends:` applied, its `include:` entries loaded as projects of their own and imported, and
/// the files merged in order. Relative paths resolve as compose resolves them: against the project's working
/// directory (the first file's), an included project's `project_directory` (its first file's by default), and an
/// extended file's own directory.
///
/// Every file read is inside the scanned root: a path leaving it, or a link resolving outside it, is a
/// ``MonorepoError`` naming the file and line that refer to it, and is never opened. Reads go through ``InputFile``.
struct ComposeProject {
    /// A service once `extends:` is applied: its build, if any.
    struct Service: Equatable {
        var name: String
        var build: ComposeBuild?
        /// `build: !reset`: merged over an earlier file's service, it removes that one's build.
        var resetsBuild = false
    }

    /// Services in the order they first appear, merged by name.
    struct Services: Equatable {
        private(set) var names: [String] = []
        private(set) var byName: [String: Service] = [:]

        /// `service` merged over the one of the same name, as a later file's service is merged over an earlier
        /// one's.
        mutating func merge(_ service: Service) {
            guard let earlier = byName[service.name] else {
                names.append(service.name)
                byName[service.name] = service
                return
            }
            var merged = earlier
            merged.resetsBuild = false
            if service.resetsBuild {
                merged.build = nil
            } else if let build = service.build {
                merged.build = build.merged(over: earlier.build)
            }
            byName[service.name] = merged
        }

        mutating func merge(_ other: Services) {
            for name in other.names { merge(other.byName[name]!) }
        }

        var all: [Service] { names.map { byName[$0]! } }
    }

    /// A file of a project: where it is, how the user or the tree named it, and what messages call it.
    struct File {
        var path: String
        var display: String
        /// Typed on the command line (`--compose-file`), so it may lie anywhere; otherwise found in the tree.
        var typedByUser = false
    }

    /// The most files one discovery reads through `include:` and `extends:`, and the deepest nesting followed:
    /// real projects use a handful; a generated include graph could otherwise multiply without end.
    static let maxLoads = 512
    static let maxDepth = 32

    /// The scanned root, absolute with links resolved.
    let root: String
    /// Every compose file read, relative to the root (absolute for a `--compose-file` outside it).
    private(set) var filesRead: Set<String> = []
    private var texts: [String: String] = [:]
    /// The last parse of each file and the variables it took: an extends chain reads its file again and again.
    private var parsed: [String: (variables: [String: String], compose: ComposeFile)] = [:]
    private var loads = 0

    init(root: String) {
        self.root = root
    }

    /// `files` merged in order, relative paths resolving against `workingDirectory`.
    mutating func load(
        _ files: [File], workingDirectory: String, variables: [String: String], includeChain: [String] = []
    ) throws(MonorepoError) -> Services {
        var services = Services()
        for file in files {
            services.merge(
                try loadFile(file, workingDirectory: workingDirectory, variables: variables, includeChain: includeChain)
            )
        }
        return services
    }

    private mutating func loadFile(
        _ file: File, workingDirectory: String, variables: [String: String], includeChain: [String]
    ) throws(MonorepoError) -> Services {
        let compose = try parse(file, variables: variables)
        let own = Dictionary(
            compose.services.map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
        var loaded: [Service] = []
        for service in compose.services {
            var extended = try applyExtends(
                service, in: own, file: file.display, directory: workingDirectory, variables: variables, chain: [])
            extended.resetsBuild = service.resetsBuild
            loaded.append(extended)
        }
        var result = Services()
        for include in compose.includes {
            result.merge(
                try loadInclude(
                    include, declaredIn: file, workingDirectory: workingDirectory, variables: variables,
                    includeChain: includeChain + [file.path]))
        }
        // The file's own definition is merged over an included one of the same name.
        for service in loaded { result.merge(service) }
        return result
    }

    /// The service with its `extends:` chain applied: the base (from this file or another) first, the service's
    /// own build merged over it.
    private mutating func applyExtends(
        _ service: ComposeFile.Service, in services: [String: ComposeFile.Service], file: String, directory: String,
        variables: [String: String], chain: [String]
    ) throws(MonorepoError) -> Service {
        let own = service.build?.resolvingPaths(in: directory)
        guard let extends = service.extends else {
            return Service(name: service.name, build: service.resetsBuild ? nil : own)
        }
        let key = file + "\u{0}" + service.name
        guard !chain.contains(key) else {
            throw MonorepoError(
                code: .composeCycle, file: file, line: extends.line,
                message: "service \(Excerpt.quote(service.name)) extends itself through a cycle of `extends:`",
                fix: "break the cycle")
        }
        guard chain.count < Self.maxDepth else {
            throw MonorepoError(
                code: .composeCycle, file: file, line: extends.line,
                message: "`extends:` nests more than \(Self.maxDepth) services deep", fix: "flatten the chain")
        }
        let base: Service
        if let written = extends.file {
            let other = try reference(written, from: directory, declaredIn: file, line: extends.line, what: "extends")
            let compose = try parse(other, variables: variables)
            let otherServices = Dictionary(
                compose.services.map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
            guard let found = otherServices[extends.service] else {
                throw notFound(extends, service: service.name, file: file, in: other.display)
            }
            base = try applyExtends(
                found, in: otherServices, file: other.display, directory: Self.directory(of: other.path),
                variables: variables, chain: chain + [key])
        } else {
            guard let found = services[extends.service] else {
                throw notFound(extends, service: service.name, file: file, in: file)
            }
            base = try applyExtends(
                found, in: services, file: file, directory: directory, variables: variables, chain: chain + [key])
        }
        if service.resetsBuild { return Service(name: service.name, build: nil) }
        guard let own else { return Service(name: service.name, build: base.build) }
        return Service(name: service.name, build: own.merged(over: base.build))
    }

    private func notFound(
        _ extends: ComposeFile.Extends, service: String, file: String, in other: String
    ) -> MonorepoError {
        MonorepoError(
            code: .malformedCompose, file: file, line: extends.line,
            message:
                "service \(Excerpt.quote(service)) extends \(Excerpt.quote(extends.service)), which \(other) does not "
                + "define",
            fix: "name a service of that file")
    }

    /// An `include:` entry loaded as its own project: its first path sets the project directory, the others are
    /// merged over it; its variables are the including project's, with its `env_file` (by default the project
    /// directory's `.env`) filling only those not set.
    private mutating func loadInclude(
        _ include: ComposeFile.Include, declaredIn file: File, workingDirectory: String, variables: [String: String],
        includeChain: [String]
    ) throws(MonorepoError) -> Services {
        guard includeChain.count < Self.maxDepth else {
            throw MonorepoError(
                code: .composeCycle, file: file.display, line: include.line,
                message: "`include:` nests more than \(Self.maxDepth) files deep", fix: "flatten the includes")
        }
        var files: [File] = []
        for written in include.paths {
            let path = ComposeBuild.absolute(written, in: workingDirectory)
            try checkInside(path, written: written, declaredIn: file.display, line: include.line, what: "include")
            try checkExists(path, written: written, declaredIn: file.display, line: include.line, what: "include")
            files.append(File(path: path, display: display(path)))
        }
        if includeChain.contains(files[0].path) {
            throw MonorepoError(
                code: .composeCycle, file: file.display, line: include.line,
                message: "\(files[0].display) includes itself through a cycle of `include:`",
                fix: "break the cycle")
        }
        let projectDirectory =
            include.projectDirectory.map { ComposeBuild.absolute($0, in: workingDirectory) }
            ?? Self.directory(of: files[0].path)
        var envValues: [String: String] = [:]
        if include.envFiles.isEmpty {
            let dotEnv = BuildContext.joined(projectDirectory, DotEnvFile.name)
            if isInside(dotEnv), let values = try readEnvFile(dotEnv, declaredIn: file.display, line: include.line) {
                envValues = values
            }
        } else {
            for written in include.envFiles where written != "/dev/null" {
                let path = ComposeBuild.absolute(written, in: workingDirectory)
                try checkInside(path, written: written, declaredIn: file.display, line: include.line, what: "env_file")
                guard let values = try readEnvFile(path, declaredIn: file.display, line: include.line) else {
                    throw MonorepoError(
                        code: .composeFileNotFound, file: file.display, line: include.line,
                        message: "env_file \(Excerpt.quote(written)) does not exist", fix: "fix the path")
                }
                envValues.merge(values) { _, later in later }
            }
        }
        let merged = variables.merging(envValues) { including, _ in including }
        return try load(
            files, workingDirectory: projectDirectory, variables: merged, includeChain: includeChain)
    }

    /// A file an `extends:` names, checked to lie inside the root.
    private func reference(
        _ written: String, from directory: String, declaredIn file: String, line: Int, what: String
    ) throws(MonorepoError) -> File {
        let path = ComposeBuild.absolute(written, in: directory)
        try checkInside(path, written: written, declaredIn: file, line: line, what: what)
        try checkExists(path, written: written, declaredIn: file, line: line, what: what)
        return File(path: path, display: display(path))
    }

    /// The file parsed with `variables`; read once. Every use counts against ``maxLoads``, so that an include
    /// graph that doubles at each level stops.
    private mutating func parse(_ file: File, variables: [String: String]) throws(MonorepoError) -> ComposeFile {
        loads += 1
        guard loads <= Self.maxLoads else {
            throw MonorepoError(
                code: .composeCycle, file: file.display,
                message: "the compose project reads more than \(Self.maxLoads) files through include and extends",
                fix: "flatten the includes")
        }
        let text: String
        if let cached = texts[file.path] {
            text = cached
        } else {
            let bytes: [UInt8]?
            do {
                bytes = try InputFile.read(
                    file.path, kind: .compose, origin: file.typedByUser ? .user : .tree(root: root))
            } catch {
                throw MonorepoError(
                    code: error.code == .outsideContext ? .composeFileOutsideRoot : .malformedCompose,
                    file: file.display, message: error.message, fix: error.fix)
            }
            guard let bytes else {
                throw MonorepoError(
                    code: .composeFileNotFound, file: file.display, message: "the compose file does not exist",
                    fix: "fix the path that names it")
            }
            text = String(decoding: bytes, as: UTF8.self)
            texts[file.path] = text
        }
        filesRead.insert(file.display)
        if let last = parsed[file.path], last.variables == variables { return last.compose }
        let compose = try ComposeFile.parse(text, source: file.display, variables: variables)
        parsed[file.path] = (variables, compose)
        return compose
    }

    /// The variables of an env file inside the root; nil when it does not exist.
    mutating func readEnvFile(
        _ path: String, declaredIn: String, line: Int?
    ) throws(MonorepoError) -> [String: String]? {
        let bytes: [UInt8]?
        do {
            bytes = try InputFile.read(path, kind: .envFile, origin: .tree(root: root))
        } catch {
            throw MonorepoError(
                code: error.code == .outsideContext ? .composeFileOutsideRoot : .malformedCompose,
                file: declaredIn, line: line, message: error.message, fix: error.fix)
        }
        guard let bytes else { return nil }
        return try Self.parseEnv(bytes, display: display(path))
    }

    static func parseEnv(_ bytes: [UInt8], display: String) throws(MonorepoError) -> [String: String] {
        do throws(ComposeInterpolation.Failure) {
            return try DotEnvFile.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw MonorepoError(
                code: .malformedCompose, file: display, message: error.problem,
                fix: "write each variable as NAME=value")
        }
    }

    /// Refuses a path outside the root, lexically or through a link, before anything opens it.
    func checkInside(
        _ path: String, written: String, declaredIn file: String, line: Int?, what: String
    ) throws(MonorepoError) {
        guard isInside(path) else {
            throw MonorepoError(
                code: .composeFileOutsideRoot, file: file, line: line,
                message: "\(what) \(Excerpt.quote(written)) lies outside the scanned root; it is not read",
                fix: "scan a directory that contains it")
        }
        if let resolved = BuildContext.realPath(path), !isInside(resolved) {
            throw MonorepoError(
                code: .composeFileOutsideRoot, file: file, line: line,
                message: "\(what) \(Excerpt.quote(written)) is a link to outside the scanned root; it is not read",
                fix: "replace the link with the file")
        }
    }

    /// Refuses a path naming nothing, with the file and line that name it.
    func checkExists(
        _ path: String, written: String, declaredIn file: String, line: Int?, what: String
    ) throws(MonorepoError) {
        guard BuildContext.realPath(path) == nil else { return }
        throw MonorepoError(
            code: .composeFileNotFound, file: file, line: line,
            message: "\(what) \(Excerpt.quote(written)) does not exist", fix: "fix the path")
    }

    func isInside(_ path: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `path` relative to the root when inside it, else as it is.
    func display(_ path: String) -> String {
        guard isInside(path), path != root else { return path == root ? "." : path }
        return String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
