import FuzzSupport

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzEntry.testOneInput(data, size, BakeFuzzTarget.check)
    }

    /// The executable's `main` under SwiftPM's `--defsym main=fuzz_bake_main`: hands over to libFuzzer.
    @_cdecl("fuzz_bake_main")
    func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        FuzzEntry.runLibFuzzer(argc, argv, testOneInput)
    }
#else
    /// Without libFuzzer: replays the files and directories given as arguments through the same check.
    @main enum Replay {
        static func main() { FuzzEntry.replay(CommandLine.arguments.dropFirst(), BakeFuzzTarget.check) }
    }
#endif
