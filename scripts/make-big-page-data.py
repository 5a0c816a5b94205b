#!/usr/bin/env python3
"""Write a report-page DATA file with a large treemap (default about 3000 nodes), for timing the page.

usage: scripts/make-big-page-data.py [--nodes N] [--seed S] OUT.json

The tree is synthetic but shaped like a monorepo (services with src/, node_modules with packages, dist/, a kept-out
.git, logs, secrets, large dumps), and the report's totals, largest files and directories agree with the map, as
PAGE-CONTRACT.md requires. `build_view` is also what the hand-checked fixtures in Fixtures/report-page were made
with. Standard library only.
"""
import argparse
import json
import random
import sys

CLASSES = [
    {"id": "sent", "label": "sent", "description": "sent to the builder"},
    {"id": "excluded", "label": "kept out", "description": "kept out by the ignore file"},
    {"id": "fix", "label": "fix keeps out", "description": "would be kept out by ctxtrim fix"},
    {"id": "secret", "label": "secret", "description": "a credential or private key"},
    {"id": "dependency", "label": "dependency", "description": "installed dependencies (node_modules, .venv, vendor)"},
    {"id": "build-output", "label": "build output", "description": "compiled output (dist, target, bin)"},
    {"id": "large-file", "label": "large file", "description": "a file over the large-file threshold"},
    {"id": "git-ignored", "label": "git-ignored", "description": "ignored by git yet sent"},
]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def rule(file, line, pattern):
    return {"file": file, "line": line, "pattern": pattern, "exception": pattern.startswith("!")}


def build_map(files, dirs, maxnodes=None):
    """files: [{path, bytes, excluded?, class?, rule?, check?}]; dirs: {path: {class?, rule?, check?, excluded?
    {bytes, files}, entries?}} for directories with a class of their own or contents not walked."""
    root = {"name": ".", "path": ".", "kind": "dir", "children": {}}
    def dir_node(path):
        node = root
        if path == ".":
            return node
        parts = path.split("/")
        for i, part in enumerate(parts):
            node = node["children"].setdefault(part, {
                "name": part, "path": "/".join(parts[: i + 1]), "kind": "dir", "children": {}})
        return node
    for path in dirs:
        dir_node(path)
    for f in files:
        parent, _, name = f["path"].rpartition("/")
        d = dir_node(parent or ".")
        d["children"][name] = {"name": name, "path": f["path"], "kind": "file", "file": f}

    def finish(node, inherited):
        meta = dirs.get(node["path"], {}) if node["kind"] == "dir" else node["file"]
        cls = meta.get("class") or inherited
        r = meta.get("rule")
        check = meta.get("check")
        if node["kind"] == "file":
            f = node["file"]
            excl = bool(f.get("excluded"))
            out = {"name": node["name"], "path": node["path"], "kind": "file",
                   "sent": {"bytes": 0 if excl else f["bytes"], "files": 0 if excl else 1},
                   "excluded": {"bytes": f["bytes"] if excl else 0, "files": 1 if excl else 0},
                   "entries": 1, "rule": r, "check": check,
                   "class": cls or ("excluded" if excl else "sent")}
            return out
        kids = [finish(c, cls if cls not in (None, "sent") else None) for c in node["children"].values()]
        kids.sort(key=lambda k: (-(k["sent"]["bytes"] + k["excluded"]["bytes"]), k["path"]))
        sent = {"bytes": sum(k["sent"]["bytes"] for k in kids), "files": sum(k["sent"]["files"] for k in kids)}
        excl = {"bytes": sum(k["excluded"]["bytes"] for k in kids),
                "files": sum(k["excluded"]["files"] for k in kids)}
        if "excluded" in meta:
            excl = {"bytes": excl["bytes"] + meta["excluded"]["bytes"],
                    "files": excl["files"] + meta["excluded"]["files"]}
        entries = sum(k["entries"] + (1 if k["kind"] == "dir" else 0) for k in kids) + meta.get("entries", 0)
        if not cls:
            cls = "excluded" if sent["files"] == 0 and excl["files"] > 0 else "sent"
        return {"name": node["name"], "path": node["path"], "kind": "dir", "class": cls,
                "sent": sent, "excluded": excl, "entries": entries, "rule": r, "check": check,
                "children": kids}
    return finish(root, None)


def count_nodes(node):
    return 1 + sum(count_nodes(c) for c in node.get("children", []))


def fmt_bytes(n):
    units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
    value, unit = float(n), 0
    while abs(value) >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{n} B"
    rounded = round(value * 10) / 10
    if rounded >= 100:
        return f"{round(value)} {units[unit]}"
    return f"{rounded:.1f} {units[unit]}"


def shrink_side(nbytes, nfiles, bandwidth=12_500_000, per_file=0.0005):
    bs, fs = round(nbytes / bandwidth, 3), round(nfiles * per_file, 3)
    return {"bytes": nbytes, "files": nfiles, "bytesSeconds": bs, "filesSeconds": fs, "seconds": round(bs + fs, 3)}


