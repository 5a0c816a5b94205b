import DockerIgnore

/// The plain BuildKit-style walk the ignore engine is checked against, shared by the property tests and the
/// `fuzz-ignore` target so both compare with one copy.
///
/// It walks a tree built from file paths, deciding every entry with `IgnoreMatcher.decide` from its parent's state
/// and skipping what Docker prunes. With `skipProvenEmpty` it also skips directories `nothingSentBelow` proves
/// empty, which must never change what is sent.
package enum ReferenceIgnoreWalk {
    /// A directory tree built from file paths: children sorted bytewise like `filepath.WalkDir`.
    package final class Directory {
        package var files: Set<String> = []
        package var directories: [String: Directory] = [:]

        package init() {}

        /// Adds the file at `components`; a path through an existing file, or onto an existing directory, is dropped.
        package func add(_ components: ArraySlice<String>) {
            guard let first = components.first else { return }
            if components.count == 1 {
                if directories[first] == nil { files.insert(first) }
            } else if !files.contains(first) {
                let child = directories[first] ?? Directory()
                directories[first] = child
                child.add(components.dropFirst())
            }
        }

        /// Every file in the tree as a `/`-separated path, sorted.
        package func filePaths(prefix: String = "") -> [String] {
            var paths = files.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
            for (name, child) in directories {
                paths += child.filePaths(prefix: prefix.isEmpty ? name : prefix + "/" + name)
            }
            return paths.sorted()
        }
    }

    /// The files the walk sends, in walk order; `nil` when the walk hits a match-time error. `skips` counts the
    /// directories skipped beyond Docker's own pruning.
    package static func sentFiles(
        _ matcher: IgnoreMatcher, _ root: Directory, skipProvenEmpty: Bool, skips: inout Int
    ) -> [String]? {
        var sent: [String] = []
        var skipped = 0
        defer { skips += skipped }
        func walk(_ directory: Directory, _ prefix: String, _ state: ParentMatches) throws(IgnoreError) {
            let names = (Array(directory.files) + Array(directory.directories.keys)).sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            }
            for name in names {
                let path = prefix.isEmpty ? name : prefix + "/" + name
                if let child = directory.directories[name] {
                    let decision = try matcher.decide(path, isDirectory: true, parent: state)
                    if decision.dockerPrunes { continue }
                    if skipProvenEmpty, matcher.nothingSentBelow(directory: path, state: decision.state) {
                        skipped += 1
                        continue
                    }
                    try walk(child, path, decision.state)
                } else if try !matcher.decide(path, isDirectory: false, parent: state).excluded {
                    sent.append(path)
                }
            }
        }
        do throws(IgnoreError) {
            try walk(root, "", .root)
        } catch {
            return nil
        }
        return sent
    }

    /// A matcher answer as comparable text: the value, or the error's class (code and line).
    package static func outcome(_ body: () throws(IgnoreError) -> String) -> String {
        do throws(IgnoreError) { return try body() } catch { return "error \(error.code) line \(error.line)" }
    }
}
