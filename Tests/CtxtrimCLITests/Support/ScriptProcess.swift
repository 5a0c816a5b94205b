import Foundation

/// Runs a program of the repository (a script under `scripts/`) or a system tool with a chosen environment, and
/// captures its output and exit status; no shell is involved.
struct ScriptProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments` in `directory`, with exactly `environment`.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], in directory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // stderr is read on another thread, so neither pipe can fill up and stall the child.
        let errors = LockedData()
        let reader = Thread { errors.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errors.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors.value, as: UTF8.self))
    }

    /// Runs `executable` and throws unless it exits 0; returns its standard output.
    @discardableResult
    static func succeed(
        _ executable: String, _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        in directory: String? = nil
    ) throws -> String {
        let result = try run(executable, arguments, environment: environment, in: directory)
        guard result.status == 0 else {
            throw ShellFailure(
                command: ([executable] + arguments).joined(separator: " "),
                output: "exit status \(result.status): \(result.stderr)")
        }
        return result.stdout
    }
}
