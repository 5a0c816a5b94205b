import UntrustedText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `ctxtrim fix` may write the ignore file, decided before anything is read or planned.
///
/// An ignore file in the context belongs to an untrusted tree (a pull request from a fork): its fully resolved path
/// must stay inside the resolved context root, so a symlink is written through only to a regular file in the context.
/// A trusted path (`--ignore-file`, or a `<Dockerfile>.dockerignore` beside a Dockerfile outside the context) may
/// lead anywhere. Either way only a regular file is replaced (or a new one created), and a read-only one only with
/// `force`.
package enum IgnoreFileTarget {
    /// The path `AtomicFile.write` should replace for the ignore file at `path` (absolute); `shown` names it in errors.
    package static func resolve(
        _ path: String, root: String, trusted: Bool, force: Bool, shownAs shown: String
    ) throws(AtomicFile.WriteError) -> String {
        var info = stat()
        var exists = true
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw AtomicFile.WriteError.failed("lstat", shown) }
            exists = false
        }
        let isLink = exists && info.st_mode & S_IFMT == S_IFLNK
        let linkText = isLink ? WritePath.linkText(path).map(TerminalText.escape) ?? "?" : ""

        let resolved: String
        if trusted {
            resolved = try OutputFile.finalTarget(of: path)
        } else {
            if exists {
                guard let real = WritePath.real(path) else {
                    guard isLink else { throw AtomicFile.WriteError.failed("realpath", shown) }
                    let code = errno
                    throw AtomicFile.WriteError(
                        code: .linkLeavesContext, path: shown,
                        message: "it is a symlink to `\(linkText)`, which does not resolve",
                        fix: "replace the link with the ignore file itself", call: "realpath", errno: code)
                }
                resolved = real
            } else {
                let directory = WritePath.directory(of: path)
                guard let real = WritePath.real(directory) else {
                    throw AtomicFile.WriteError.failed("realpath", shown)
                }
                resolved = (real == "/" ? "/" : real + "/") + WritePath.name(of: path)
            }
            guard WritePath.isInside(resolved, root: root), resolved != root else {
                let leadsTo = TerminalText.escape(resolved)
                throw AtomicFile.WriteError(
                    code: .linkLeavesContext, path: shown,
                    message: isLink
                        ? "it is a symlink to `\(linkText)`, which resolves to \(leadsTo), outside the context"
                        : "its directory leads outside the context, to \(leadsTo)",
                    fix: isLink
                        ? """
                        fix writes through a link only to a regular file inside the context: replace the link with \
                        the ignore file, or pass --ignore-file with the path you mean
                        """
                        : "pass --ignore-file with the path you mean")
            }
        }

        var target = stat()
        guard lstat(resolved, &target) == 0 else {
            guard errno == ENOENT else { throw AtomicFile.WriteError.failed("lstat", shown) }
            return resolved
        }
        let via = resolved == path ? "" : " (through the link, \(TerminalText.escape(resolved)))"
        let instead = trusted ? "name a regular file" : "replace it with one, or pass --ignore-file"
        guard target.st_mode & S_IFMT == S_IFREG else {
            throw AtomicFile.WriteError(
                code: target.st_mode & S_IFMT == S_IFDIR ? .isDirectory : .notRegularFile, path: shown,
                message: "it is \(WritePath.kindName(target.st_mode))\(via), not a regular file",
                fix: "fix writes only a regular ignore file: \(instead)")
        }
        let mode = target.st_mode & 0o7777
        if !force, mode & S_IWUSR == 0 || access(resolved, W_OK) != 0 {
            throw AtomicFile.WriteError(
                code: .readOnly, path: shown,
                message: "it is read-only (mode 0\(String(mode, radix: 8)))\(via)",
                fix: "pass --force to replace it, keeping its mode")
        }
        return resolved
    }

    /// Whether the ignore file at `path` belongs to the context: its path, as written or with its directory resolved,
    /// lies in the context root.
    static func liesInContext(_ path: String, context: BuildContext) -> Bool {
        let lexical = BuildContext.lexicallyCleaned(path)
        let roots = [context.root, BuildContext.absolute(context.givenRoot)]
        if roots.contains(where: { WritePath.isInside(lexical, root: $0) }) { return true }
        guard let directory = WritePath.real(WritePath.directory(of: path)) else { return false }
        return WritePath.isInside(directory, root: context.root)
    }
}
