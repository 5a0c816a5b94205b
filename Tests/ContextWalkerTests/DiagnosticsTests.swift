import ContextWalker
import Testing

#if canImport(Glibc)
    import Glibc
#endif

private let sendAll = RuleFilter()

@Suite("Soft problems become diagnostics and the walk goes on")
struct DiagnosticsTests {
    @Test("A FIFO is visited as 'other' and reported; a non-UTF-8 name is visited with its raw bytes and reported")
    func fifoAndNonUTF8Name() throws {
        let tree = try TestTree()
        tree.fifo("pipe")
        tree.file([0x66, 0xFF], size: 3)
        tree.file("ok", size: 1)
        for options in [WalkOptions.serial(), WalkOptions(threads: 2)] {
            let (visitor, totals) = try record(tree, filter: sendAll, options: options)
            #expect(
                visitor.visits.sorted() == [
                    "f\\xff f size=3 depth=1 sent name=f\\xff",
                    "ok f size=1 depth=1 sent name=ok",
                    "pipe o size=0 depth=1 sent name=pipe",
                ])
            #expect(
                Set(visitor.diagnostics) == [
                    WalkDiagnostic(path: Array("pipe".utf8), kind: .specialFile),
                    WalkDiagnostic(path: [0x66, 0xFF], kind: .nonUTF8Name),
                ])
            #expect(totals.sentOther == 1)
            #expect(totals.sentFiles == 2)
        }
    }

    @Test(
        "A failing directory call is a diagnostic, the directory is summarised as unreadable and the walk goes on",
        arguments: [
            ("openat", EACCES, WalkDiagnostic.Kind.unreadableDirectory),
            ("getdents64", EACCES, .unreadableDirectory),
            ("openat", EPERM, .unreadableDirectory),
            ("openat", ENOENT, .vanished),
            ("openat", ELOOP, .symlinkLoop),
            ("openat", ENOTDIR, .notADirectory),
            ("getdents64", EIO, .systemError),
        ])
    func failingDirectory(syscall: String, code: Int32, kind: WalkDiagnostic.Kind) throws {
        let tree = try TestTree()
        tree.directory("app")
        tree.file("app/main.go", size: 5)
        tree.directory("app/sub")
        tree.file("z", size: 2)
        let calls = InjectingSystemCalls(faults: [.init(syscall: syscall, path: "app"): code])
        for options in [WalkOptions.serial(), WalkOptions(threads: 2)] {
            let (visitor, totals) = try record(tree, filter: sendAll, options: options, calls: calls)
            #expect(
                visitor.visits.sorted() == ["app d size=0 depth=1 sent name=app", "z f size=2 depth=1 sent name=z"])
            #expect(
                visitor.diagnostics == [
                    WalkDiagnostic(path: Array("app".utf8), kind: kind, syscall: syscall, errno: code)
                ])
            #expect(
                visitor.finishes == [
                    "app sent entered sent=true readable=false files=0 dirs=0 links=0 other=0 bytes=0 xfiles=0 xdirs=0"
                        + " xbytes=0 unreadable=0"
                ])
            #expect(totals.unreadableDirectories == 1)
            #expect(totals.sentFiles == 1)
        }
    }

    @Test("A file that vanishes between readdir and stat is reported and not visited")
    func vanishedFile() throws {
        let tree = try TestTree()
        tree.file("gone", size: 4)
        tree.file("here", size: 1)
        let calls = InjectingSystemCalls(faults: [.init(syscall: "fstatat", path: "gone"): ENOENT])
        let (visitor, totals) = try record(tree, filter: sendAll, options: .serial(), calls: calls)
        #expect(visitor.visits == ["here f size=1 depth=1 sent name=here"])
        #expect(
            visitor.diagnostics == [
                WalkDiagnostic(path: Array("gone".utf8), kind: .vanished, syscall: "fstatat", errno: ENOENT)
            ])
        #expect(totals.sentBytes == 1)
    }

    @Test("A branch deeper than PATH_MAX is walked to the bottom and reported once")
    func pathLongerThanPathMax() throws {
        let tree = try TestTree()
        tree.directory("deep")
        let name = String(repeating: "n", count: 30)
        tree.nestedDirectories(under: "deep", levels: 150, name: name, leafSize: 9)
        for options in [WalkOptions.serial(), WalkOptions(threads: 2)] {
            let (visitor, totals) = try record(tree, filter: sendAll, options: options)
            #expect(visitor.visits.count == 152)
            #expect(visitor.diagnostics.count == 1)
            #expect(visitor.diagnostics.first?.kind == .pathTooLong)
            #expect(tree.root.utf8.count + 1 + (visitor.diagnostics.first?.path.count ?? 0) >= Int(PATH_MAX))
            #expect(visitor.visits.contains { $0.contains("leaf f size=9 depth=152") })
            #expect(totals.sentDirectories == 151)
            #expect(visitor.finishes.count == 151)
        }
    }

    @Test(
        "Readability of regular files follows the mode bits for the walking user",
        arguments: [
            (UInt32(0), [UInt32](), mode_t(0o000), true),
            (1000, [], 0o644, true),
            (1000, [], 0o640, false),
            (1000, [0], 0o640, true),
            (1000, [0], 0o604, false),
        ])
    func readability(user: UInt32, groups: [UInt32], mode: mode_t, readable: Bool) throws {
        let tree = try TestTree()
        tree.file("f", size: 1, mode: mode)
        let calls = InjectingSystemCalls(
            credentials: Credentials(user: user, group: 1000, supplementaryGroups: groups))
        let (visitor, _) = try record(tree, filter: sendAll, options: .serial(), calls: calls)
        #expect(visitor.visits == ["f f size=1 depth=1 sent" + (readable ? "" : " unreadable") + " name=f"])
    }
}
