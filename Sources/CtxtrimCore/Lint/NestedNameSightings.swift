import DockerIgnore

/// Entries below the context root whose name is a bare name the ignore file uses (`node_modules`, `.env`), and
/// nested `.dockerignore` files: the walk facts behind `ignore-root-only-name` and `ignore-file-in-subdirectory`.
///
/// Feed `record(path:isTracked:)` for each entry the walk sends, with `isTracked` true when git tracks it (a directory
/// holding tracked files counts as tracked). Only entries below the root whose last component is watched cost more
/// than one set lookup. Filled per walker thread, then merged; results are sorted, so they do not depend on order.
package struct NestedNameSightings: Sendable, Equatable {
    /// One watched name seen below the root.
    package struct Sighting: Sendable, Equatable {
        /// How many sent, untracked entries below the root have this name.
        package var count = 0
        /// The smallest such path, for the message.
        package var example: String
    }

    /// The file name Docker reads only at the context root.
    package static let ignoreFileName = ".dockerignore"

    /// Bare names the ignore file excludes (see `RootOnlyNameCheck.bareName(of:)`).
    package let watchedNames: Set<String>
    /// Watched names seen below the root, by name.
    package private(set) var sightings: [String: Sighting] = [:]
    private var nestedIgnoreFileSet: Set<String> = []

    /// Watches the bare names `file` excludes (none when there is no ignore file).
    package init(watching file: IgnoreFile?) {
        watchedNames = Set(file?.rules.compactMap(RootOnlyNameCheck.bareName(of:)) ?? [])
    }

    /// Records one sent entry.
    package mutating func record(path: String, isTracked: Bool) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let name = String(path[path.index(after: slash)...])
        if name == Self.ignoreFileName { nestedIgnoreFileSet.insert(path) }
        guard !isTracked, watchedNames.contains(name) else { return }
        note(name, count: 1, example: path)
    }

    /// Folds another walker thread's sightings into this one.
    package mutating func merge(_ other: NestedNameSightings) {
        for (name, sighting) in other.sightings { note(name, count: sighting.count, example: sighting.example) }
        nestedIgnoreFileSet.formUnion(other.nestedIgnoreFileSet)
    }

    /// `.dockerignore` files below the context root, sorted.
    package var nestedIgnoreFiles: [String] { nestedIgnoreFileSet.sorted() }

    private mutating func note(_ name: String, count: Int, example: String) {
        if var sighting = sightings[name] {
            sighting.count += count
            sighting.example = min(sighting.example, example)
            sightings[name] = sighting
        } else {
            sightings[name] = Sighting(count: count, example: example)
        }
    }
}
