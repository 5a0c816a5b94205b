import ArgumentParser
import UntrustedText

/// ctxtrim's exit statuses, documented in the README.
enum ExitStatus {
    /// Success; for `explain`, at least one path is excluded.
    static let success = ExitCode(0)
    /// `check` found problems at or above `--fail-on` or a budget was exceeded; `explain`: no path is excluded.
    static let findings = ExitCode(1)
    /// A runtime error: invalid ignore file, unreadable context, malformed Dockerfile.
    static let runtimeError = ExitCode(2)
    /// Bad command-line usage (ArgumentParser's own code for validation errors).
    static let usage = ExitCode(64)
}

/// Runs a command body, turning any error other than an exit code into a message on stderr and exit status 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CleanExit {
        throw error
    } catch {
        Console.standardOutput.flush()
        // Error texts quote paths and tokens from the tree: escaped so that none can start a line or an escape.
        Console.standardError.line("ctxtrim: error: " + TerminalText.escape(String(describing: error)))
        Console.standardError.flush()
        throw ExitStatus.runtimeError
    }
}
