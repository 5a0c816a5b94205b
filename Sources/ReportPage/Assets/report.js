// ctxtrim report page. Reads the DATA that HTMLReporter embeds (id "ctxtrim-data") and draws it. Every string in
// DATA comes from the scanned tree or its ignore file, so it is attacker-controlled: text goes in only through
// textContent and non-URL attributes, never as markup. The page runs under a strict CSP (no eval, no inline styles).
'use strict';
(function () {
  const T0 = performance.now();
  const doc = document;
  const root = doc.documentElement;
  const SEVERITY = { error: 0, warning: 1, info: 2 };
  const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

  // ---- small helpers -------------------------------------------------------------------------------------------

  /** Makes an element: props are attributes (text: textContent, class: className); kids are nodes or strings. */
  function h(tag, props, kids) {
    const e = doc.createElement(tag);
    if (props) {
      for (const k of Object.keys(props)) {
        const v = props[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k === 'class') e.className = v;
        else if (/^(on|href$|src$|style$|srcdoc$|action$|formaction$)/i.test(k)) throw new Error('unsafe attribute ' + k);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    if (kids) for (const c of kids) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  /** Shows untrusted text as ctxtrim's terminal output does (TerminalText.escape): controls as `\n`, `\t`, `\e`,
   *  `\xNN`, bidirectional controls and line separators as `\u{NNNN}`, so nothing can hide or reorder text. */
  const ESC = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };
  const hex = (c, w) => c.charCodeAt(0).toString(16).toUpperCase().padStart(w, '0');
  function vis(s) {
    if (s === null || s === undefined) return '';
    return String(s).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      (c) => ESC[c] || (c.charCodeAt(0) < 0x100 ? '\\x' + hex(c, 2) : '\\u{' + hex(c, 4) + '}'));
  }

  /** ctxtrim's byte format (Swift ByteCount.format): exact under 1 KiB, one decimal below 100, none from 100. */
  function fmtBytes(n) {
    let v = Number(n) || 0;
    let u = 0;
    while (Math.abs(v) >= 1024 && u < UNITS.length - 1) { v /= 1024; u++; }
    if (u === 0) return String(n) + ' B';
    const r = Math.round(v * 10) / 10;
    if (r >= 100) return Math.round(v) + ' ' + UNITS[u];
    return r.toFixed(1) + ' ' + UNITS[u];
  }
  const NUMBER = new Intl.NumberFormat('en-US');
  const fmtInt = (n) => ((n = Number(n) || 0) < 1000 && n > -1000 ? String(n) : NUMBER.format(n));
  const fmtFiles = (n) => fmtInt(n) + (n === 1 ? ' file' : ' files');
  function fmtSec(s) {
    const v = Number(s) || 0;
    if (v >= 100) return Math.round(v) + ' s';
    if (v >= 10) return v.toFixed(1) + ' s';
    if (v >= 1) return v.toFixed(2) + ' s';
    return v.toFixed(3) + ' s';
  }
  const words = (key) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const ruleText = (r) => r ? vis(r.file) + ':' + r.line + ' ' + vis(r.pattern) + (r.exception && !String(r.pattern).startsWith('!') ? ' (exception)' : '') : '';
  const sum = (o, k) => (o && typeof o[k] === 'number' ? o[k] : 0);

  /** A number tests can read: data-metric names it, data-value holds the exact integer. */
  function metric(name, value, text, cls) {
    return h('span', { class: cls || null, 'data-metric': name, 'data-value': String(value), text: text });
  }

  function card(title, kids, cls) {
    return h('section', { class: 'card' + (cls ? ' ' + cls : '') }, [h('h2', { text: title })].concat(kids));
  }

  function table(headers, rows, cls) {
    const thead = h('thead', null, [h('tr', null, headers.map((t) => h('th', { scope: 'col', text: t })))]);
    return h('div', { class: 'tablewrap' }, [h('table', { class: cls || null }, [thead, h('tbody', null, rows)])]);
  }

  function showError(err) {
    const main = doc.getElementById('main') || doc.body;
    root.dataset.renderError = String((err && err.message) || err);
    main.prepend(h('p', { class: 'fatal', role: 'alert', text: 'The report could not be drawn: ' + root.dataset.renderError + '. Its data is embedded as JSON in this page (script element "ctxtrim-data").' }));
  }
  window.addEventListener('error', (e) => { if (!root.dataset.renderError) showError(e.error || e.message); });

  // ---- data ----------------------------------------------------------------------------------------------------

  const DATA = JSON.parse(doc.getElementById('ctxtrim-data').textContent);
  if (!DATA || !Array.isArray(DATA.views)) throw new Error('the embedded data has no views');
  const CLASSES = Array.isArray(DATA.classes) ? DATA.classes : [];
  const classById = new Map(CLASSES.map((c) => [c.id, c]));
  const classLabel = (id) => (classById.get(id) || { label: id }).label;
  const knownClass = (id) => (classById.has(id) ? id : 'sent');

  // ---- header, check verdict, totals, shrink ------------------------------------------------------------------

  function headerCard(view) {
    const r = view.report || {};
    const ctx = r.context || {};
    const rows = [
      ['Context root', vis(ctx.root || '.')],
      ['Dockerfile', vis(ctx.dockerfile || '') + (ctx.dockerfileExists === false ? ' (not found)' : '')],
      ['Ignore file', ctx.ignoreFile ? vis(ctx.ignoreFile) + (ctx.patterns != null ? ' (' + fmtInt(ctx.patterns) + ' patterns)' : '') : 'none'],
    ];
    if (ctx.shadowedIgnoreFile) rows.push(['Not read', vis(ctx.shadowedIgnoreFile)]);
    const dl = h('dl', { class: 'facts' });
    for (const [k, v] of rows) dl.append(h('div', null, [h('dt', { text: k }), h('dd', { class: 'path', text: v })]));
    const title = view.name != null ? 'Build ' + vis(view.name) : 'Build context ' + vis(ctx.root || '.');
    const kids = [h('h1', { class: 'path', text: title }), dl];
    if (r.check) kids.push(checkBanner(r));
    return h('section', { class: 'card head' }, kids);
  }

  /** Whether a finding fails `ctxtrim check`: its own `fails` when DATA gives one, else severity at or above fail-on. */
  const failsCheck = (f, rank) => (typeof f.fails === 'boolean' ? f.fails : rank >= 0 && (SEVERITY[f.severity] ?? 9) <= rank);

  function checkBanner(r) {
    const c = r.check;
    const failed = !!c.failed;
    const violations = Array.isArray(c.violations) ? c.violations : [];
    const parts = [];
    parts.push(fmtInt(c.failingFindings || 0) + (c.failingFindings === 1 ? ' failing finding' : ' failing findings'));
    if (violations.length) parts.push(fmtInt(violations.length) + (violations.length === 1 ? ' violation' : ' violations'));
    if (c.failOn) parts.push('fails on ' + vis(c.failOn));
    const box = h('div', { class: 'banner ' + (failed ? 'fail' : 'pass'), role: 'status', 'data-check': failed ? 'failed' : 'passed' }, [
      h('strong', { class: 'verdict', text: failed ? 'FAILED' : 'PASSED' }),
      h('span', { text: 'ctxtrim check ' + (failed ? 'failed: ' : 'passed: ') + parts.join(' · ') }),
    ]);
    const out = h('div', { class: 'verdictbox' }, [box]);
    if (violations.length) {
      out.append(h('ul', { class: 'violations' }, violations.map((v) => h('li', { class: v.fails ? 'vfail' : null }, [
        h('code', { text: vis(v.rule) + (v.key ? ' ' + vis(v.key) : '') }), ' ',
        h('span', { text: vis(v.message) + (v.advice ? '. ' + vis(v.advice) : '') }),
      ]))));
    }
    const budgets = Array.isArray(c.budgets) ? c.budgets : [];
    if (budgets.length) {
      const val = (b, n) => (b.unit === 'bytes' ? fmtBytes(n) : fmtInt(n));
      out.append(table(['Budget', 'Scope', 'Limit', 'Actual', 'Result'], budgets.map((b) => h('tr', { class: b.exceeded ? 'exceeded' : null }, [
        h('td', { text: vis(b.name) }), h('td', { text: vis(b.scope) }), h('td', { class: 'num', text: val(b, b.limit) }),
        h('td', { class: 'num', text: val(b, b.actual) }), h('td', { text: b.exceeded ? 'exceeded' : 'within' })]))));
    }
    const rank = c.failOn in SEVERITY ? SEVERITY[c.failOn] : -1;
    const failing = (Array.isArray(r.findings) ? r.findings : []).filter((f) => failsCheck(f, rank));
    if (failing.length) {
      out.append(h('p', { class: 'failhead', text: 'Findings at or above ' + vis(c.failOn) + ':' }), h('ul', { class: 'failing' }, failing.map((f) => h('li', null, [
        h('span', { class: 'sev sev-' + (f.severity in SEVERITY ? f.severity : 'info'), text: vis(f.severity) }), ' ',
        h('code', { text: vis(f.check) }), ' ', h('code', { class: 'path', text: vis(f.path) + (f.line != null ? ':' + f.line : '') }), ' ',
        h('span', { class: 'muted', text: vis(f.message) })]))));
    }
    return out;
  }

  function totalsGrid(view) {
    const r = view.report || {};
    const t = r.totals || {};
    const grid = h('div', { class: 'totals' });
    const tile = (label, note, main, sub) => grid.append(h('div', { class: 'total' }, [
      h('div', { class: 'tlabel', text: label }), h('div', { class: 'tvalue' }, [main]), h('div', { class: 'tsub' }, [sub]),
      h('div', { class: 'tnote', text: note })]));
    const pair = (prefix, o) => [metric(prefix + '-bytes', sum(o, 'bytes'), fmtBytes(sum(o, 'bytes'))), metric(prefix + '-files', sum(o, 'files'), fmtFiles(sum(o, 'files')))];
    const none = (text) => [h('span', { class: 'na', text: text }), h('span', { text: '' })];
    tile('Eligible', 'sent to the builder', ...pair('sent', t.sent));
    tile('Transferred', "read by the Dockerfile's COPY and ADD", ...(t.transferred ? pair('transferred', t.transferred) : none('not estimated')));
    const after = r.shrink && r.shrink.eligible && r.shrink.eligible.after;
    tile('After fix', after ? 'sent once ctxtrim fix is applied' : 'ctxtrim fix proposes nothing', ...(after ? pair('after', after) : none('no change')));
    const ex = t.excluded;
    tile('Kept out', 'by the ignore file', ...(ex && ex.measured !== false ? pair('excluded', ex) : none('not measured')));
    const findings = Array.isArray(r.findings) ? r.findings : [];
    const by = { error: 0, warning: 0, info: 0 };
    for (const f of findings) if (f.severity in by) by[f.severity]++;
    const count = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
    tile('Findings', count(by.error, 'error') + ' · ' + count(by.warning, 'warning') + ' · ' + by.info + ' info',
      metric('findings', findings.length, fmtInt(findings.length)), h('span', { text: findings.length === 1 ? 'finding' : 'findings' }));
    return grid;
  }

  function shrinkCard(view) {
    const s = (view.report || {}).shrink;
    if (!s || !s.eligible) return null;
    const kids = [];
    const group = (title, side) => {
      const max = Math.max(sum(side.before, 'bytes'), sum(side.after, 'bytes'), 1);
      const row = (label, v, cls) => h('div', { class: 'srow' }, [
        h('span', { class: 'slabel', text: label }),
        (() => { const fill = h('span', { class: 'sfill ' + cls }); fill.style.width = Math.max(0.4, 100 * sum(v, 'bytes') / max) + '%'; return h('span', { class: 'strack', 'aria-hidden': 'true' }, [fill]); })(),
        h('span', { class: 'sval', text: fmtBytes(sum(v, 'bytes')) + ' · ' + fmtFiles(sum(v, 'files')) + ' · ' + fmtSec(v.seconds) }),
        h('span', { class: 'ssplit', text: fmtSec(v.bytesSeconds) + ' for the bytes + ' + fmtSec(v.filesSeconds) + ' for the files' }),
      ]);
      const saved = sum(side.before, 'bytes') - sum(side.after, 'bytes');
      kids.push(h('h3', { text: title }), row('Now', side.before || {}, 'before'), row('After fix', side.after || {}, 'after'),
        h('p', { class: 'ssum', text: 'Saves ' + fmtBytes(saved) + ' (' + fmtInt(side.percentSaved || 0) + '%) and ' + fmtSec(Math.max(0, (side.before || {}).seconds - (side.after || {}).seconds)) + ' per build.' }));
    };
    group('Eligible context', s.eligible);
    if (s.transferred) group('Transferred by COPY and ADD', s.transferred);
    kids.push(h('p', { class: 'muted', text: 'Estimated time = bytes ÷ ' + fmtBytes(s.bandwidthBytesPerSecond || 0) + '/s + ' + ((s.perFileSeconds || 0) * 1000).toFixed(2) + ' ms per file; ' + fmtInt(s.patterns || 0) + ' patterns proposed.' }));
    return card('The shrink ctxtrim fix would give', kids, 'shrink');
  }

  // ---- treemap -------------------------------------------------------------------------------------------------

  /** Squarified layout (Bruls, Huizing, van Wijk): values sorted descending; returns [x, y, w, h] per value. */
  function squarify(values, x, y, w, h) {
    const out = new Array(values.length);
    let total = 0;
    for (const v of values) total += v;
    if (total <= 0) return out.fill([x, y, 0, 0]);
    const scale = (w * h) / total;
    let i = 0;
    while (i < values.length) {
      const side = Math.min(w, h);
      let rowSum = values[i] * scale;
      const first = rowSum;
      let last = rowSum;
      let worst = Math.max((side * side * first) / (rowSum * rowSum), (rowSum * rowSum) / (side * side * last));
      let j = i + 1;
      while (j < values.length) {
        const a = values[j] * scale;
        const s2 = rowSum + a;
        const wr = Math.max((side * side * first) / (s2 * s2), (s2 * s2) / (side * side * a));
        if (wr > worst) break;
        worst = wr; rowSum = s2; last = a; j++;
      }
      const thick = side > 0 ? rowSum / side : 0;
      let off = 0;
      for (let k = i; k < j; k++) {
        const len = rowSum > 0 ? (values[k] * scale / rowSum) * side : 0;
        out[k] = w >= h ? [x, y + off, thick, len] : [x + off, y, len, thick];
        off += len;
      }
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
      i = j;
    }
    return out;
  }

  const MIN_AREA = 36; // px²: smaller tiles merge into one "other" tile per parent
  const HEADER = 18;
  const PAD = 3;
  const MAX_DEPTH = 3;

  function Treemap(view) {
    const mapRoot = view.map;
    const parentOf = new Map();
    const present = new Set();
    (function index(n, p) {
      if (p) parentOf.set(n, p);
      present.add(n.class);
      if (Array.isArray(n.children)) for (const c of n.children) index(c, n);
    })(mapRoot, null);
    const ctxRoot = ((view.report || {}).context || {}).root || '.';
    let zoom = mapRoot;
    let measure = 'bytes';
    let tiles = [];
    let active = 0;
    let lastSize = '';

    const area = (n) => (measure === 'bytes' ? sum(n.sent, 'bytes') + sum(n.excluded, 'bytes') : sum(n.sent, 'files') + sum(n.excluded, 'files'));
    const zoomable = (n) => n && n.kind === 'dir' && Array.isArray(n.children) && n.children.some((c) => area(c) > 0);

    const crumbs = h('ol', { class: 'crumbs' });
    const nav = h('nav', { class: 'crumbnav', 'aria-label': 'Treemap zoom' }, [crumbs]);
    const btnBytes = h('button', { type: 'button', 'aria-pressed': 'true', 'data-measure': 'bytes', text: 'Bytes' });
    const btnFiles = h('button', { type: 'button', 'aria-pressed': 'false', 'data-measure': 'files', text: 'Files' });
    const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Tile area' }, [h('span', { class: 'muted', text: 'Area:' }), btnBytes, btnFiles]);
    const box = h('div', { class: 'treemap', role: 'group', 'aria-roledescription': 'treemap', 'aria-label': 'Treemap of the context. Arrow keys move between tiles, Enter zooms into a directory, Escape or Backspace zooms out.' });
    const details = h('div', { class: 'details', 'aria-live': 'polite' }, [h('p', { class: 'muted', text: 'Hover over or focus a tile to see its path, size, class and the ignore-file rule that decided it. Click or press Enter on a directory to zoom in.' })]);
    const legend = h('ul', { class: 'legend', 'aria-label': 'Colours' }, CLASSES.map((c) => h('li', { class: present.has(c.id) ? null : 'absent', 'data-class': c.id }, [
      h('span', { class: 'sw c-' + c.id, 'aria-hidden': 'true' }),
      h('strong', { text: vis(c.label) }), ' ', h('span', { class: 'muted', text: vis(c.description) + (present.has(c.id) ? '' : ' (none here)') })])));
    const tooltip = doc.getElementById('tooltip');
    const element = card('Where the bytes are', [
      h('div', { class: 'maptools' }, [nav, toggle]), box, h('div', { class: 'mapfoot' }, [legend, details])], 'mapcard');

    function info(n) {
      return { node: n, name: n.name, path: n.path, kind: n.kind, cls: typeof n.class === 'string' ? n.class : 'sent', sent: n.sent || {}, excluded: n.excluded || {}, entries: n.entries, rule: n.rule, check: n.check };
    }
    function restInfo(parent, nodes) {
      const byCls = new Map();
      const s = { bytes: 0, files: 0 };
      const e = { bytes: 0, files: 0 };
      let entries = 0;
      for (const n of nodes) {
        s.bytes += sum(n.sent, 'bytes'); s.files += sum(n.sent, 'files');
        e.bytes += sum(n.excluded, 'bytes'); e.files += sum(n.excluded, 'files');
        entries += n.kind === 'dir' ? 1 + (n.entries || 0) : (n.kind === 'rest' ? n.entries || 0 : 1);
        const c = typeof n.class === 'string' ? n.class : 'sent';
        byCls.set(c, (byCls.get(c) || 0) + area(n));
      }
      let cls = 'sent';
      let best = -1;
      for (const [k, v] of byCls) if (v > best) { best = v; cls = k; }
      return { node: null, name: 'other (' + fmtInt(nodes.length) + ' small entries)', path: parent.path, kind: 'rest', cls: cls, sent: s, excluded: e, entries: entries, rule: null, check: null, merged: nodes.length };
    }

    /** The tile's size in the current measure, as people read it. */
    function label(t) {
      return measure === 'bytes' ? fmtBytes(sum(t.sent, 'bytes') + sum(t.excluded, 'bytes')) : fmtFiles(sum(t.sent, 'files') + sum(t.excluded, 'files'));
    }
    const classText = (t) => (t.merged ? 'mostly ' : '') + vis(classLabel(t.cls));

    function place(t, x, y, w, hgt, depth, nested, frag) {
      const e = h('div', {
        class: 'tile c-' + knownClass(t.cls) + (nested ? ' nest' : '') + (t.kind === 'rest' ? ' rest' : '') + (zoomable(t.node) ? ' zoom' : ''),
        role: 'button', tabindex: '-1', 'data-path': t.path, 'data-class': t.cls, 'data-kind': t.kind, 'data-depth': String(depth),
        'data-zoomable': zoomable(t.node) ? '1' : null, 'data-i': String(tiles.length),
        'aria-label': vis(t.name) + ', ' + classText(t) + ', ' + label(t) + (t.kind === 'dir' ? ', directory' : ''),
      });
      e.style.left = x + 'px'; e.style.top = y + 'px';
      e.style.width = Math.max(0, w - 1) + 'px'; e.style.height = Math.max(0, hgt - 1) + 'px';
      if (w >= 36 && hgt >= 15) {
        const nm = h('span', { class: 'tl', text: vis(t.name) });
        if (nested || (hgt < 32 && w >= 90)) nm.append(h('span', { class: 'ts', text: ' ' + label(t) }));
        e.append(nm);
        if (!nested && hgt >= 32 && w >= 50) e.append(h('span', { class: 'tsz', text: label(t) }));
      }
      t.el = e;
      t.nav = nested ? [x + w / 2, y + HEADER / 2] : [x + w / 2, y + hgt / 2];
      tiles.push(t);
      frag.append(e);
    }

    function layout(node, x, y, w, hgt, depth, frag) {
      const kids = (node.children || []).filter((c) => area(c) > 0);
      if (!kids.length || w < 2 || hgt < 2) return;
      if (measure !== 'bytes') kids.sort((a, b) => area(b) - area(a));
      let total = 0;
      for (const k of kids) total += area(k);
      const scale = (w * hgt) / total;
      let cut = kids.length;
      while (cut > 0 && area(kids[cut - 1]) * scale < MIN_AREA) cut--;
      if (cut === kids.length - 1) cut = kids.length; // one small child is drawn as itself
      const items = kids.slice(0, cut).map(info);
      if (cut < kids.length) items.push(restInfo(node, kids.slice(cut)));
      const vals = items.map((t) => (t.node ? area(t.node) : (measure === 'bytes' ? t.sent.bytes + t.excluded.bytes : t.sent.files + t.excluded.files)));
      const rects = squarify(vals, x, y, w, hgt);
      for (let i = 0; i < items.length; i++) {
        const [rx, ry, rw, rh] = rects[i];
        if (rw * rh < 1) continue;
        const t = items[i];
        const nest = depth < MAX_DEPTH && zoomable(t.node) && rw >= 64 && rh >= 48;
        place(t, rx, ry, rw, rh, depth, nest, frag);
        if (nest) layout(t.node, rx + PAD, ry + HEADER, rw - 2 * PAD, rh - HEADER - PAD, depth + 1, frag);
      }
    }

    function draw() {
      const w = box.clientWidth;
      const hgt = box.clientHeight;
      lastSize = w + 'x' + hgt;
      const hadFocus = box.contains(doc.activeElement);
      const keep = tiles[active] && tiles[active].path;
      tiles = [];
      const frag = doc.createDocumentFragment();
      layout(zoom, 0, 0, w, hgt, 1, frag);
      box.replaceChildren(frag);
      if (!tiles.length) box.append(h('p', { class: 'empty', text: 'Nothing to draw: this directory holds no ' + (measure === 'bytes' ? 'bytes.' : 'files.') }));
      const again = tiles.findIndex((t) => t.path === keep);
      active = again >= 0 ? again : 0;
      if (tiles[active]) { tiles[active].el.tabIndex = 0; box.removeAttribute('tabindex'); } else box.tabIndex = 0;
      if (hadFocus && tiles[active]) tiles[active].el.focus();
    }

    function renderCrumbs() {
      const chain = [];
      for (let n = zoom; n; n = parentOf.get(n)) chain.unshift(n);
      crumbs.replaceChildren(...chain.map((n, i) => h('li', null, [h('button', {
        type: 'button', class: 'crumb', 'data-path': n.path, 'data-depth': String(i),
        'aria-current': i === chain.length - 1 ? 'location' : null,
        text: n === mapRoot ? vis(ctxRoot === '.' ? 'context root (.)' : ctxRoot) : vis(n.name),
      })])));
    }

    function zoomTo(n, focusFirst) {
      if (!n) return;
      const from = zoom;
      zoom = n;
      active = 0;
      tiles = [];
      renderCrumbs();
      draw();
      if (focusFirst && tiles.length) {
        const back = tiles.findIndex((t) => t.node === from);
        setActive(back >= 0 ? back : 0, true);
      }
    }

    function describe(t, into) {
      into.replaceChildren(...[
        h('p', { class: 'dpath path', text: vis(t.path) + (t.kind === 'rest' ? ' · ' + vis(t.name) : '') }),
        h('p', { class: 'dclass' }, [h('span', { class: 'sw c-' + knownClass(t.cls), 'aria-hidden': 'true' }), h('strong', { text: classText(t) }), ' ', h('span', { class: 'muted', text: vis((classById.get(t.cls) || {}).description || '') })]),
        h('p', { text: 'Sent: ' + fmtBytes(sum(t.sent, 'bytes')) + ' in ' + fmtFiles(sum(t.sent, 'files')) + (sum(t.excluded, 'files') || sum(t.excluded, 'bytes') ? ' · kept out: ' + fmtBytes(sum(t.excluded, 'bytes')) + ' in ' + fmtFiles(sum(t.excluded, 'files')) : '') + (t.kind !== 'file' && t.entries != null ? ' · ' + fmtInt(t.entries) + ' entries' : '') }),
        h('p', null, [h('span', { class: 'muted', text: 'Rule: ' }), t.rule ? h('code', { text: ruleText(t.rule) }) : h('span', { text: t.kind === 'rest' ? 'several' : 'no ignore-file line matched' }),
          t.check ? h('span', { class: 'muted', text: ' · check ' }) : null, t.check ? h('code', { text: vis(t.check) }) : null]),
        zoomable(t.node) ? h('p', { class: 'muted', text: 'Click or press Enter to zoom in.' }) : null].filter(Boolean));
    }

    function setActive(i, focus) {
      if (!tiles[i]) return;
      if (tiles[active]) tiles[active].el.tabIndex = -1;
      active = i;
      tiles[i].el.tabIndex = 0;
      if (focus) tiles[i].el.focus();
      describe(tiles[i], details);
    }

    function move(key) {
      const cur = tiles[active];
      if (!cur) return;
      if (key === 'Home') return setActive(0, true);
      if (key === 'End') return setActive(tiles.length - 1, true);
      const [cx, cy] = cur.nav;
      const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key];
      let best = -1;
      let bestScore = Infinity;
      for (let i = 0; i < tiles.length; i++) {
        if (i === active) continue;
        const dx = tiles[i].nav[0] - cx;
        const dy = tiles[i].nav[1] - cy;
        const along = dx * dir[0] + dy * dir[1];
        if (along <= 0.5) continue;
        const across = Math.abs(dx * dir[1] + dy * dir[0]);
        const score = along + 2 * across;
        if (score < bestScore) { bestScore = score; best = i; }
      }
      if (best < 0) best = key === 'ArrowRight' || key === 'ArrowDown' ? Math.min(active + 1, tiles.length - 1) : Math.max(active - 1, 0);
      setActive(best, true);
    }

    const tileOf = (target) => {
      const e = target && target.closest ? target.closest('.tile') : null;
      return e && box.contains(e) ? tiles[Number(e.dataset.i)] : null;
    };

    box.addEventListener('click', (ev) => {
      const t = tileOf(ev.target);
      if (!t) return;
      setActive(tiles.indexOf(t), true);
      if (zoomable(t.node)) zoomTo(t.node, true);
    });
    box.addEventListener('keydown', (ev) => {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      const from = tileOf(ev.target);
      if (from && tiles[active] !== from) setActive(tiles.indexOf(from), false);
      const k = ev.key;
      if (k.startsWith('Arrow') || k === 'Home' || k === 'End') { ev.preventDefault(); move(k); }
      else if (k === 'Enter' || k === ' ') {
        ev.preventDefault();
        const t = tiles[active];
        if (t && zoomable(t.node)) zoomTo(t.node, true);
        else if (t) {
          // A file drawn inside a nested directory: Enter zooms into that directory, so every directory on the map
          // can be entered from the keyboard, even one whose own tile its children cover.
          let n = parentOf.get(t.node);
          while (n && parentOf.get(n) !== zoom && n !== zoom) n = parentOf.get(n);
          if (n && n !== zoom && zoomable(n)) zoomTo(n, true);
        }
      } else if (k === 'Escape' || k === 'Backspace') {
        const up = parentOf.get(zoom);
        hideTip();
        if (up) { ev.preventDefault(); zoomTo(up, true); }
      }
    });
    box.addEventListener('focusin', (ev) => {
      const t = tileOf(ev.target);
      if (t) setActive(tiles.indexOf(t), false);
    });
    let shown = null;
    box.addEventListener('mousemove', (ev) => {
      const t = tileOf(ev.target);
      if (!t) return hideTip();
      if (shown !== t || tooltip.hidden) {
        describe(t, tooltip);
        describe(t, details);
        shown = t;
      }
      tooltip.hidden = false;
      const pad = 14;
      const tw = tooltip.offsetWidth;
      const th = tooltip.offsetHeight;
      let x = ev.clientX + pad;
      let y = ev.clientY + pad;
      if (x + tw > window.innerWidth - 4) x = Math.max(4, ev.clientX - tw - pad);
      if (y + th > window.innerHeight - 4) y = Math.max(4, ev.clientY - th - pad);
      tooltip.style.left = x + 'px';
      tooltip.style.top = y + 'px';
    });
    function hideTip() { tooltip.hidden = true; }
    box.addEventListener('mouseleave', hideTip);
    crumbs.addEventListener('click', (ev) => {
      const b = ev.target.closest('button');
      if (!b) return;
      const depth = Number(b.dataset.depth);
      let n = zoom;
      const chain = [];
      for (; n; n = parentOf.get(n)) chain.unshift(n);
      if (chain[depth] && chain[depth] !== zoom) zoomTo(chain[depth], false);
    });
    for (const b of [btnBytes, btnFiles]) {
      b.addEventListener('click', () => {
        measure = b.dataset.measure;
        btnBytes.setAttribute('aria-pressed', String(measure === 'bytes'));
        btnFiles.setAttribute('aria-pressed', String(measure === 'files'));
        draw();
      });
    }
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
      if (box.clientWidth + 'x' + box.clientHeight !== lastSize) requestAnimationFrame(draw);
    }) : null;

    return {
      element: element,
      start() { renderCrumbs(); draw(); if (observer) observer.observe(box); },
      stop() { if (observer) observer.disconnect(); hideTip(); },
    };
  }

  // ---- findings ------------------------------------------------------------------------------------------------

  function findingsCard(view) {
    const r = view.report || {};
    const findings = Array.isArray(r.findings) ? r.findings : [];
    if (!findings.length) return card('Findings', [h('p', { class: 'muted', text: 'No findings: the checks found nothing to report in this context.' })], 'findings');
    const failOn = r.check && r.check.failOn in SEVERITY ? SEVERITY[r.check.failOn] : -1;
    const cols = [
      { key: 'severity', label: 'Severity', cmp: (a, b) => (SEVERITY[a.severity] ?? 9) - (SEVERITY[b.severity] ?? 9) },
      { key: 'check', label: 'Check', cmp: (a, b) => String(a.check).localeCompare(String(b.check)) },
      { key: 'path', label: 'Path', cmp: (a, b) => String(a.path).localeCompare(String(b.path)) || (a.line || 0) - (b.line || 0) },
      { key: 'bytes', label: 'Bytes', num: true, cmp: (a, b) => (a.bytes || 0) - (b.bytes || 0) },
      { key: 'files', label: 'Files', num: true, cmp: (a, b) => (a.files || 0) - (b.files || 0) },
      { key: 'message', label: 'Message' },
    ];
    const rows = findings.map((f, i) => ({ f: f, i: i, tr: h('tr', { 'data-severity': vis(f.severity), 'data-bytes': String(f.bytes || 0), 'data-files': String(f.files || 0) }, [
      h('td', null, [h('span', { class: 'sev sev-' + (f.severity in SEVERITY ? f.severity : 'info'), text: vis(f.severity) }),
        failsCheck(f, failOn) ? h('span', { class: 'fails', text: 'fails check' }) : null]),
      h('td', null, [h('code', { text: vis(f.check) })]),
      h('td', { class: 'path' }, [h('code', { text: vis(f.path) + (f.line != null ? ':' + f.line : '') })]),
      h('td', { class: 'num', text: fmtBytes(f.bytes || 0) }),
      h('td', { class: 'num', text: fmtInt(f.files || 0) }),
      h('td', { class: 'msg', text: vis(f.message) }),
    ]) }));
    const tbody = h('tbody', null, rows.map((x) => x.tr));
    const ths = cols.map((c) => {
      if (!c.cmp) return h('th', { scope: 'col', text: c.label });
      return h('th', { scope: 'col', class: c.num ? 'num' : null, 'aria-sort': 'none', 'data-key': c.key }, [
        h('button', { type: 'button', class: 'sort', 'data-key': c.key }, [c.label, h('span', { class: 'arrow', 'aria-hidden': 'true' })])]);
    });
    let sortKey = null;
    let dir = 1;
    const thead = h('thead', null, [h('tr', null, ths)]);
    thead.addEventListener('click', (ev) => {
      const b = ev.target.closest('button.sort');
      if (!b) return;
      const c = cols.find((x) => x.key === b.dataset.key);
      if (sortKey === c.key) dir = -dir;
      else { sortKey = c.key; dir = c.num ? -1 : 1; }
      const sorted = rows.slice().sort((a, b2) => dir * c.cmp(a.f, b2.f) || a.i - b2.i);
      tbody.replaceChildren(...sorted.map((x) => x.tr));
      for (const th of ths) if (th.dataset.key) th.setAttribute('aria-sort', th.dataset.key === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    return card('Findings', [
      h('p', { class: 'muted', text: 'Sort by a column by pressing its header. Secret values are never in this report; only paths and check names are.' }),
      h('div', { class: 'tablewrap' }, [h('table', { class: 'ftable' }, [thead, tbody])])], 'findings');
  }

  // ---- diff, largest, profile ----------------------------------------------------------------------------------

  function fixCard(view) {
    const fix = view.fix;
    if (!fix || !fix.diff) return card('Proposed ignore-file change', [h('p', { class: 'muted', text: 'Nothing to propose: ctxtrim fix would not change the ignore file.' })], 'fix');
    const pre = h('pre', { class: 'diff', 'aria-label': 'Unified diff of ' + vis(fix.ignoreFile || 'the ignore file') });
    const lines = String(fix.diff).replace(/\n$/, '').split('\n');
    for (const line of lines) {
      let cls = 'dc';
      if (line.startsWith('+++') || line.startsWith('---')) cls = 'dm';
      else if (line.startsWith('@@')) cls = 'dh';
      else if (line.startsWith('+')) cls = 'da';
      else if (line.startsWith('-')) cls = 'dd';
      pre.append(h('span', { class: cls, text: vis(line) || ' ' }));
    }
    const n = Array.isArray(fix.patterns) ? fix.patterns.length : 0;
    return card('Proposed ignore-file change', [h('p', { class: 'muted', text: 'ctxtrim fix would add ' + fmtInt(n) + (n === 1 ? ' pattern' : ' patterns') + ' to ' + vis(fix.ignoreFile || 'the ignore file') + '. Added lines start with +, removed ones with −.' }), pre], 'fix');
  }

  function barRows(items, withFiles) {
    const max = Math.max(1, ...items.map((x) => x.bytes || 0));
    return items.map((x) => {
      const fill = h('span', { class: 'bfill' });
      fill.style.width = Math.max(0.5, 100 * (x.bytes || 0) / max) + '%';
      return h('tr', null, [h('td', { class: 'path' }, [h('code', { text: vis(x.path) })]),
        h('td', { class: 'barcell' }, [h('span', { class: 'btrack', 'aria-hidden': 'true' }, [fill])]),
        h('td', { class: 'num', text: fmtBytes(x.bytes || 0) }), withFiles ? h('td', { class: 'num', text: fmtInt(x.files || 0) }) : null]);
    });
  }

  function largestCards(view) {
    const l = (view.report || {}).largest || {};
    const files = Array.isArray(l.files) ? l.files : [];
    const dirs = Array.isArray(l.dirs) ? l.dirs : [];
    return [
      card('Largest files sent', [files.length ? table(['Path', '', 'Size'], barRows(files, false), 'bars') : h('p', { class: 'muted', text: 'No files.' })], 'largest'),
      card('Largest directories sent', [dirs.length ? table(['Path', '', 'Size', 'Files'], barRows(dirs, true), 'bars') : h('p', { class: 'muted', text: 'No directories.' })], 'largest'),
    ];
  }

  function cellText(key, v) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') {
      if (/bytes$/i.test(key)) return fmtBytes(v);
      if (/seconds$/i.test(key)) return fmtSec(v);
      return Number.isInteger(v) ? fmtInt(v) : String(v);
    }
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (Array.isArray(v)) return v.map((x) => cellText(key, x)).join(', ');
    if (typeof v === 'object') {
      if ('pattern' in v && 'file' in v) return ruleText(v);
      return Object.keys(v).map((k) => words(k) + ' ' + cellText(k, v[k])).join(', ');
    }
    return vis(v);
  }

  const KEY_ORDER = ['path', 'context', 'file', 'line', 'pattern', 'exception', 'rules', 'reason', 'seconds', 'entries', 'matched', 'decided', 'sent', 'walkedNotSent', 'bytes', 'saving'];
  const keyRank = (k) => (KEY_ORDER.includes(k) ? KEY_ORDER.indexOf(k) : KEY_ORDER.length);

  function genericTable(rows) {
    const keys = [];
    for (const r of rows) if (r && typeof r === 'object') for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
    keys.sort((a, b) => keyRank(a) - keyRank(b));
    const numeric = keys.map((k) => rows.every((r) => r == null || r[k] == null || typeof r[k] === 'number'));
    const head = h('thead', null, [h('tr', null, keys.map((k, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null, text: words(k) })))]);
    const body = h('tbody', null, rows.map((r) => h('tr', null, keys.map((k, i) => h('td', { class: numeric[i] ? 'num' : (k === 'path' || k === 'file' || k === 'pattern' ? 'path' : null), text: cellText(k, (r || {})[k]) })))));
    return h('div', { class: 'tablewrap' }, [h('table', { class: 'generic' }, [head, body])]);
  }

  const PROFILE_TITLES = { topDirectories: 'Time and entries per top directory', rules: 'Time per ignore-file rule', unprunable: 'Directories BuildKit cannot prune (a wildcard exception forces a walk)' };

  function profileCard(p) {
    if (!p || typeof p !== 'object') return null;
    const kids = [];
    const facts = h('dl', { class: 'facts' });
    const fact = (k, v) => facts.append(h('div', null, [h('dt', { text: k }), h('dd', { text: v })]));
    if (typeof p.walkSeconds === 'number') fact('Walk', fmtSec(p.walkSeconds));
    if (p.threads != null) fact('Threads', fmtInt(p.threads));
    if (p.entries && typeof p.entries === 'object') for (const k of Object.keys(p.entries)) fact('Entries ' + words(k), cellText(k, p.entries[k]));
    for (const k of Object.keys(p)) {
      const v = p[k];
      if (!Array.isArray(v) && v !== null && typeof v !== 'object' && !['walkSeconds', 'threads'].includes(k)) fact(words(k), cellText(k, v));
    }
    if (facts.childNodes.length) kids.push(facts);
    const order = ['topDirectories', 'rules', 'unprunable'].concat(Object.keys(p).filter((k) => Array.isArray(p[k]) && !(k in PROFILE_TITLES)));
    for (const k of order) {
      if (!Array.isArray(p[k])) continue;
      kids.push(h('h3', { text: PROFILE_TITLES[k] || words(k) }));
      kids.push(p[k].length ? genericTable(p[k]) : h('p', { class: 'muted', text: 'None.' }));
    }
    return card('Profile of the walk', kids, 'profile');
  }

  // ---- views and tabs ------------------------------------------------------------------------------------------

  function renderView(view, main) {
    const tm = view.map ? Treemap(view) : null;
    const shrink = shrinkCard(view);
    main.append(headerCard(view), totalsGrid(view));
    if (shrink) main.append(shrink);
    if (tm) main.append(tm.element);
    main.append(findingsCard(view), fixCard(view), h('div', { class: 'cols' }, largestCards(view)));
    const prof = profileCard((view.report || {}).profile || DATA.profile);
    if (prof) main.append(prof);
    if (tm) tm.start();
    return tm;
  }

  function renderShared(s, main) {
    const t = s.totals || {};
    const grid = h('div', { class: 'totals' });
    const tile = (label, note, a, b) => grid.append(h('div', { class: 'total' }, [h('div', { class: 'tlabel', text: label }), h('div', { class: 'tvalue' }, [a]), h('div', { class: 'tsub' }, [b]), h('div', { class: 'tnote', text: note })]));
    const pair = (name, o) => [metric('shared-' + name + '-bytes', sum(o, 'bytes'), fmtBytes(sum(o, 'bytes'))), metric('shared-' + name + '-files', sum(o, 'files'), fmtFiles(sum(o, 'files')))];
    tile('Builds', fmtInt(t.contexts || 0) + ' distinct contexts', metric('shared-builds', t.builds || 0, fmtInt(t.builds || 0)), h('span', { text: 'builds' }));
    if (t.sent) tile('Sent, each context once', 'what the builder receives', ...pair('sent', t.sent));
    if (t.sentByBuilds) tile('Sent by all builds', 'counting a shared context per build', ...pair('by-builds', t.sentByBuilds));
    if (t.transferred) tile('Transferred', 'by COPY and ADD', ...pair('transferred', t.transferred));
    main.append(h('section', { class: 'card head' }, [h('h1', { text: 'Shared contexts' }), h('p', { class: 'muted', text: 'Contexts that several builds send, and how the builds were found.' })]), grid);
    const contexts = Array.isArray(s.contexts) ? s.contexts : [];
    const max = Math.max(1, ...contexts.map((c) => sum(c.sent, 'bytes')));
    main.append(card('Contexts', [contexts.length ? table(['Context', 'Ignore file', 'Builds', '', 'Size', 'Files'], contexts.map((c) => {
      const fill = h('span', { class: 'bfill' });
      fill.style.width = Math.max(0.5, 100 * sum(c.sent, 'bytes') / max) + '%';
      return h('tr', { class: Array.isArray(c.builds) && c.builds.length > 1 ? 'sharedrow' : null }, [
        h('td', { class: 'path' }, [h('code', { text: vis(c.context) })]), h('td', { class: 'path', text: c.ignoreFile ? vis(c.ignoreFile) : 'none' }),
        h('td', { class: 'path', text: (Array.isArray(c.builds) ? c.builds : []).map(vis).join(', ') }),
        h('td', { class: 'barcell' }, [h('span', { class: 'btrack', 'aria-hidden': 'true' }, [fill])]),
        h('td', { class: 'num', text: fmtBytes(sum(c.sent, 'bytes')) }), h('td', { class: 'num', text: fmtInt(sum(c.sent, 'files')) })]);
    }), 'bars') : h('p', { class: 'muted', text: 'No contexts.' })]));
    const d = s.discovery;
    if (d && typeof d === 'object') {
      const kids = [];
      const facts = h('dl', { class: 'facts' });
      facts.append(h('div', null, [h('dt', { text: 'Config file' }), h('dd', { class: 'path', text: d.configFile ? vis(d.configFile) : 'none' })]));
      if (Array.isArray(d.filesRead)) facts.append(h('div', null, [h('dt', { text: 'Files read' }), h('dd', { class: 'path', text: d.filesRead.length ? d.filesRead.map(vis).join(', ') : 'none' })]));
      kids.push(facts);
      for (const k of ['notRead', 'skipped']) {
        if (Array.isArray(d[k]) && d[k].length) kids.push(h('h3', { text: k === 'notRead' ? 'Not read' : 'Skipped' }), genericTable(d[k]));
      }
      main.append(card('Discovery', kids));
    }
  }

  const main = doc.getElementById('main');
  const tabsEl = doc.getElementById('tabs');
  const sub = doc.getElementById('brand-sub');
  sub.textContent = vis(DATA.command || 'scan') + ' · ' + vis((DATA.tool && DATA.tool.name) || 'ctxtrim') + ' ' + vis((DATA.tool && DATA.tool.version) || '');
  const panes = DATA.views.map((v, i) => ({ label: v.name != null ? vis(v.name) : 'Build ' + (i + 1), draw: (m) => renderView(v, m) }));
  if (DATA.shared) panes.push({ label: 'Shared contexts', draw: (m) => { renderShared(DATA.shared, m); return null; } });
  let live = null;
  let tabs = [];

  function select(i, focus) {
    if (live) live.stop();
    main.replaceChildren();
    tabs.forEach((t, j) => { t.setAttribute('aria-selected', String(i === j)); t.tabIndex = i === j ? 0 : -1; });
    if (tabs[i]) { main.setAttribute('aria-labelledby', tabs[i].id); if (focus) tabs[i].focus(); }
    main.dataset.pane = String(i);
    live = panes[i].draw(main);
  }

  if (panes.length > 1) {
    main.setAttribute('role', 'tabpanel');
    tabs = panes.map((p, i) => h('button', { type: 'button', role: 'tab', id: 'tab-' + i, 'aria-controls': 'main', 'aria-selected': 'false', 'data-tab': String(i), text: p.label }));
    tabsEl.append(...tabs);
    tabsEl.hidden = false;
    tabsEl.addEventListener('click', (ev) => { const b = ev.target.closest('[role=tab]'); if (b) select(Number(b.dataset.tab), false); });
    tabsEl.addEventListener('keydown', (ev) => {
      const cur = tabs.indexOf(doc.activeElement);
      if (cur < 0) return;
      let next = -1;
      if (ev.key === 'ArrowRight') next = (cur + 1) % tabs.length;
      else if (ev.key === 'ArrowLeft') next = (cur - 1 + tabs.length) % tabs.length;
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = tabs.length - 1;
      if (next >= 0) { ev.preventDefault(); select(next, true); }
    });
  }
  if (!panes.length) throw new Error('the embedded data has no views');
  select(0, false);
  root.dataset.renderMs = (performance.now() - T0).toFixed(1);
  root.dataset.rendered = '1';
})();
