#!/usr/bin/env python3
"""Check a ctxtrim report page in headless Chromium, over the DevTools protocol on a pipe. Standard library only.

usage: scripts/browser-check.py PAGE.html [--screenshot PATH] [--dark-screenshot PATH] [--emulate-dark]
                                [--expect-json FILE] [--hostile TEXT] [--timeout SECONDS] [--chromium PATH]
                                [--no-sandbox]

Starts Chromium (`--chromium`, else $CHROMIUM, else /usr/bin/chromium, else `chromium` on PATH) headless with
--remote-debugging-pipe (CDP as NUL-terminated JSON on file descriptors 3 and 4; no port is opened), a fresh
temporary --user-data-dir, --disable-gpu, a 1280x900 window, and --no-sandbox only when running as root (or when
--no-sandbox is given, for containers without user namespaces); opens
PAGE as a file:// URL and checks, each a failure when it does not hold:
  - no console error, no uncaught exception, no CSP violation, no call of alert/confirm/prompt (replaced before the
    page loads, so a dialog cannot block the run), and no network request other than the page itself;
  - the page sets <html data-rendered="1"> within the timeout; data-render-ms is read;
  - the treemap has tiles (`.treemap [data-path][data-class][data-kind]`);
  - zoom: real mouse events on the first zoomable directory tile (data-zoomable="1") deepen the breadcrumbs
    (`.crumbs button`) and change the tiles; a click on the root breadcrumb restores both;
  - keyboard: Tab from the area toggle lands on a tile, arrow keys move the focus between tiles, Enter on a
    directory zooms in, Escape zooms out;
  - sort: two clicks on the findings table's Bytes header sort the rows by bytes in both directions and set
    aria-sort (reported as "skipped" when the page has no findings);
  - resize: narrowing the window redraws the treemap, widening it again restores the layout;
  - tabs (for --all): a click on each tab selects it, and a build's treemap has tiles (reported per tab under
    "tabs"; the check is "skipped" on a page without tabs); the other checks use the first tab;
  - every [data-metric] element's data-value is read (the first tab's, for --all); with --expect-json (a JSON object metric name -> integer)
    every expected metric must be present and equal;
  - with --hostile TEXT: TEXT appears literally in the page's text, and no element came from it (no img, iframe,
    object or embed, no on* attribute, no script other than the page's two);
  - the PNG screenshot (--screenshot, full page; taken in any case and decoded with zlib) is not blank (nearly one
    colour); --dark-screenshot takes a second one with prefers-color-scheme: dark and checks it too.
--emulate-dark runs everything with prefers-color-scheme: dark.

Output: one JSON object on stdout:
  {"ok": bool, "errors": [str], "renderMs": float|null, "tiles": int, "metrics": {name: int},
   "legend": [class id, with ":absent" when the first treemap has no tile of it],
   "checks": {"zoom": bool, "breadcrumb": bool, "keyboard": bool, "sort": bool|"skipped", "screenshot": bool, "resize": bool,
              "tabs": bool|"skipped", "darkScreenshot": bool (only with --dark-screenshot),
              "hostile": bool (only with --hostile)},
   "tabs": [{"label": str, "tiles": int}] (only on a page with tabs)}
Exit status: 0 when ok, 1 when a check failed, 2 on a usage or launch problem (message on stderr).
"""
import argparse
import base64
import fcntl
import json
import os
import pathlib
import queue
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

WIDTH, HEIGHT = 1280, 900


class LaunchError(Exception):
    pass


