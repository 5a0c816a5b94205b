#!/usr/bin/env python3
"""Build a ctxtrim report page from a DATA file, exactly as PAGE-CONTRACT / HTMLReporter do (for developing the page).

usage: scripts/assemble-page.py DATA.json OUT.html

Inserts Sources/ReportPage/Assets/{report.css,report-body.html,report.js} byte for byte, writes DATA with `<`, `>`,
`&`, U+2028 and U+2029 escaped, and puts the sha256 hashes of the CSS and the JS in the Content-Security-Policy, so
the page is checked under the same strict policy as the one ctxtrim writes. Standard library only.
"""
import base64
import hashlib
import html
import json
import pathlib
import sys

ASSETS = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "ReportPage" / "Assets"


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def embed(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def assemble(data) -> str:
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    body = (ASSETS / "report-body.html").read_text(encoding="utf-8")
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    root = "."
    views = data.get("views") or []
    if views:
        root = ((views[0].get("report") or {}).get("context") or {}).get("root") or "."
    csp = (f"default-src 'none'; img-src data:; style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
           "base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
        f"<title>ctxtrim: {html.escape(root)}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n{body}\n"
        f"<script type=\"application/json\" id=\"ctxtrim-data\">{embed(data)}</script>\n"
        f"<script>{js}</script>\n</body>\n</html>\n"
    )


def main(argv) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    data = json.loads(pathlib.Path(argv[1]).read_text(encoding="utf-8"))
    pathlib.Path(argv[2]).write_text(assemble(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
