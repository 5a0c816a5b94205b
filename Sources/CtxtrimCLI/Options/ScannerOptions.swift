import CtxtrimCore

extension ContextScanner.Options {
    /// The scanner's options from the walk, git and build option groups a command shares.
    init(threads: ThreadOptions, git: GitOptions, build: BuildOptions? = nil) {
        self.init()
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
    /// The fixer's options from the walk, git and build option groups a command shares.
    init(threads: ThreadOptions, git: GitOptions, build: BuildOptions) {
        self.init()
        self.threads = threads.threads
        self.git = !git.noGit
        gitTimeout = git.timeout
        target = build.target
        buildArgs = build.arguments
    }
}
