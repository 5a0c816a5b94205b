/// A service's `build:` section as one compose file declares it, mergeable as compose merges a later file (an
/// override, `-f`, an `extends:` or an `include:`) over an earlier one: `services.*.build` is merged key by key,
/// `args` and `additional_contexts` by name, and `!reset` / `!override` tags remove or replace a value.
package struct ComposeBuild: Sendable, Equatable {
    /// One value with the place it is written and the variables it named that have no value.
    package struct Field: Sendable, Equatable {
        /// The interpolated value; nil only for an `args` entry without `=` (taken from the variables).
        package var value: String?
        package var file: String
        package var line: Int
        package var unset: [String] = []
    }

    /// The keys whose value a `!reset` tag removes.
    package enum Key: String, Sendable, CaseIterable {
        case context, dockerfile, target, args
        case dockerfileInline = "dockerfile_inline"
        case additionalContexts = "additional_contexts"
    }

    /// The context: as written while parsing, an absolute path once the loader resolved a local one.
    package var context: Field?
    /// Relative to the context, as written.
    package var dockerfile: Field?
    package var dockerfileInline: Field?
    package var target: Field?
    package var args: [String: Field] = [:]
    /// Name → context: as written while parsing, an absolute path once the loader resolved a local one.
    package var additionalContexts: [String: Field] = [:]
    /// Where the `build:` key is written.
    package var file: String
    package var line: Int
    /// Keys a `!reset` tag removes from what earlier files declared.
    package var resets: Set<Key> = []
    /// Keys whose `!override` tag replaces what earlier files declared instead of merging.
    package var overrides: Set<Key> = []
    /// `build: !override ...`: the whole section replaces the earlier one.
    package var replacesAll = false

    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// This declaration merged over `base` (an earlier file's), as compose-go's `override.Merge` does.
    package func merged(over base: ComposeBuild?) -> ComposeBuild {
        guard let base, !replacesAll else { return cleared }
        var result = base
        result.file = file
        result.line = line
        for key in resets {
            switch key {
            case .context: result.context = nil
            case .dockerfile: result.dockerfile = nil
            case .dockerfileInline: result.dockerfileInline = nil
            case .target: result.target = nil
            case .args: result.args = [:]
            case .additionalContexts: result.additionalContexts = [:]
            }
        }
        if let context { result.context = context }
        if let dockerfile { result.dockerfile = dockerfile }
        if let dockerfileInline { result.dockerfileInline = dockerfileInline }
        if let target { result.target = target }
        result.args =
            overrides.contains(.args) ? args : result.args.merging(args) { _, later in later }
        result.additionalContexts =
            overrides.contains(.additionalContexts)
            ? additionalContexts : result.additionalContexts.merging(additionalContexts) { _, later in later }
        result.resets = []
        result.overrides = []
        result.replacesAll = false
        return result
    }

    /// The declaration without its merge instructions, once nothing earlier is left to merge over.
    private var cleared: ComposeBuild {
        var copy = self
        copy.resets = []
        copy.overrides = []
        copy.replacesAll = false
        return copy
    }

    /// The declaration with its local paths (context, local additional contexts) made absolute against `directory`,
    /// the working directory of the file that declares it, as compose-go's `ResolveRelativePaths` does.
    func resolvingPaths(in directory: String) -> ComposeBuild {
        var copy = self
        if let context, let value = context.value, !ComposeBuild.isRemote(value) {
            copy.context?.value = ComposeBuild.absolute(value, in: directory)
        }
        for (name, field) in additionalContexts {
            guard let value = field.value, ComposeBuild.isLocal(value) else { continue }
            copy.additionalContexts[name]?.value = ComposeBuild.absolute(value, in: directory)
        }
        return copy
    }

    /// Every variable named by the values that remain, sorted, once.
    var unsetVariables: [String] {
        var names: [String] = []
        for field in [context, dockerfile, dockerfileInline, target].compactMap({ $0 }) { names += field.unset }
        for field in args.values { names += field.unset }
        for field in additionalContexts.values { names += field.unset }
        return Array(Set(names)).sorted()
    }

    /// `path` made absolute against `directory` and lexically cleaned.
    static func absolute(_ path: String, in directory: String) -> String {
        BuildContext.lexicallyCleaned(path.hasPrefix("/") ? path : BuildContext.joined(directory, path))
    }

    /// A build context no local walk can see (``NamedBuildContext/isRemote(_:)``).
    static func isRemote(_ context: String) -> Bool { NamedBuildContext.isRemote(context) }

    /// An `additional_contexts` value naming a local directory (``NamedBuildContext/isRemote(_:)``).
    static func isLocal(_ value: String) -> Bool { !value.isEmpty && !NamedBuildContext.isRemote(value) }
}
