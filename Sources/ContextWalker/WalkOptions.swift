#if canImport(Glibc)
    import Glibc
#endif

/// How to walk.
@usableFromInline package struct WalkOptions: Sendable, Hashable {
    /// Worker threads. With 1 the walk is serial and visits each directory's entries in lexical (byte) order, entering
    /// a directory where it stands, like Go's `filepath.WalkDir`; with more, the order is unspecified.
    @usableFromInline package var threads: Int
    /// Walk directories the filter skipped anyway, counting everything inside as excluded (the filter is not called
    /// there), so reports can say how much a rule keeps out.
    @usableFromInline package var measureExcluded: Bool
    /// Ask the file system for each file's and symlink's size. A walk that needs only names and kinds (finding the
    /// Dockerfiles of a repository) turns it off and trusts the directory entry's type: one system call fewer per
    /// file. Sizes are then 0.
    @usableFromInline package var readsSizes = true
    /// Time each directory visit with the monotonic clock and report it (``WalkVisitor/directoryTimed(path:state:nanoseconds:)``),
    /// for `scan --profile`. Off, the walker reads no clock.
    @usableFromInline package var timesDirectories = false

    /// The most worker threads a walk starts; more than cores gains nothing, and each thread reserves a large stack.
    @usableFromInline package static let maxThreads = 64

    /// `threads` is held to `1...maxThreads`.
    @usableFromInline package init(threads: Int = WalkOptions.onlineProcessors, measureExcluded: Bool = false) {
        self.threads = min(max(1, threads), Self.maxThreads)
        self.measureExcluded = measureExcluded
    }

    /// The serial, lexically ordered walk.
    @usableFromInline package static func serial(measureExcluded: Bool = false) -> WalkOptions {
        WalkOptions(threads: 1, measureExcluded: measureExcluded)
    }

    /// The number of online processors (sysconf `_SC_NPROCESSORS_ONLN`), at least 1.
    @usableFromInline package static var onlineProcessors: Int {
        min(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))), maxThreads)
    }
}
