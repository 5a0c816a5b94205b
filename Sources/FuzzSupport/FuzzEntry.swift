#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fuzz target's property: `nil` when the input behaved, else what went wrong. Crashes are findings too.
package typealias FuzzCheck = @Sendable (UnsafeRawBufferPointer) -> String?

/// What every fuzz executable shares: the libFuzzer callback and driver (built with `-DFUZZING`), and the replay
/// `main` of an ordinary build, which runs files and directories through the same check.
package enum FuzzEntry {
    /// Runs `check` on one input and crashes on a property violation, so libFuzzer records the input.
    package static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: FuzzCheck) -> CInt {
        if let failure = check(UnsafeRawBufferPointer(start: data, count: size)) {
            fatalError("property violated: \(failure)")
        }
        return 0
    }

    /// Replays every file named by `arguments` (directories recursively) through `check`; exits 1 on a violation.
    package static func replay(_ arguments: some Sequence<String>, _ check: FuzzCheck) -> Never {
        var count = 0
        var failures = 0
        for argument in arguments {
            for file in FuzzCorpus.files(at: argument) {
                count += 1
                guard let bytes = FuzzCorpus.contents(of: file) else {
                    report("cannot read \(file)")
                    failures += 1
                    continue
                }
                if let failure = bytes.withUnsafeBytes(check) {
                    report("\(file): property violated: \(failure)")
                    failures += 1
                }
            }
        }
        report("replayed \(count) inputs, \(failures) failed")
        exit(failures == 0 ? 0 : 1)
    }

    private static func report(_ line: String) {
        let text = Array((line + "\n").utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    #if FUZZING
        /// libFuzzer's own driver: parses `-runs=`, `-max_len=` and corpus directories, then calls `callback`.
        ///
        /// SwiftPM links executables with `--defsym main=<module>_main`, so each target defines that symbol and calls this
        /// instead of relying on libFuzzer's `main`.
        package static func runLibFuzzer(
            _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
            _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
        ) -> CInt {
            var count = argc
            var values = argv
            return LLVMFuzzerRunDriver(&count, &values, callback)
        }
    #endif
}

#if FUZZING
    /// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size))`.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