class CDP:
    """A DevTools protocol connection over the pipe Chromium reads on fd 3 and writes on fd 4."""

    def __init__(self, binary, user_data_dir, stderr_path, no_sandbox=False):
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()
        # High, close-on-exec copies, so dup2 onto 3 and 4 in the child cannot clobber one with the other.
        hi_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 100)
        hi_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 100)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def child_fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [binary, "--headless", "--disable-gpu", f"--window-size={WIDTH},{HEIGHT}",
                "--remote-debugging-pipe", f"--user-data-dir={user_data_dir}", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
                "--hide-scrollbars", "--force-color-profile=srgb"]
        if os.geteuid() == 0 or no_sandbox:
            args.append("--no-sandbox")
        args.append("about:blank")
        self.stderr = open(stderr_path, "wb")
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.stderr, stderr=self.stderr,
                                         close_fds=False, preexec_fn=child_fds)
        except OSError as error:
            raise LaunchError(f"cannot start {binary}: {error}")
        finally:
            os.close(hi_r)
            os.close(hi_w)
        self.out = os.fdopen(to_chrome_w, "wb", buffering=0)
        self.inp = os.fdopen(from_chrome_r, "rb", buffering=0)
        self.next_id = 0
        self.messages = queue.Queue()
        self.pending = {}
        self.events = []
        self.listeners = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while True:
            chunk = self.inp.read(1 << 16)
            if not chunk:
                self.messages.put(None)
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                self.messages.put(json.loads(raw))

    def _dispatch(self, timeout):
        try:
            msg = self.messages.get(timeout=timeout)
        except queue.Empty:
            return False
        if msg is None:
            raise LaunchError("Chromium closed the DevTools pipe (it exited or crashed)")
        if "id" in msg:
            self.pending[msg["id"]] = msg
        else:
            for listener in self.listeners:
                listener(msg)
        return True

    def send(self, method, params=None, session=None, timeout=30.0):
        self.next_id += 1
        ident = self.next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while ident not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no answer to {method} within {timeout:.0f} s")
            self._dispatch(min(left, 0.5))
        reply = self.pending.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self._dispatch(max(0.0, min(0.05, end - time.monotonic())))

    def close(self):
        try:
            self.out.write(json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


def png_pixels(data):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) into (width, height, channels, rows)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
            channels = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    lanes = int.from_bytes(b"\xff\x00" * stride, "little")
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if ftype == 1:
            for x in range(channels, stride):
                line[x] = (line[x] + line[x - channels]) & 255
        elif ftype == 2:  # Up, what Chromium writes with optimizeForSpeed: add byte lanes as one big integer
            a, b = bytearray(2 * stride), bytearray(2 * stride)
            a[::2], b[::2] = line, prev
            wide = int.from_bytes(a, "little") + int.from_bytes(b, "little")
            line = bytearray((wide & lanes).to_bytes(2 * stride, "little")[::2])
        elif ftype == 3:
            for x in range(stride):
                left = line[x - channels] if x >= channels else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
        elif ftype == 4:
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b = prev[x]
                c = prev[x - channels] if x >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def blank_verdict(png):
    """(blank?, summary): blank when one colour covers 99% of the pixels or fewer than 8 colours appear."""
    width, height, channels, rows = png_pixels(png)
    counts = {}
    for row in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            key = bytes(row[x:x + 3])
            counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    top = max(counts.values()) if counts else 0
    share = top / total if total else 1.0
    return (share >= 0.99 or len(counts) < 8), f"{width}x{height}, {len(counts)} colours, top colour {share:.0%}"