def build_view(name, root, files, dirs, ignore_file, findings, fix_patterns, fix_diff, check=None,
               dockerfile="Dockerfile", kept_by_fix=()):
    """A view of DATA: the report (in the shape of `scan --format json`), the map and the fix."""
    tree = build_map(files, dirs)
    sent_files = [f for f in files if not f.get("excluded")]
    dir_totals = {}
    for f in sent_files:
        parts = f["path"].split("/")[:-1]
        for i in range(1, len(parts) + 1):
            p = "/".join(parts[:i])
            t = dir_totals.setdefault(p, {"path": p, "bytes": 0, "files": 0})
            t["bytes"] += f["bytes"]
            t["files"] += 1
    excluded_files = [f for f in files if f.get("excluded")]
    extra_excl = [d["excluded"] for d in dirs.values() if "excluded" in d]
    excl_bytes = sum(f["bytes"] for f in excluded_files) + sum(e["bytes"] for e in extra_excl)
    excl_count = len(excluded_files) + sum(e["files"] for e in extra_excl)
    kept = [f for f in sent_files if any(f["path"] == k or f["path"].startswith(k + "/") for k in kept_by_fix)]
    before = shrink_side(sum(f["bytes"] for f in sent_files), len(sent_files))
    after = shrink_side(before["bytes"] - sum(f["bytes"] for f in kept), before["files"] - len(kept))
    shrink = None
    if fix_patterns:
        shrink = {"bandwidthBytesPerSecond": 12_500_000, "perFileSeconds": 0.0005, "patterns": len(fix_patterns),
                  "eligible": {"before": before, "after": after,
                               "percentSaved": round(100 * (1 - after["bytes"] / max(before["bytes"], 1)))},
                  "transferred": None}
    exts = {}
    for f in sent_files:
        base = f["path"].rsplit("/", 1)[-1]
        ext = "." + base.rsplit(".", 1)[1] if "." in base[1:] else "(none)"
        e = exts.setdefault(ext, {"name": ext, "bytes": 0, "files": 0})
        e["bytes"] += f["bytes"]
        e["files"] += 1
    top = {}
    for f in sent_files:
        p = f["path"].split("/")[0]
        t = top.setdefault(p, {"path": p, "bytes": 0, "files": 0})
        t["bytes"] += f["bytes"]
        t["files"] += 1
    findings = sorted(findings, key=lambda x: (x["path"], SEVERITY_RANK[x["severity"]], x["check"]))
    report = {
        "build": {"copyAllOnly": [], "error": None, "rootSourceLine": 4, "sources": 3, "target": ""},
        "context": {"dockerfile": dockerfile, "dockerfileExists": True, "ignoreFile": ignore_file,
                    "ignoreFileOrigin": "context" if ignore_file else None, "patterns": 2 if ignore_file else 0,
                    "root": root, "shadowedIgnoreFile": None},
        "diagnostics": [],
        "extensions": sorted(exts.values(), key=lambda e: (-e["bytes"], e["name"]))[:10],
        "findings": findings,
        "git": {"contextPath": root, "ignored": None, "largestIgnored": [], "repository": ".", "tracked": None,
                "untracked": None, "vcs": None},
        "largest": {
            "dirs": sorted(dir_totals.values(), key=lambda d: (-d["bytes"], d["path"]))[:10],
            "files": [{"path": f["path"], "bytes": f["bytes"]}
                      for f in sorted(sent_files, key=lambda f: (-f["bytes"], f["path"]))[:10]]},
        "schemaVersion": 1,
        "shrink": shrink,
        "topLevel": sorted(top.values(), key=lambda t: t["path"]),
        "totals": {
            "excluded": {"bytes": excl_bytes, "dirs": len([d for d in dirs.values() if "excluded" in d]),
                         "files": excl_count, "measured": True, "others": 0,
                         "skippedDirs": len(extra_excl), "symlinks": 0},
            "sent": {"bytes": before["bytes"], "dirs": len(dir_totals), "files": before["files"], "others": 0,
                     "symlinks": 0},
            "transferred": {"bytes": before["bytes"] - 1024, "files": max(before["files"] - 1, 0)}},
    }
    if check is not None:
        report["check"] = check
    assert tree["sent"] == {"bytes": report["totals"]["sent"]["bytes"], "files": report["totals"]["sent"]["files"]}
    fix = {"ignoreFile": ignore_file or ".dockerignore", "diff": fix_diff, "patterns": fix_patterns} \
        if fix_patterns else None
    return {"name": name, "report": report, "map": tree, "fix": fix}


def finding(check, severity, path, nbytes, nfiles, message, subject="file", suggestion=None, line=None):
    return {"bytes": nbytes, "check": check, "files": nfiles, "line": line, "message": message, "path": path,
            "severity": severity, "subject": subject, "suggestion": suggestion}


