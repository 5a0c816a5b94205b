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
}
