import ArgumentParser
import ContextWalker

/// The walker thread count every walking command takes with `-j/--threads`.
struct ThreadOptions: ParsableArguments {
    @Option(
        name: [.customShort("j"), .customLong("threads")],
        help: "Walker threads, 1 to \(WalkOptions.maxThreads) (default: the number of cores).")
    var requested: Int?

    /// The count to walk with: as given, else the number of online processors (at most the maximum).
    var threads: Int { requested ?? min(WalkOptions.onlineProcessors, WalkOptions.maxThreads) }

    /// Rejects a count outside `1...maxThreads` before anything is allocated.
    func validate() throws {
        if let requested, !(1...WalkOptions.maxThreads).contains(requested) {
            throw ValidationError("--threads must be from 1 to \(WalkOptions.maxThreads); got \(requested)")
        }
    }
}
