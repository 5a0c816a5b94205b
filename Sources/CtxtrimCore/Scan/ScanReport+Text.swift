import GitClassifier
import UntrustedText

extension ScanReport {
    /// One named context's line: its directory and ignore file, what is sent and transferred of it; a remote one
    /// says it sends nothing from here.
    func namedContextLine(_ named: NamedContextUsage, _ style: TextStyle) -> String {
        guard named.local, let path = named.path else {
            return shown(named.value ?? "") + style.dim("  (not local: BuildKit fetches it, nothing is sent from here)")
        }
        guard named.read, let sent = named.sent, let transferred = named.transferred else {
            return shown(path) + style.dim("  (not read by the target: nothing of it is transferred)")
        }
        let ignore = named.ignoreFile.map { "ignore file \(shown($0))" } ?? "no ignore file"
        return shown(path) + "  " + ignore + "  sent " + ByteCount.format(sent.bytes) + " · transferred "
            + ByteCount.format(transferred.bytes) + " in " + TextLayout.count(transferred.files, "file")
    }

    /// What colours a sent entry's bar: the treemap's class (``MapClassifier``), `sent` without findings.
    func mapClass(of path: String) -> MapClass { classifier?.classOfSent(path) ?? .sent }

    /// The human report: what is sent, what is kept out, where the bytes are, with bars; colour per `style`.
    package func text(style: TextStyle) -> String {
        var out: [String] = []
        let ignore =
            context.ignoreFile.map { "\(shown($0)) (\(TextLayout.count(context.patterns, "pattern")))" } ?? "none"
        out.append(style.bold("ctxtrim scan") + "  context \(shown(context.root))")
        out.append(
            "  Dockerfile   \(shown(context.dockerfile))\(context.dockerfileExists ? "" : style.yellow(" (missing)"))")
        out.append("  ignore file  \(ignore)")
        if let shadowed = context.shadowedIgnoreFile {
            out.append(style.yellow("  \(shown(shadowed)) is inactive: \(shown(context.ignoreFile ?? "")) replaces it"))
        }
        out.append("")

        let sentLine =
            [
                TextLayout.count(sent.files, "file"), TextLayout.count(sent.directories, "dir"),
                TextLayout.count(sent.symlinks, "symlink"),
            ] + (sent.others > 0 ? [TextLayout.count(sent.others, "other")] : [])
        out.append(style.bold("Sent to the builder  ") + padSize(sent.bytes) + "  " + sentLine.joined(separator: " · "))
        var keptOut =
            "Kept out             " + padSize(excluded.bytes) + "  "
            + TextLayout.count(excluded.files, "file")
        if !excludedMeasured && skippedDirectories > 0 {
            keptOut += style.dim(
                " (+ \(TextLayout.count(skippedDirectories, "skipped directory", "skipped directories")), not measured)"
            )
        }
        out.append(context.ignoreFile == nil ? style.dim("Kept out             nothing (no ignore file)") : keptOut)

        if let build {
            if let error = build.error {
                out.append(style.red("Dockerfile not understood: \(shown(error))"))
            } else {
                let percent =
                    sent.bytes == 0 ? 100 : Int((Double(build.transferred.bytes) / Double(sent.bytes) * 100).rounded())
                var line =
                    style.bold("Transferred          ") + padSize(build.transferred.bytes) + "  "
                    + TextLayout.count(build.transferred.files, "file")
                if let rootLine = build.rootSourceLine {
                    line += style.dim("  (everything: the Dockerfile copies the whole context, line \(rootLine))")
                } else {
                    line += style.dim(
                        "  (\(percent)% of what is sent: only what the Dockerfile's \(TextLayout.count(build.sources, "source")) name)"
                    )
                }
                out.append(line)
                if build.rootSourceLine != nil, !build.copyAllOnly.isEmpty {
                    out.append("  pulled in only by copying the whole context:")
                    for entry in build.copyAllOnly.prefix(5) {
                        out.append(
                            "    \(TextLayout.padRight(shown(entry.path), 24)) \(padSize(entry.bytes))  \(TextLayout.count(entry.files, "file"))"
                        )
                    }
                }
            }
        }
        if !namedContexts.isEmpty {
            out.append("")
            out.append(style.bold("Named contexts"))
            let width = min(24, namedContexts.map { shown($0.name).count }.max() ?? 0)
            for named in namedContexts {
                out.append("  " + TextLayout.padRight(shown(named.name), width) + "  " + namedContextLine(named, style))
            }
            let total = totalTransferred
            out.append(
                style.bold("Transferred in all   ") + padSize(total.bytes) + "  "
                    + TextLayout.count(total.files, "file")
                    + style.dim("  (the context and its named contexts)"))
        }
        if !largestDirectories.isEmpty {
            out.append("")
            out.append(style.bold("Largest directories sent"))
            let maximum = largestDirectories.map(\.bytes).max() ?? 0
            let width = min(48, largestDirectories.map { shown($0.path).count + 1 }.max() ?? 0)
            for directory in largestDirectories {
                out.append(
                    "  " + TextLayout.padRight(TextLayout.elided(shown(directory.path) + "/", width), width) + "  "
                        + padSize(directory.bytes) + "  "
                        + TextLayout.padLeft(TextLayout.count(directory.files, "file"), 13) + "  "
                        + style.bar(TextLayout.bar(directory.bytes, of: maximum), mapClass(of: directory.path)))
            }
        }
        if !largestFiles.isEmpty {
            out.append("")
            out.append(style.bold("Largest files sent"))
            let maximum = largestFiles.map(\.bytes).max() ?? 0
            let width = min(56, largestFiles.map { shown($0.path).count }.max() ?? 0)
            for file in largestFiles {
                out.append(
                    "  " + TextLayout.padRight(TextLayout.elided(shown(file.path), width), width) + "  "
                        + padSize(file.bytes)
                        + "  " + style.bar(TextLayout.bar(file.bytes, of: maximum), mapClass(of: file.path)))
            }
        }
        if !extensions.isEmpty {
            out.append("")
            out.append(style.bold("Bytes by extension"))
            let width = min(16, extensions.map { shown($0.name).count }.max() ?? 0)
            let maximum = extensions.map(\.bytes).max() ?? 0
            for usage in extensions {
                out.append(
                    "  " + TextLayout.padRight(shown(usage.name), width) + "  " + padSize(usage.bytes) + "  "
                        + TextLayout.padLeft(TextLayout.count(usage.files, "file"), 13) + "  "
                        + style.cyan(TextLayout.bar(usage.bytes, of: maximum)))
            }
        }
        if let git {
            out.append("")
            if let repository = git.repository {
                out.append(style.bold("Git") + style.dim(" (repository at \(shown(repository)))"))
                let maximum = git.classes.values.map(\.bytes).max() ?? 0
                for gitClass in GitClass.allCases {
                    let usage = git.classes[gitClass] ?? ScanReport.ClassUsage()
                    out.append(
                        "  " + TextLayout.padRight(gitClass.rawValue, 10) + padSize(usage.bytes) + "  "
                            + TextLayout.padLeft(TextLayout.count(usage.files, "file"), 13) + "  "
                            + style.cyan(TextLayout.bar(usage.bytes, of: maximum)))
                }
                if !git.largestIgnored.isEmpty {
                    out.append("  largest git-ignored directories sent:")
                    for directory in git.largestIgnored.prefix(5) {
                        out.append("    \(shown(directory.path))/  \(ByteCount.format(directory.bytes))")
                    }
                }
            } else {
                out.append(style.bold("Git") + style.dim("  none: the context is not inside a git repository"))
            }
        }
        if !findings.isEmpty {
            out.append("")
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : TextLayout.count(count, severity.rawValue)
            }
            out.append(style.bold("Findings") + "  " + counts.joined(separator: ", "))
            let ordered = findings.sorted(by: FindingOrder.worstFirst)
            for finding in ordered {
                let label: String
                switch finding.severity {
                case .error: label = style.red("error  ")
                case .warning: label = style.yellow("warning")
                case .info: label = style.dim("info   ")
                }
                let location = shown(finding.line.map { "\(finding.path):\($0)" } ?? finding.path)
                let size = finding.bytes > 0 ? style.dim(" (\(ByteCount.format(finding.bytes)))") : ""
                out.append("  \(label) \(style.bold(finding.check.rawValue))  \(location)\(size)")
                out.append("          \(shown(finding.message))")
            }
        }
        if !diagnostics.isEmpty {
            out.append("")
            out.append(style.bold("Diagnostics") + style.dim(" (the walk went on)"))
            for diagnostic in diagnostics.prefix(20) {
                out.append(
                    "  \(style.yellow(diagnostic.kind))  \(shown(diagnostic.path)): \(shown(diagnostic.message))")
            }
            if diagnostics.count > 20 {
                out.append(style.dim("  … \(diagnostics.count - 20) more (see --format json)"))
            }
        }
        if let shrink, shrink.changesAnything {
            out.append("")
            out.append(
                style.bold("Suggestion")
                    + "  `ctxtrim fix` would add \(TextLayout.count(shrink.patterns, "pattern")) and shrink the context:"
            )
            out.append(shrink.text(style: style).trimmingCharacters(in: "\n"))
        }
        out.append("")
        out.append(
            style.dim(
                "Walked in \(Self.seconds(walkSeconds)) with \(TextLayout.count(threads, "thread"))"
                    + (excludedMeasured ? "; excluded directories measured" : "")))
        if let profile { out += ["", profile.text(style: style)] }
        return out.joined(separator: "\n") + "\n"
    }

    /// Untrusted text (names, messages) as the terminal may show it.
    private func shown(_ text: String) -> String { TerminalText.escape(text) }

    private func padSize(_ bytes: Int64) -> String {
        TextLayout.padLeft(ByteCount.format(bytes), 10)
    }

    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        return millis < 1000 ? "\(millis) ms" : "\(millis / 1000).\(String(format2: (millis % 1000) / 10)) s"
    }
}

extension String {
    /// Two-digit zero-padded decimal.
    fileprivate init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
