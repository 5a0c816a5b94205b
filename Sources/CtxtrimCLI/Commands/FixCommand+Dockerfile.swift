import ArgumentParser
import CtxtrimCore

extension FixCommand {
    /// `fix --dockerfile`: shows, checks or writes the rewrite. 0 proposed or written (`--check`: nothing pending),
    /// 1 left alone (`--check`: a rewrite is pending).
    func runDockerfile(style: TextStyle) throws -> ExitCode {
        let context = try contextOptions.resolve()
        var rewriter = DockerfileRewriter(context: context)
        rewriter.threads = threadOptions.threads
        let outcome = try rewriter.run()
        let shown = context.dockerfileDisplayPath
        switch outcome {
        case .refused:
            show(RewriteReport.render(outcome, dockerfile: shown, mode: .show, style: style))
            return check ? ExitStatus.success : ExitStatus.findings
        case .proposed(let rewrite):
            if check {
                show(RewriteReport.render(outcome, dockerfile: shown, mode: .check, style: style))
                return rewrite.changes ? ExitStatus.findings : ExitStatus.success
            }
            guard write else {
                show(RewriteReport.render(outcome, dockerfile: shown, mode: .show, style: style))
                return ExitStatus.success
            }
            let written = try DockerfileWriter.write(rewrite, context: context, keepOriginal: keepOriginal)
            show(RewriteReport.render(outcome, dockerfile: shown, mode: .wrote(written), style: style))
            return ExitStatus.success
        }
    }

    private func show(_ text: String) {
        Console.standardOutput.write(text)
        Console.standardOutput.flush()
    }
}