def main(argv):
    parser = argparse.ArgumentParser(description="Check a ctxtrim report page in headless Chromium.")
    parser.add_argument("page")
    parser.add_argument("--screenshot")
    parser.add_argument("--dark-screenshot")
    parser.add_argument("--emulate-dark", action="store_true")
    parser.add_argument("--expect-json")
    parser.add_argument("--hostile")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--chromium")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="pass --no-sandbox even when not root (containers without user namespaces)")
    args = parser.parse_args(argv)

    page = pathlib.Path(args.page).resolve()
    if not page.is_file():
        print(f"browser-check: {args.page} is not a file", file=sys.stderr)
        return 2
    expected = None
    if args.expect_json:
        try:
            expected = json.loads(pathlib.Path(args.expect_json).read_text())
            if not isinstance(expected, dict) or not all(isinstance(v, int) for v in expected.values()):
                raise ValueError("it must be a JSON object of metric name to integer")
        except (OSError, ValueError) as error:
            print(f"browser-check: cannot use --expect-json {args.expect_json}: {error}", file=sys.stderr)
            return 2
    binary = args.chromium or os.environ.get("CHROMIUM") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None) or shutil.which(
        "chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not binary or not os.access(binary, os.X_OK):
        print("browser-check: Chromium is missing: install Debian's `chromium` (apt-get install chromium) or "
              "pass --chromium PATH", file=sys.stderr)
        return 2

    url = page.as_uri()
    errors = []
    result = {"ok": False, "errors": errors, "renderMs": None, "tiles": 0, "metrics": {},
              "checks": {"zoom": False, "breadcrumb": False, "keyboard": False, "sort": False, "screenshot": False}}
    with tempfile.TemporaryDirectory(prefix="ctxtrim-browser-") as tmp:
        stderr_path = os.path.join(tmp, "chromium.log")
        try:
            cdp = CDP(binary, os.path.join(tmp, "profile"), stderr_path, args.no_sandbox)
        except LaunchError as error:
            print(f"browser-check: {error}", file=sys.stderr)
            return 2
        try:
            status = run(cdp, url, args, expected, errors, result)
        except LaunchError as error:
            log = pathlib.Path(stderr_path).read_text(errors="replace")[-2000:]
            print(f"browser-check: {error}\n{log}", file=sys.stderr)
            return 2
        except (TimeoutError, RuntimeError) as error:
            errors.append(f"protocol: {error}")
            status = 1
        except Exception as error:  # a bug of this script, not of the page: say so, exit 2
            errors.append(f"browser-check itself failed: {type(error).__name__}: {error}")
            result["ok"] = False
            print(json.dumps(result, indent=2, ensure_ascii=False))
            return 2
        finally:
            cdp.close()
    result["ok"] = status == 0 and not errors
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["ok"] else 1


def run(cdp, url, args, expected, errors, result):
    checks = result["checks"]

    def on_event(msg):
        method, p = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            text = (d.get("exception") or {}).get("description") or d.get("text")
            errors.append(f"uncaught exception: {text}")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append("console error: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            errors.append(f"console {e.get('source')} error: {e.get('text')}")
        elif method == "Network.requestWillBeSent":
            req = p.get("request", {}).get("url", "")
            if req != url and not req.startswith("data:"):
                errors.append(f"network request: {req}")
        elif method == "Page.javascriptDialogOpening":
            errors.append(f"JavaScript dialog opened: {p.get('type')} {p.get('message')!r}")
    cdp.listeners.append(on_event)

    targets = cdp.send("Target.getTargets")["targetInfos"]
    page_target = next((t for t in targets if t["type"] == "page"), None)
    if page_target is None:
        page_target = {"targetId": cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]}
    session = cdp.send("Target.attachToTarget", {"targetId": page_target["targetId"], "flatten": True})["sessionId"]

    def call(method, params=None, timeout=None):
        return cdp.send(method, params, session, timeout or args.timeout)

    def js(expression):
        r = call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluating {expression[:60]!r}: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")

    for domain in ("Runtime", "Log", "Network", "Page"):
        call(domain + ".enable")
    call("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                                                "mobile": False})
    scheme = "dark" if args.emulate_dark else "light"
    call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    call("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
        "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));"
        "window.alert = window.confirm = window.prompt = function (m) { window.__dialogs = (window.__dialogs || 0) + 1; };")})
    call("Page.navigate", {"url": url})

    deadline = time.monotonic() + args.timeout
    state = None
    while time.monotonic() < deadline:
        try:
            state = js("[location.href, document.documentElement.dataset.rendered || null,"
                       " document.documentElement.dataset.renderError || null]")
        except RuntimeError:  # the navigation replaced the context between two polls
            state = None
        state = state[1:] if state and state[0] == url else None
        if state and (state[0] == "1" or state[1]):
            break
        cdp.pump(0.05)
    if not state or state[0] != "1":
        errors.append("the page did not set data-rendered" + (f" (render error: {state[1]})" if state and state[1] else
                                                                f" within {args.timeout:.0f} s"))
        return 1
    render_ms = js("document.documentElement.dataset.renderMs")
    result["renderMs"] = float(render_ms) if render_ms else None
    if render_ms is None:
        errors.append("the page did not set data-render-ms")

    tile_sel = ".treemap [data-path][data-class][data-kind]"
    tiles_js = f"Array.from(document.querySelectorAll('{tile_sel}'), e => e.dataset.kind + ':' + e.dataset.path).join('\\n')"
    crumbs_js = "document.querySelectorAll('.crumbs button').length"
    result["tiles"] = js(f"document.querySelectorAll('{tile_sel}').length")
    if not result["tiles"]:
        errors.append("the treemap has no tiles")
    # The legend of the first treemap: which classes its data has (an absent one is marked so), for the caller to
    # compare with the classes it planted.
    result["legend"] = js(
        "Array.from(document.querySelector('.legend').querySelectorAll('li[data-class]'),"
        " e => e.dataset.class + (e.classList.contains('absent') ? ':absent' : ''))") or []

    def click_at(x, y):
        for kind, buttons in (("mouseMoved", 0), ("mousePressed", 1), ("mouseReleased", 0)):
            call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none",
                                             "buttons": buttons, "clickCount": 1 if kind != "mouseMoved" else 0})
        cdp.pump(0.05)

    def point_of(selector):
        """A viewport point where the first visible element that matches (not a child drawn over it) receives the
        click: hidden tabs and tiles covered by their nested children are passed over."""
        return js(f"""(() => {{
          for (const e of document.querySelectorAll({json.dumps(selector)})) {{
            if (!e.getClientRects().length) continue;
            e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect();
            const tries = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + r.width / 2, r.top + Math.min(8, r.height / 2)],
                           [r.left + 6, r.top + 6]];
            for (const [x, y] of tries) {{
              const hit = document.elementFromPoint(x, y);
              if (hit && (hit === e || hit.closest('.tile, button') === e)) return [x, y];
            }}
          }}
          return null;
        }})()""")

    # Zoom by mouse, then back by the root breadcrumb.
    before_tiles, before_crumbs = js(tiles_js), js(crumbs_js)
    target = point_of(".treemap .tile[data-zoomable='1']")
    if target is None:
        errors.append("zoom: no directory tile with children to click")
        errors.append("breadcrumb: not checked, since there is nothing to zoom into")
    else:
        click_at(*target)
        after_tiles, after_crumbs = js(tiles_js), js(crumbs_js)
        checks["zoom"] = after_crumbs > before_crumbs and after_tiles != before_tiles and bool(after_tiles)
        if not checks["zoom"]:
            errors.append(f"zoom: clicking a directory tile left breadcrumbs at {after_crumbs} (were {before_crumbs})"
                          f" or did not change the tiles")
        root_crumb = point_of(".crumbs li:first-child button")
        if not checks["zoom"]:
            errors.append("breadcrumb: not checked, since the click did not zoom in")
        elif root_crumb is None:
            errors.append("breadcrumb: no root breadcrumb button")
        else:
            click_at(*root_crumb)
            checks["breadcrumb"] = js(crumbs_js) == 1 and js(tiles_js) == before_tiles
            if not checks["breadcrumb"]:
                errors.append("breadcrumb: clicking the root breadcrumb did not zoom back out to the root")

    # Keyboard: Tab into the treemap, arrows, Enter, Escape.
    def key(name, code, vk):
        for kind in ("rawKeyDown", "keyUp"):
            call("Input.dispatchKeyEvent", {"type": kind, "key": name, "code": code, "windowsVirtualKeyCode": vk,
                                           "nativeVirtualKeyCode": vk})
        cdp.pump(0.02)
    focused = "(() => { const e = document.activeElement; return e && e.closest('.treemap') && e.dataset.path ? " \
              "[e.dataset.i, e.dataset.kind + ':' + e.dataset.path, e.dataset.zoomable === '1'] : null; })()"
    keyboard = []
    js("document.querySelector('.toggle button[data-measure=files]') ? document.querySelector('.toggle button:last-of-type').focus() : null")
    key("Tab", "Tab", 9)
    first = js(focused)
    keyboard.append(first is not None)
    if first is None:
        errors.append("keyboard: Tab from the area toggle did not land on a treemap tile")
    else:
        key("ArrowRight", "ArrowRight", 39)
        moved = js(focused)
        if moved is None or moved[1] == first[1]:
            key("ArrowDown", "ArrowDown", 40)
            moved = js(focused)
        keyboard.append(moved is not None and moved[1] != first[1])
        if not keyboard[-1]:
            errors.append("keyboard: arrow keys did not move the focus to another tile")
        key("Home", "Home", 36)
        cur = js(focused)
        # Right through the tiles (Down where Right stops moving), until a directory has the focus.
        for _ in range(min(400, int(result["tiles"] or 0) + 10)):
            if cur is None or cur[2]:
                break
            before = cur
            key("ArrowRight", "ArrowRight", 39)
            cur = js(focused)
            if cur is not None and cur[1] == before[1]:
                key("ArrowDown", "ArrowDown", 40)
                cur = js(focused)
                if cur is not None and cur[1] == before[1]:
                    break
        if cur is None or not cur[2]:
            errors.append("keyboard: could not reach a directory tile with the arrow keys")
            keyboard.append(False)
        else:
            keyboard.append(True)
            depth = js(crumbs_js)
            key("Enter", "Enter", 13)
            inside = js(crumbs_js)
            zoomed = inside > depth and js(focused) is not None
            keyboard.append(zoomed)
            if not zoomed:
                errors.append("keyboard: Enter on a directory tile did not zoom in or lost the focus")
            key("Escape", "Escape", 27)
            keyboard.append(js(crumbs_js) == inside - 1 and js(focused) is not None)
            if not keyboard[-1]:
                errors.append("keyboard: Escape did not zoom out one level, keeping the focus in the treemap")
            for _ in range(inside):
                if js(crumbs_js) <= 1:
                    break
                key("Escape", "Escape", 27)
    checks["keyboard"] = all(keyboard) and len(keyboard) == 5

    # Sorting the findings by bytes, both ways.
    if not js("!!document.querySelector('.findings th[data-key=bytes] button')"):
        checks["sort"] = "skipped"
    elif point_of(".findings th[data-key=bytes] button") is None:
        errors.append("sort: the Bytes header of the findings table cannot be clicked")
    else:
        order_js = "Array.from(document.querySelectorAll('.findings tbody tr'), r => Number(r.dataset.bytes))"
        sort_js = "document.querySelector('.findings th[data-key=bytes]').getAttribute('aria-sort')"
        seen = []
        for _ in range(2):
            click_at(*point_of(".findings th[data-key=bytes] button"))
            values, aria = js(order_js), js(sort_js)
            ascending = all(a <= b for a, b in zip(values, values[1:]))
            descending = all(a >= b for a, b in zip(values, values[1:]))
            ok = (aria == "ascending" and ascending) or (aria == "descending" and descending)
            if not ok:
                errors.append(f"sort: after a click on Bytes, aria-sort is {aria} but the bytes are {values}")
            seen.append(aria if ok else None)
        checks["sort"] = set(seen) == {"ascending", "descending"}
        if not checks["sort"] and None not in seen:
            errors.append(f"sort: two clicks on Bytes gave {seen}, not both directions")

    # Metrics.
    pairs = js("Array.from(document.querySelectorAll('[data-metric]'), e => [e.dataset.metric, e.dataset.value])")
    for name, value in pairs:
        try:
            number = int(value)
        except (TypeError, ValueError):
            errors.append(f"metric {name}: data-value {value!r} is not an integer")
            continue
        if name in result["metrics"] and result["metrics"][name] != number:
            errors.append(f"metric {name}: shown twice with different values")
        result["metrics"][name] = number
    for name, value in (expected or {}).items():
        if result["metrics"].get(name) != value:
            errors.append(f"metric {name}: page shows {result['metrics'].get(name)}, expected {value}")

    if args.hostile is not None:
        found = js(f"""(() => {{
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let text = '';
          for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('script, style')) text += n.data + '\\n';
          const onAttr = Array.from(document.querySelectorAll('*')).some(e => Array.from(e.attributes).some(a => /^on/i.test(a.name)));
          return [text.includes({json.dumps(args.hostile)}),
                  document.querySelectorAll('img, iframe, object, embed, frame, link, base, form').length,
                  document.scripts.length, onAttr, window.__dialogs || 0];
        }})()""")
        literal, elements, scripts, on_attr, dialogs = found
        checks["hostile"] = literal and elements == 0 and scripts == 2 and not on_attr and dialogs == 0
        if not literal:
            errors.append(f"hostile: {args.hostile!r} does not appear literally in the page's text")
        if elements or scripts != 2 or on_attr or dialogs:
            errors.append(f"hostile: elements were made from data (img/iframe/...: {elements}, scripts: {scripts}, "
                          f"on* attributes: {on_attr}, dialogs: {dialogs})")

    # Resize: the treemap is drawn again for the new width.
    geometry_js = f"Array.from(document.querySelectorAll('{tile_sel}'), e => e.style.left + e.style.width).join()"
    before_geometry = js(geometry_js)
    call("Emulation.setDeviceMetricsOverride", {"width": WIDTH * 2 // 3, "height": HEIGHT, "deviceScaleFactor": 1,
                                                "mobile": False})
    changed = False
    for _ in range(40):
        cdp.pump(0.05)
        if js(geometry_js) != before_geometry:
            changed = True
            break
    call("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                                                "mobile": False})
    for _ in range(40):
        cdp.pump(0.05)
        if js(geometry_js) == before_geometry:
            break
    checks["resize"] = changed and js(geometry_js) == before_geometry
    if not checks["resize"]:
        errors.append("resize: the treemap was not drawn again when the window narrowed and widened")

    # Tabs (--all): each opens its panel; a build's panel has a treemap with tiles.
    tab_count = js("document.querySelectorAll('[role=tab]').length")
    if not tab_count:
        checks["tabs"] = "skipped"
    else:
        result["tabs"] = []
        for i in range(tab_count):
            point = point_of(f"[role=tab][data-tab='{i}']")
            if point is None:
                errors.append(f"tabs: tab {i} cannot be clicked")
                continue
            click_at(*point)
            label, selected, tiles, treemap = js(
                f"[document.querySelector(\"[role=tab][data-tab='{i}']\").textContent,"
                f" document.querySelector(\"[role=tab][data-tab='{i}']\").getAttribute('aria-selected'),"
                f" document.querySelectorAll('{tile_sel}').length, !!document.querySelector('.treemap')]")
            result["tabs"].append({"label": label, "tiles": tiles})
            if selected != "true" or (treemap and not tiles):
                errors.append(f"tabs: tab {label!r} is not selected after a click, or its treemap has no tiles")
        first_tab = point_of("[role=tab][data-tab='0']")
        if first_tab is not None:
            click_at(*first_tab)
        checks["tabs"] = not any(e.startswith("tabs") for e in errors)

    dialogs = js("window.__dialogs || 0")
    if dialogs:
        errors.append(f"the page called alert, confirm or prompt {dialogs} time(s)")
    csp = js("window.__cspViolations || []")
    errors.extend(f"CSP violation: {v}" for v in csp)

    def screenshot(path, label):
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": WIDTH - 2, "y": 2})
        cdp.pump(0.2)
        size = call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": WIDTH, "height": min(int(size["height"]) or HEIGHT, 6000), "scale": 1}
        shot = base64.b64decode(call("Page.captureScreenshot", {"format": "png", "clip": clip,
                                                                "captureBeyondViewport": True,
                                                                "optimizeForSpeed": True}, 60)["data"])
        if path:
            pathlib.Path(path).write_bytes(shot)
        blank, summary = blank_verdict(shot)
        if blank:
            errors.append(f"{label}: the screenshot is blank ({summary})")
        return not blank

    checks["screenshot"] = screenshot(args.screenshot, "screenshot")
    if args.dark_screenshot:
        call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        cdp.pump(0.3)
        checks["darkScreenshot"] = screenshot(args.dark_screenshot, "dark screenshot")
    cdp.pump(0.1)
    for name, value in checks.items():
        if value is False and not any(e.startswith(name) for e in errors):
            errors.append(f"{name}: the check failed")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
