import DockerfileReader

/// The Dockerfile as the hints read it: parsed, with what the target build uses, and the path findings carry.
package struct DockerfileSubject: Sendable {
    package let dockerfile: Dockerfile
    /// `dockerfile.contextUsage(target:buildArgs:)` for the build being scanned.
    package let usage: ContextUsage
    /// The Dockerfile as reports show it (`BuildContext.dockerfileDisplayPath`).
    package let displayPath: String

    package init(dockerfile: Dockerfile, usage: ContextUsage, displayPath: String) {
        self.dockerfile = dockerfile
        self.usage = usage
        self.displayPath = displayPath
    }

    /// The line of stage `index`'s `FROM`.
    func fromLine(ofStage index: Int) -> Int { dockerfile.stages[index].fromLine }

    /// The instruction starting at `line` as written, without its flags (`COPY . .`).
    func instructionText(atLine line: Int) -> String? {
        dockerfile.instructions.first { $0.startLine == line }.map { "\($0.keyword) \($0.arguments)" }
    }

    /// The simple commands of every `RUN` step of `stage`, heredoc scripts included, with the step's line.
    func commands(of stage: StageUsage) -> [(line: Int, command: ShellCommand)] {
        stage.runSteps.flatMap { step in
            let scripts = [step.run.command] + step.heredocs.map(\.content)
            return scripts.flatMap(ShellCommand.split).map { (step.line, $0) }
        }
    }
}
