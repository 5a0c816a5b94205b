import CtxtrimCore

extension ContextScanner.Options {
    /// The scanner's options from the walk, git, build and config option groups a command shares.
    init(threads: ThreadOptions, git: GitOptions, build: BuildOptions? = nil, config: ConfigOptions? = nil) {
        self.init()
        configPath = config?.path
        self.threads = threads.threads
        self.git = !git.noGit
        gitTimeout = git.timeout
        if let build {
            target = build.target
            buildArgs = build.arguments
        }
    }
}

extension IgnoreFileFixer.Options {
    /// The fixer's options from the walk, git, build and config option groups a command shares.
    init(threads: ThreadOptions, git: GitOptions, build: BuildOptions, config: ConfigOptions) {
        self.init()
        configPath = config.path
        self.threads = threads.threads
        self.git = !git.noGit
        gitTimeout = git.timeout
        target = build.target
        buildArgs = build.arguments
    }
}
