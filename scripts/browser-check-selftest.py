#!/usr/bin/env python3
"""Prove that scripts/browser-check.py passes the good pages and fails broken ones, each for the right reason.

usage: scripts/browser-check-selftest.py [--chromium PATH]

Builds pages from Fixtures/report-page with scripts/assemble-page.py, then variants whose JS or CSS is broken on
purpose (an exception, a console error, an inline style the CSP blocks, a fetch, an alert, no zoom, no sort, no resize, no
arrow keys, no data-rendered, a blank page), runs the driver on each and checks its exit status and the error it
names. Exit 0 when the driver behaves, 1 otherwise. Standard library only; needs Chromium like the driver.
"""
import importlib.util
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def load(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), HERE / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page(asm, data, css, js, body):
    csp = (f"default-src 'none'; img-src data:; style-src {asm.csp_hash(css)}; script-src {asm.csp_hash(js)}; "
           "base-uri 'none'; form-action 'none'")
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<title>variant</title>\n"
            f"<style>{css}</style>\n</head>\n<body>\n{body}\n"
            f"<script type=\"application/json\" id=\"ctxtrim-data\">{asm.embed(data)}</script>\n"
            f"<script>{js}</script>\n</body>\n</html>\n")


def main(argv):
    asm = load("assemble-page.py")
    css = (asm.ASSETS / "report.css").read_text()
    js = (asm.ASSETS / "report.js").read_text()
    body = (asm.ASSETS / "report-body.html").read_text()
    small = json.loads((ROOT / "Fixtures/report-page/small.json").read_text())
    hostile = json.loads((ROOT / "Fixtures/report-page/hostile.json").read_text())
    end = "  root.dataset.rendered = '1';\n"

    def patched(old, new):
        if old not in js:
            raise SystemExit(f"selftest: report.js no longer contains {old!r}; update the variant")
        return js.replace(old, new)

    broken_js = {
        "exception": (patched(end, end + "  setTimeout(() => { throw new Error('boom'); }, 0);\n"), "uncaught exception"),
        "console-error": (patched(end, end + "  console.error('bad');\n"), "console error"),
        "inline-style": (patched(end, end + "  document.body.setAttribute('style', 'color: red');\n"), "CSP violation"),
        "fetch": (patched(end, end + "  fetch('https://example.com/x').catch(() => {});\n"), "CSP violation"),
        "alert": (patched(end, end + "  alert(1);\n"), "the page called alert"),
        "no-zoom": (patched("if (zoomable(t.node)) zoomTo(t.node, true);\n    });", "});"), "zoom:"),
        "no-sort": (patched("tbody.replaceChildren(...sorted.map((x) => x.tr));", ""), "sort:"),
        "no-resize": (patched("if (observer) observer.observe(box);", ""), "resize:"),
        "no-arrows": (patched("if (k.startsWith('Arrow') || k === 'Home' || k === 'End') { ev.preventDefault(); move(k); }",
                              "if (false) { /* arrows ignored */ }"), "keyboard:"),
        "not-rendered": (patched(end, ""), "the page did not set data-rendered"),
    }
    driver = [sys.executable, str(HERE / "browser-check.py"), "--timeout", "8"] + argv
    failures = []
    with tempfile.TemporaryDirectory(prefix="ctxtrim-selftest-") as tmp:
        cases = []
        for name, data, extra in (("small", small, []), ("hostile", hostile, ["--hostile", "<img src=x onerror=alert(1)>"])):
            path = pathlib.Path(tmp, name + ".html")
            path.write_text(asm.assemble(data))
            cases.append((name, path, extra, 0, None))
        for name, (variant, reason) in broken_js.items():
            path = pathlib.Path(tmp, name + ".html")
            path.write_text(page(asm, small, css, variant, body))
            cases.append((name, path, [], 1, reason))
        path = pathlib.Path(tmp, "blank.html")
        path.write_text(page(asm, small, css + "\nbody { visibility: hidden; }\n", js, body))
        cases.append(("blank", path, [], 1, "screenshot: the screenshot is blank"))
        expect = pathlib.Path(tmp, "expect.json")
        expect.write_text(json.dumps({"sent-bytes": 1}))
        cases.append(("expect-mismatch", pathlib.Path(tmp, "small.html"), ["--expect-json", str(expect)], 1,
                      "metric sent-bytes"))
        for name, path, extra, want, reason in cases:
            run = subprocess.run(driver + [str(path)] + extra, capture_output=True, text=True)
            try:
                report = json.loads(run.stdout)
            except ValueError:
                failures.append(f"{name}: exit {run.returncode}, no JSON ({run.stderr.strip()[-300:]})")
                continue
            ok = run.returncode == want and (reason is None or any(e.startswith(reason) for e in report["errors"]))
            print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {run.returncode}; {report['errors'][:2]}")
            if not ok:
                failures.append(name)
    if failures:
        print("selftest failed: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
