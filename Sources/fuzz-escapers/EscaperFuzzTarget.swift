import CtxtrimCore
import Foundation
import FuzzSupport
import UntrustedText

/// Fuzzing of the escapers for untrusted text: whatever bytes a name, pattern or message holds, the escaped form
/// cannot act in its output format.
///
/// Input: any bytes, read as ``LosslessUTF8`` as paths are. Properties:
/// - terminal: no control, bidi-override or raw-byte scalar survives (no ESC, no new line);
/// - GitHub workflow commands: message and property have no CR or LF, so a command line built from them holds
///   exactly the `::` the writer put there; a property has no `:` or `,` either;
/// - Markdown: a code span's fence is longer than every backtick run inside (the content cannot close it); plain
///   text and `inline` have no `<` but the `<code>` tags `inline` writes, `&` only in the entities they write, and
///   every Markdown punctuation mark escaped; nothing starts a new line;
/// - HTML: no `<`, `>`, `"` or `'`; JSON: a rendered string parses back to the same text, ASCII controls escaped;
/// - lossless UTF-8: decoding then encoding gives back the input bytes.
package enum EscaperFuzzTarget {
    package static func check(_ data: UnsafeRawBufferPointer) -> String? {
        let bytes = Array(data)
        let text = LosslessUTF8.decode(bytes)
        if LosslessUTF8.encode(text) != bytes { return "LosslessUTF8 does not round-trip" }

        let terminal = TerminalText.escape(text)
        if let scalar = terminal.unicodeScalars.first(where: TerminalText.needsEscape) {
            return "terminal output keeps U+\(String(scalar.value, radix: 16))"
        }

        let message = GitHubCommandText.data(text)
        let property = GitHubCommandText.property(text)
        if let failure = liveControl(message, "workflow message") ?? liveControl(property, "workflow property") {
            return failure
        }
        if property.contains(":") || property.contains(",") { return "workflow property keeps ':' or ','" }
        let command = "::warning file=\(property),line=1::\(message)\n"
        if command.split(separator: "\n", omittingEmptySubsequences: false).count != 2 {
            return "workflow command spans lines"
        }
        if command.dropFirst(2).contains("\n::") || property.contains("::") {
            return "workflow command holds a second live command"
        }

        if let failure = codeSpan(MarkdownText.code(text)) { return failure }
        if let failure = markdownText(MarkdownText.text(text), allowCodeTags: false, "Markdown text") {
            return failure
        }
        if let failure = markdownText(MarkdownText.inline(text), allowCodeTags: true, "Markdown inline") {
            return failure
        }

        let html = HTMLText.escape(text)
        if let failure = liveControl(html, "HTML") { return failure }
        if html.unicodeScalars.contains(where: { "<>\"'".unicodeScalars.contains($0) }) {
            return "HTML keeps a markup character"
        }

        let json = JSONValue.string(text).rendered()
        if json.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "JSON keeps a raw control" }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed),
            let back = parsed as? String
        else { return "JSON string does not parse: \(json.debugDescription)" }
        if back.unicodeScalars.elementsEqual(text.unicodeScalars) == false, !LosslessUTF8.holdsRawBytes(text) {
            return "JSON string does not round-trip"
        }
        return nil
    }

    /// A failure when `output` holds a control, bidi-override or raw-byte scalar.
    static func liveControl(_ output: String, _ what: String) -> String? {
        output.unicodeScalars.first(where: TerminalText.needsEscape).map {
            "\(what) keeps U+\(String($0.value, radix: 16))"
        }
    }

    /// A failure unless `span` is a fence, content with shorter backtick runs and no controls, and the same fence.
    static func codeSpan(_ span: String) -> String? {
        if let failure = liveControl(span, "Markdown code") { return failure }
        // Markdown reads backticks and pipes as bytes: compare scalars, never Characters.
        let scalars = Array(span.unicodeScalars)
        let fence = scalars.prefix { $0 == "`" }.count
        guard fence > 0, scalars.count >= 2 * fence, scalars.suffix(fence).allSatisfy({ $0 == "`" }) else {
            return "Markdown code span is not fenced: \(span.debugDescription)"
        }
        let inner = scalars.dropFirst(fence).dropLast(fence)
        if inner.first == "`" || inner.last == "`" { return "Markdown code span content touches its fence" }
        var run = 0
        for character in inner {
            run = character == "`" ? run + 1 : 0
            if run >= fence { return "Markdown code span can be closed from inside: \(span.debugDescription)" }
        }
        // GFM splits table rows before inline parsing and treats every `\|` as an escaped pipe, even after `\`.
        var previous: Unicode.Scalar = " "
        for character in inner {
            if character == "|", previous != "\\" { return "Markdown code span has a bare '|' that ends a table cell" }
            previous = character
        }
        return nil
    }

    /// A failure when Markdown text has live HTML, a bare entity or punctuation, or a control.
    static func markdownText(_ output: String, allowCodeTags: Bool, _ what: String) -> String? {
        if let failure = liveControl(output, what) { return failure }
        // Markdown reads punctuation as bytes: walk scalars, never Characters.
        var scalars = Array(output.unicodeScalars)
        if allowCodeTags {
            for tag in ["</code>", "<code>"] { scalars = removing(Array(tag.unicodeScalars), from: scalars) }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" || scalar == ">" { return "\(what) has live HTML: \(output.debugDescription)" }
            if scalar == "&" {
                let entities = ["&lt;", "&gt;", "&amp;"]
                guard let entity = entities.first(where: { scalars[index...].starts(with: $0.unicodeScalars) }) else {
                    return "\(what) has a bare '&': \(output.debugDescription)"
                }
                index += entity.unicodeScalars.count
                continue
            }
            if scalar == "\\" {
                guard index + 1 < scalars.count, "\\`*_[]|~".unicodeScalars.contains(scalars[index + 1]) else {
                    return "\(what) has a lone backslash: \(output.debugDescription)"
                }
                index += 2
                continue
            }
            if "`*_[]|~".unicodeScalars.contains(scalar) {
                return "\(what) has a bare '\(scalar)': \(output.debugDescription)"
            }
            index += 1
        }
        return nil
    }

    /// `scalars` without any occurrence of `tag`.
    static func removing(_ tag: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if scalars[index...].starts(with: tag) {
                index += tag.count
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return out
    }
}
