import UntrustedText

/// `ls --format make`: the files the context sends as one Makefile variable of prerequisites, so `make` remakes an
/// image only when something docker build would send changed:
///
///     include ctxtrim.mk        # ctxtrim ls --format make > ctxtrim.mk
///     image.stamp: $(CTXTRIM_CONTEXT_FILES)
///     	docker build -t app . && touch $@
///
/// Regular files and symlinks, each with the context directory in front as the user named it (none for `.`), so the
/// paths hold from where `ls` ran. A name make cannot hold (``MakefileText``) is left out with a warning.
package struct MakeReporter: Reporter {
    /// The variable the prerequisites are assigned to.
    package static let variable = "CTXTRIM_CONTEXT_FILES"

    package init() {}

    package var name: String { "make" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { kind == .listing }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        guard case .listing(let listing) = outcome else { return Rendering(output: []) }
        var root = LosslessUTF8.encode(listing.root)
        while root.count > 1 && root.last == UInt8(ascii: "/") { root.removeLast() }
        let prefix: [UInt8] = root.isEmpty || root == [UInt8(ascii: ".")] ? [] : root + [UInt8(ascii: "/")]
        var lines: [[UInt8]] = []
        var messages = outcome.warnings
        for entry in listing.entries where entry.kind == .file || entry.kind == .symlink {
            guard let name = MakefileText.escape(prefix + entry.path) else {
                messages.append(
                    "ctxtrim: warning: \(TerminalText.escape(entry.pathText)) is left out of the make prerequisites: "
                        + "make cannot name it (a control character, `;` or a trailing backslash)")
                continue
            }
            lines.append(name)
        }
        var out = Array("# The files docker build sends, from `ctxtrim ls --format make`.\n\(Self.variable) :=".utf8)
        for line in lines { out += Array(" \\\n\t".utf8) + line }
        out.append(10)
        return Rendering(output: out, messages: messages)
    }
}