def synthetic(nodes, seed):
    rnd = random.Random(seed)
    files, dirs = [], {}
    ign = ".dockerignore"
    dirs[".git"] = {"rule": rule(ign, 1, ".git"), "excluded": {"bytes": 48_000_000, "files": 2100},
                    "entries": 2100}
    count = 2
    seen = set()
    def new_dirs(path):
        parts = path.split("/")[:-1]
        fresh = {"/".join(parts[: i + 1]) for i in range(len(parts))} - seen
        seen.update(fresh)
        return len(fresh)
    def size(mu=8.0, sigma=2.0):
        return max(0, int(rnd.lognormvariate(mu, sigma)))
    services = ["api", "web", "worker", "billing", "search", "gateway", "auth", "notify"]
    while count < nodes:
        svc = rnd.choice(services)
        kind = rnd.random()
        if kind < 0.45:
            d = f"services/{svc}/node_modules/pkg{rnd.randrange(400)}"
            dirs.setdefault(f"services/{svc}/node_modules",
                            {"class": "dependency", "check": "dependency-dir"})
            path = f"{d}/{rnd.choice(['lib', 'dist', 'src'])}/f{count}.js"
        elif kind < 0.75:
            path = f"services/{svc}/src/{rnd.choice(['routes', 'models', 'lib', 'views'])}/m{count}.ts"
        elif kind < 0.85:
            dirs.setdefault(f"services/{svc}/dist", {"class": "build-output", "check": "build-output"})
            path = f"services/{svc}/dist/chunk{count}.js"
        elif kind < 0.92:
            dirs.setdefault(f"services/{svc}/coverage", {"rule": rule(ign, 2, "**/coverage")})
            path = f"services/{svc}/coverage/c{count}.html"
            files.append({"path": path, "bytes": size(), "excluded": True, "rule": rule(ign, 2, "**/coverage")})
            count += 1 + new_dirs(path)
            continue
        else:
            dirs.setdefault(f"services/{svc}/logs", {"class": "fix", "check": "log-file"})
            path = f"services/{svc}/logs/run{count}.log"
        files.append({"path": path, "bytes": size()})
        count += 1 + new_dirs(path)
    files.append({"path": "dump.sql", "bytes": 73_400_320, "class": "large-file", "check": "large-file"})
    files.append({"path": "services/api/.env.production", "bytes": 412, "class": "secret", "check": "secret-file"})
    files.append({"path": "scratch/profile.bin", "bytes": 9_437_184, "class": "git-ignored",
                  "check": "untracked-bulk"})
    findings = [
        finding("secret-file", "error", "services/api/.env.production", 412, 1,
                "A dotenv file would be sent to the builder: add `**/.env.production` to .dockerignore."),
        finding("large-file", "warning", "dump.sql", 73_400_320, 1,
                "`dump.sql` is a database dump (70.0 MiB, untracked) that the build would transfer."),
    ]
    for svc in services:
        if f"services/{svc}/node_modules" in dirs:
            findings.append(finding("dependency-dir", "warning", f"services/{svc}/node_modules", 0, 0,
                                    "holds installed dependencies: add `**/node_modules` to .dockerignore.",
                                    subject="directory", suggestion="**/node_modules"))
    patterns = ["**/node_modules", "**/dist", "**/logs", "**/.env.production", "dump.sql"]
    diff = "--- a/.dockerignore\n+++ b/.dockerignore\n@@ -1,2 +1,7 @@\n .git\n **/coverage\n" + \
        "".join(f"+{p}\n" for p in patterns)
    kept = [d for d, m in dirs.items() if m.get("class") in ("dependency", "build-output", "fix")]
    kept += ["dump.sql", "services/api/.env.production"]
    view = build_view(None, ".", files, dirs, ign, findings, patterns, diff, kept_by_fix=kept)
    # Fill in the finding sizes from the map, so the table agrees with the tree.
    by_path = {}
    def index(n):
        by_path[n["path"]] = n
        for c in n.get("children", []):
            index(c)
    index(view["map"])
    for f in view["report"]["findings"]:
        node = by_path.get(f["path"])
        if node:
            f["bytes"], f["files"] = node["sent"]["bytes"], node["sent"]["files"]
    return view


def main(argv):
    parser = argparse.ArgumentParser(description="Write a report-page DATA file with a large treemap.")
    parser.add_argument("out")
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    view = synthetic(args.nodes, args.seed)
    data = {"ctxtrimPage": 1, "tool": {"name": "ctxtrim", "version": "0.2.0"}, "command": "scan",
            "classes": CLASSES, "views": [view], "shared": None, "profile": None}
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=None, sort_keys=True)
    print(f"{args.out}: {count_nodes(view['map'])} nodes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
