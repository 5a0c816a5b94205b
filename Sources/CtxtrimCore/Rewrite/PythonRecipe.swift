/// Python with pip: the requirements file copied and installed into a virtual environment before the sources, with
/// pip's cache mounted; the runtime is the same Python on a `-slim` image with the environment copied in and the
/// sources copied from the context as before.
enum PythonRecipe {
    /// Packages that build C extensions against system libraries, which the slim image lacks at run time.
    private static let native: Set<String> = [
        "psycopg2", "mysqlclient", "python-ldap", "pycairo", "pygobject", "uwsgi", "pyodbc", "gssapi", "pygraphviz",
        "dbus-python", "python-snappy",
    ]

    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        guard stage.repository == "python" else { return nil }
        let installs = stage.allCommands.compactMap { command -> String? in
            guard let install = DependencyInstall.recognise(command), install.ecosystem == "pip" else { return nil }
            return String(install.command.dropFirst("pip install -r ".count))
        }
        if let other = project.first(of: ["poetry.lock", "uv.lock", "Pipfile.lock"]), installs.isEmpty {
            throw RewriteStop(
                .unrecognised,
                "the project locks its dependencies with `\(other)`: ctxtrim rewrites `pip install -r` only")
        }
        guard installs.count == 1, let installed = installs.first else {
            throw RewriteStop(
                .unrecognised,
                installs.isEmpty
                    ? "no RUN runs `pip install -r FILE`: ctxtrim rewrites requirements-file installs only"
                    : "the RUN steps install \(installs.count) requirements files")
        }
        // An absolute path (`pip install -r /code/requirements.txt`) is read where a COPY put it.
        guard let file = installed.hasPrefix("/") ? contextPath(of: installed, in: stage) : installed,
            let requirements = project.text(file)
        else {
            throw RewriteStop(.unrecognised, "`\(installed)` is not a file the context sends")
        }
        for raw in requirements.split(separator: "\n") {
            let line = String(raw).trimmingBlanks.lowercased()
            let name = String(line.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
                .replacingUnderscores
            if native.contains(name) {
                throw RewriteStop(
                    .nativeDependencies,
                    "`\(file)` needs `\(name)`, a C extension that links system libraries the slim image lacks")
            }
            if line.hasPrefix("-r") || line.hasPrefix("-c") || line.hasPrefix("-e") || line.hasPrefix("--requirement") {
                throw RewriteStop(.unplaceable, "`\(file)` includes `\(line)`: other files ctxtrim does not follow")
            }
        }
        guard let slim = RuntimeImage.slimTag(stage.tag, releaseFirst: false), let repository = stage.base.repository
        else { throw RewriteStop(.runtimeImage, "no slim variant ctxtrim knows for `\(stage.base.reference)`") }
        guard let workdir = stage.workdir(), workdir != "/" else {
            throw RewriteStop(.unplaceable, "the app has no WORKDIR of its own")
        }
        _ = workdir
        _ = try stage.entrypoint()
        let runtime = slim == stage.tag ? stage.base.reference : "\(repository):\(slim)"
        let venv = "/opt/venv"
        let path = "ENV PATH=\"\(venv)/bin:$PATH\""
        return RecipePlan(
            ecosystem: .python, manifests: [file],
            manifestCopies: [
                installed.hasPrefix("/")
                    ? "COPY \(file) \(installed)"
                    : "COPY \(file) \(ContextPathDirectory.of(file) == "." ? "./" : ContextPathDirectory.of(file) + "/")"
            ],
            fetch: [
                "RUN python -m venv \(venv)", path,
                RunLine.make(mounts: ["/root/.cache/pip"], "pip install -r \(ShellWord.quoted(installed))"),
            ],
            build: [], buildCopiesSources: false,
            replaces: { command in
                if let install = DependencyInstall.recognise(command), install.ecosystem == "pip" { return true }
                let arguments =
                    command.program.hasPrefix("python") ? Array(command.arguments.dropFirst(2)) : command.arguments
                return ["pip", "pip3", "python", "python3"].contains(command.program)
                    && arguments.starts(with: ["install", "--upgrade", "pip"])
            },
            runtimeImage: runtime, runtimePrelude: ["COPY --from=build \(venv) \(venv)", path],
            runtimeCopiesSources: true, artifacts: [], program: nil, runtimeHasShell: true,
            decisions: [
                "a `build` stage on `\(stage.base.reference)`, the same image as before, installing into a virtual environment (`\(venv)`)",
                "`\(file)` copied and installed before the sources, with a cache mount for pip's cache (`/root/.cache/pip`)",
                "runtime `\(runtime)`: the same Python version, so the environment's interpreter links resolve; no compilers",
                "the environment is copied to the same path and put first on PATH; the sources are copied from the context as before",
                "ENTRYPOINT/CMD stay as written",
            ])
    }
}

extension PythonRecipe {
    /// The context path a `COPY` before the install put at `absolute`: a single-file copy to that path or into its
    /// directory, or a copy of the whole context to an ancestor.
    static func contextPath(of absolute: String, in stage: SingleStage) -> String? {
        for (index, item) in stage.body.enumerated() {
            guard case .copy(let copy) = item.instruction.detail, copy.from == nil,
                let workdir = stage.workdir(through: index)
            else { continue }
            let destination = SingleStage.resolve(copy.destination, from: workdir)
            let isDirectory = copy.destination.hasSuffix("/") || copy.destination == "." || destination == workdir
            if copy.sources.count == 1, let source = copy.sources.first {
                let name = SingleStage.resolve(source, from: "/").dropFirst()
                if name.isEmpty, absolute.hasPrefix(destination + "/") {
                    return String(absolute.dropFirst(destination.count + 1))
                }
                let target = isDirectory ? destination + "/" + ContextPathName.last(String(name)) : destination
                if target == absolute { return String(name) }
            }
        }
        return nil
    }
}

extension String {
    /// Package names compare with `_` and `-` alike (PEP 503).
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
