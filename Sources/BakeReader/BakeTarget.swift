/// One target of a bake definition with what a build needs of it, after the blocks of every file were merged and
/// `inherits` applied, in buildx's `Target.Merge` order. Paths are as written (relative to the directory bake runs
/// in), `cwd://` included; nil means the attribute is not set (bake's defaults: context `.`, `Dockerfile`).
package struct BakeTarget: Sendable, Equatable {
    /// Where a value was written.
    package struct Location: Sendable, Equatable, Hashable {
        package let file: String
        package let line: Int

        package init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    package let name: String
    /// The target's first block.
    package var location: Location
    package var context: String?
    package var contextLocation: Location?
    package var dockerfile: String?
    package var dockerfileInline: String?
    /// The stage to build.
    package var target: String?
    /// Build arguments; a null argument (unset) is left out, as buildx leaves it out.
    package var args: [String: String] = [:]
    /// Named contexts, name → value as written (a path, `target:x`, `docker-image://...`, a URL); empty values are
    /// dropped, as buildx's `normalize` drops them.
    package var contexts: [String: String] = [:]
    package var contextLocations: [String: Location] = [:]
    /// The targets it inherits from, in order (before they were applied).
    package var inherits: [String] = []

    package init(name: String, location: Location) {
        self.name = name
        self.location = location
    }

    /// `other`'s attributes over these, as buildx's `Target.Merge`: scalars replace, `args` and `contexts` merge by
    /// key, `inherits` append.
    mutating func merge(_ other: BakeTarget) {
        if let context = other.context {
            self.context = context
            contextLocation = other.contextLocation
        }
        if let dockerfile = other.dockerfile { self.dockerfile = dockerfile }
        if let inline = other.dockerfileInline { dockerfileInline = inline }
        if let target = other.target { self.target = target }
        args.merge(other.args) { $1 }
        contexts.merge(other.contexts) { $1 }
        contextLocations.merge(other.contextLocations) { $1 }
        inherits += other.inherits
    }
}
