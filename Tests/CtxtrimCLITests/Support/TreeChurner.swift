import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Changes a tree on its own thread while something walks it: deletes files, creates files, swaps a file for a FIFO
/// of the same name, a directory for a symlink and a symlink for a directory. It keeps a model of the tree (it is the
/// only thing changing it), and records what it did, so a test can bound what a walk may have seen.
///
/// The tree: top-level directories of regular files and top-level symlinks, below `context`; directories swapped
/// out are moved (one rename) to `graveyard`, outside the context.
final class TreeChurner: @unchecked Sendable {
    /// What one run changed.
    struct Tally {
        var operations = 0
        var removedFiles = 0
        var createdFiles = 0
        var removedFIFOs = 0
        var createdFIFOs = 0
    }

    private let context: RawDirectory
    private let graveyard: RawDirectory
    private var random: SplitMix64
    /// What is in one real top-level directory.
    private struct Directory {
        var files: [String]
        var fifos = 0
    }

    /// Real top-level directories, by name.
    private var directories: [String: Directory] = [:]
    /// Their names, sorted, for reproducible random choices.
    private var directoryNames: [String] = []
    private var links: [String] = []
    private var counter = 0
    private var tally = Tally()
    /// Every path removed or replaced so far (a directory stands for everything below it).
    private(set) var touched: Set<String> = []
    /// Every path that has been a FIFO.
    private(set) var fifoPaths: Set<String> = []
    private let lock = NSLock()
    private var stopping = false

    /// Regular files in the model, top-level ones (`rootFiles`) included.
    var fileCount: Int { rootFiles + directories.values.reduce(0) { $0 + $1.files.count } }
    var fifoCount: Int { directories.values.reduce(0) { $0 + $1.fifos } }
    private let rootFiles: Int

    /// Builds `directories` top-level directories of `filesPerDirectory` files each and `links` top-level links in
    /// `context`, which already holds `rootFiles` regular files of its own.
    init(
        context: RawDirectory, graveyard: RawDirectory, seeds: RawDirectory, directories count: Int,
        filesPerDirectory: Int, links linkCount: Int, rootFiles: Int, seed: UInt64
    ) throws {
        self.context = context
        self.graveyard = graveyard
        self.rootFiles = rootFiles
        random = SplitMix64(seed: seed)
        for index in 0..<count {
            let name = String(format: "d%02d", index)
            try context.directory(name).files(count: filesPerDirectory, prefix: "f", sizes: [1, 2, 3], seeds: seeds)
            directories[name] = Directory(files: (0..<filesPerDirectory).map { String(format: "f%06d", $0) })
            directoryNames.append(name)
        }
        for index in 0..<linkCount {
            let name = String(format: "l%02d", index)
            try context.symlink(name, to: "d00")
            links.append(name)
        }
    }

    /// Churns while `body` runs; returns what `body` returned and what the churn did meanwhile.
    func churn<T>(during body: () throws -> T) rethrows -> (T, Tally) {
        tally = Tally()
        stopping = false
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            while !isStopping {
                step()
                usleep(300)
            }
            finished.signal()
        }
        thread.start()
        let result: T
        do {
            result = try body()
        } catch {
            stop(waitingFor: finished)
            throw error
        }
        stop(waitingFor: finished)
        return (result, tally)
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func stop(waitingFor finished: DispatchSemaphore) {
        lock.lock()
        stopping = true
        lock.unlock()
        finished.wait()
    }

    /// One change; structural ones (a directory for a link and back) are rarer, so files remain to churn.
    private func step() {
        counter += 1
        tally.operations += 1
        switch counter % 200 {
        case 0: replaceDirectoryWithLink()
        case 100: replaceLinkWithDirectory()
        default:
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4: deleteFile()
            case 4..<8: createFile()
            default: replaceFileWithFIFO()
            }
        }
    }

    /// Takes a random file out of the model: a random directory's, if it holds any.
    private func takeRandomFile() -> (directory: String, name: String)? {
        guard let directory = directoryNames.randomElement(using: &random), !directories[directory]!.files.isEmpty
        else { return nil }
        let files = directories[directory]!.files
        let index = Int.random(in: 0..<files.count, using: &random)
        directories[directory]!.files.swapAt(index, files.count - 1)
        return (directory, directories[directory]!.files.removeLast())
    }

    private func deleteFile() {
        guard let (directory, name) = takeRandomFile() else { return }
        let path = directory + "/" + name
        precondition(unlinkat(context.descriptor, path, 0) == 0, "unlink \(path): errno \(errno)")
        touched.insert(path)
        tally.removedFiles += 1
    }

    private func createFile() {
        guard let directory = directoryNames.randomElement(using: &random) else { return }
        let name = "n\(counter)"
        let file = openat(context.descriptor, directory + "/" + name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        precondition(file >= 0, "create \(directory)/\(name): errno \(errno)")
        close(file)
        directories[directory]!.files.append(name)
        tally.createdFiles += 1
    }

    private func replaceFileWithFIFO() {
        guard let (directory, name) = takeRandomFile() else { return }
        let path = directory + "/" + name
        precondition(unlinkat(context.descriptor, path, 0) == 0, "unlink \(path): errno \(errno)")
        precondition(mkfifoat(context.descriptor, path, 0o644) == 0, "mkfifo \(path): errno \(errno)")
        directories[directory]!.fifos += 1
        touched.insert(path)
        fifoPaths.insert(path)
        tally.removedFiles += 1
        tally.createdFIFOs += 1
    }

    /// Moves a directory out of the context in one rename and puts a symlink in its place: to `/`, to the context's
    /// parent, to itself, or to a sibling.
    private func replaceDirectoryWithLink() {
        guard directoryNames.count > 10 else { return }
        let name = directoryNames.remove(at: Int.random(in: 0..<directoryNames.count, using: &random))
        precondition(renameat(context.descriptor, name, graveyard.descriptor, "g\(counter)") == 0, "errno \(errno)")
        let targets = ["/", "..", name, "d00/../.."]
        precondition(symlinkat(targets[counter / 200 % targets.count], context.descriptor, name) == 0)
        let removed = directories.removeValue(forKey: name)!
        links.append(name)
        touched.insert(name)
        tally.removedFiles += removed.files.count
        tally.removedFIFOs += removed.fifos
    }

    /// Replaces a symlink with a directory of two new files.
    private func replaceLinkWithDirectory() {
        guard !links.isEmpty else { return }
        let name = links.remove(at: Int.random(in: 0..<links.count, using: &random))
        precondition(unlinkat(context.descriptor, name, 0) == 0 && mkdirat(context.descriptor, name, 0o755) == 0)
        var files: [String] = []
        for suffix in ["a", "b"] {
            let file = openat(context.descriptor, "\(name)/m\(counter)\(suffix)", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            precondition(file >= 0)
            close(file)
            files.append("m\(counter)\(suffix)")
        }
        directories[name] = Directory(files: files)
        directoryNames.append(name)
        directoryNames.sort()
        touched.insert(name)
        tally.createdFiles += files.count
    }

    /// Whether `path` was removed or replaced, or lies below a directory that was.
    func wasTouched(_ path: String) -> Bool {
        var prefix = Substring(path)
        while true {
            if touched.contains(String(prefix)) { return true }
            guard let slash = prefix.lastIndex(of: "/") else { return false }
            prefix = prefix[..<slash]
        }
    }
}
