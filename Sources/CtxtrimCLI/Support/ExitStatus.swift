import ArgumentParser
import CtxtrimErrors
import UntrustedText

/// ctxtrim's exit statuses, documented in the README's exit-code table. An error's status follows from its
/// ``ErrorKind`` (``ErrorKind/exitStatus``): usage 64, input 2, output 73, system 71.
enum ExitStatus {
    /// Success; for `explain`, at least one path is excluded.
    static let success = ExitCode(0)
    /// `check` found problems at or above `--fail-on` or a budget was exceeded; `explain`: no path is excluded.
    static let findings = ExitCode(1)
    /// An input is missing, unreadable or malformed (``ErrorKind/input``).
    static let runtimeError = ExitCode(ErrorKind.input.exitStatus)
    /// Bad command-line usage (ArgumentParser's own code for validation errors).
    static let usage = ExitCode(ErrorKind.usage.exitStatus)
    /// An error ctxtrim has no code for: a bug (`EX_SOFTWARE`).
    static let unexpected = ExitCode(70)

    /// The status for `error`: from its kind, or ``unexpected`` for an error that is no ``CtxtrimError``.
    static func of(_ error: any Error) -> ExitCode {
        (error as? any CtxtrimError).map { ExitCode($0.kind.exitStatus) } ?? unexpected
    }
}

/// Runs a command body, turning any error other than an exit code or an ArgumentParser error into its report on
/// stderr (``ErrorReport``) and the exit status of its kind.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as CleanExit {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        Console.standardOutput.flush()
        Console.standardError.write(ErrorReport.text(error))
        Console.standardError.flush()
        throw ExitStatus.of(error)
    }
}
