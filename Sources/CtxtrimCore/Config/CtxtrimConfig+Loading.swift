extension CtxtrimConfig {
    /// The default config file name, at the context root.
    package static let fileName = ".ctxtrim.yml"

    /// Reads `explicitPath` (which must exist) or else `CONTEXT/.ctxtrim.yml` when present; defaults otherwise.
    /// Check ids are validated against the configurable ids of `CheckCatalog`.
    package static func load(for context: BuildContext, explicitPath: String?) throws -> CtxtrimConfig {
        let path = explicitPath ?? BuildContext.joined(context.root, fileName)
        let origin: InputFile.Origin = explicitPath == nil ? .tree(root: context.root) : .user
        guard let bytes = try InputFile.read(path, kind: .config, origin: origin) else {
            if let explicitPath {
                throw ContextError(
                    code: .unreadableFile, path: explicitPath,
                    message: "config file '\(explicitPath)' does not exist", fix: "check the --config path")
            }
            return CtxtrimConfig()
        }
        return try parse(
            String(decoding: bytes, as: UTF8.self), source: context.relativePath(of: path) ?? path)
    }

    /// Reads `explicitPath` (which must exist) or else `DIRECTORY/.ctxtrim.yml` when present; defaults otherwise.
    /// `--all` reads the repository root's file this way for its `discovery` section.
    package static func load(directory: String, explicitPath: String?) throws -> CtxtrimConfig {
        let path = explicitPath ?? BuildContext.joined(directory, fileName)
        let origin: InputFile.Origin = explicitPath == nil ? .tree(root: directory) : .user
        guard let bytes = try InputFile.read(path, kind: .config, origin: origin) else {
            if let explicitPath {
                throw ContextError(
                    code: .unreadableFile, path: explicitPath,
                    message: "config file '\(explicitPath)' does not exist", fix: "check the --config path")
            }
            return CtxtrimConfig()
        }
        return try parse(String(decoding: bytes, as: UTF8.self), source: explicitPath ?? fileName)
    }
}
