import Digest
import UntrustedText

/// The self-contained HTML report: the page's stylesheet, markup and script (`Assets/`, embedded in the binary at
/// build time) around one JSON document that holds everything the page shows.
///
/// Nothing is fetched: the Content-Security-Policy allows only the one stylesheet and the one script, by their
/// SHA-256, so the page opens from a CI artifact or an air-gapped laptop and cannot load or send anything, even if a
/// name in the data tried to.
package enum ReportPage {
    /// The page for `data` (a JSON document), titled `ctxtrim: <subject>`. Both are untrusted and escaped here.
    package static func render(subject: String, data: String) -> [UInt8] {
        let css = String(decoding: PackageResources.report_css, as: UTF8.self)
        let body = String(decoding: PackageResources.report_body_html, as: UTF8.self)
        let script = String(decoding: PackageResources.report_js, as: UTF8.self)
        let policy = [
            "default-src 'none'", "img-src data:", "style-src '\(hashSource(css))'",
            "script-src '\(hashSource(script))'", "base-uri 'none'", "form-action 'none'",
        ].joined(separator: "; ")
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <title>ctxtrim: \(HTMLText.escape(subject))</title>
            <style>\(css)</style>
            </head>
            <body>
            \(body)
            <script type="application/json" id="ctxtrim-data">\(HTMLText.scriptData(data))</script>
            <script>\(script)</script>
            </body>
            </html>

            """
        return Array(page.utf8)
    }

    /// A CSP source that allows exactly `text` as an inline element's content.
    static func hashSource(_ text: String) -> String {
        "sha256-" + Base64.encode(Digest.sha256(Array(text.utf8)))
    }
}
