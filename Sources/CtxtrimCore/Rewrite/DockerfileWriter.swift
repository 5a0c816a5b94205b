import UntrustedText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a verified ``DockerfileRewrite`` over the Dockerfile it was made from, never losing the user's file: the
/// path must be a regular file (a symlink only to a regular file inside the context, when the Dockerfile lies in
/// it), unchanged since it was read; `keepOriginal` first writes the old bytes to `<Dockerfile>.orig`, refusing to
/// replace one that exists; the new text replaces the file atomically (``AtomicFile``, mode kept) and is read back.
package enum DockerfileWriter {
    /// What was written: the Dockerfile, and the copy of the original when one was kept.
    package struct Written: Sendable, Equatable {
        package var path: String
        package var original: String?
    }

    package static func write(
        _ rewrite: DockerfileRewrite, context: BuildContext, keepOriginal: Bool
    ) throws -> Written {
        let shown = context.dockerfileDisplayPath
        let target = try resolve(context: context)
        let current = try InputFile.read(target, kind: .dockerfile, origin: .user)
        guard let current, String(decoding: current, as: UTF8.self) == rewrite.original else {
            throw RewriteWriteError(
                code: .changed, message: "\(TerminalText.escape(shown)) changed since it was read; nothing was written",
                fix: "run fix --dockerfile again")
        }
        var kept: String?
        if keepOriginal {
            let original = target + ".orig"
            var info = stat()
            if lstat(original, &info) == 0 {
                throw RewriteWriteError(
                    code: .originalExists,
                    message: "\(TerminalText.escape(shown)).orig exists; nothing was written",
                    fix: "move it away, or leave out --keep-original")
            }
            try AtomicFile.write(current, to: original)
            kept = original
        }
        let updated = Array(rewrite.text.utf8)
        try AtomicFile.write(updated, to: target)
        let back = try InputFile.read(target, kind: .dockerfile, origin: .user)
        if back != updated {
            try AtomicFile.write(current, to: target)
            throw RewriteWriteError(
                code: .changed,
                message: "\(TerminalText.escape(shown)) changed while it was written; the original was put back",
                fix: "run fix --dockerfile again once nothing else writes the file")
        }
        return Written(path: target, original: kept)
    }

    /// The regular file to replace: the Dockerfile itself, or the file a symlink leads to when that stays inside
    /// the context (a Dockerfile outside the context was named by the user and may link anywhere).
    private static func resolve(context: BuildContext) throws -> String {
        let path = context.dockerfile
        let shown = TerminalText.escape(context.dockerfileDisplayPath)
        guard let real = WritePath.real(path) else {
            throw RewriteWriteError(
                code: .linkLeavesContext, message: "\(shown) does not resolve to a file; nothing was written")
        }
        let inContext =
            WritePath.isInside(BuildContext.lexicallyCleaned(path), root: context.root)
            || WritePath.real(WritePath.directory(of: path)).map { WritePath.isInside($0, root: context.root) } == true
        if inContext, !WritePath.isInside(real, root: context.root) {
            throw RewriteWriteError(
                code: .linkLeavesContext,
                message:
                    "\(shown) is a symlink to \(TerminalText.escape(real)), outside the context; nothing was written",
                fix: "replace the link with the Dockerfile itself, or pass -f with the file you mean")
        }
        var info = stat()
        guard lstat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw RewriteWriteError(
                code: .notRegularFile,
                message: "\(shown) is \(WritePath.kindName(info.st_mode)), not a regular file; nothing was written")
        }
        return real
    }
}
