#!/usr/bin/env bash
# Times `scan --all` on a generated monorepo of 50 builds against one scan of the same repository, in one run.
#
#   Benchmarks/monorepo-bench.sh [TREE] [RUNS]
#
# TREE defaults to /tmp/ctxtrim-monorepo-tree, made when missing: 30 Node services with their own Dockerfile and
# .dockerignore (installed node_modules in each), a compose.yaml with 10 services built from apps/, and 10
# Dockerfiles under docker/ built from the repository root (`docker build -f docker/x.Dockerfile .`): about 70,000
# files, a git repository with the sources committed. Each command runs RUNS times (default 5) after one warm-up,
# round-robin; the script prints medians, peak RSS and the ratio the issue sets a bound on (--all at most 2x one
# scan of the root). Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-/tmp/ctxtrim-monorepo-tree}
runs=${2:-5}

if [ ! -d "$tree" ]; then
    echo "building the monorepo at $tree" >&2
    python3 - "$tree" <<'PY'
import os, sys
root = sys.argv[1]
def write(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
for s in range(30):
    svc = f"services/svc{s:02d}"
    write(f"{svc}/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\n"
          "RUN npm ci\nCOPY src ./src\nCMD [\"node\", \"src/index.js\"]\n")
    write(f"{svc}/.dockerignore", "node_modules\n*.log\n.env\n")
    write(f"{svc}/package.json", '{"name": "svc%d", "version": "1.0.0"}\n' % s)
    write(f"{svc}/package-lock.json", "{}\n")
    for f in range(150):
        write(f"{svc}/src/module{f // 30}/file{f}.js", f"export const v{f} = {f};\n" * 20)
    for d in range(40):
        for f in range(50):
            write(f"{svc}/node_modules/dep{d}/lib/f{f}.js", "module.exports = 1;\n" * 10)
    write(f"{svc}/debug.log", "line\n" * 2000)
compose = ["services:"]
for a in range(10):
    app = f"apps/app{a}"
    write(f"{app}/Dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\n"
          "RUN pip install -r requirements.txt\nCOPY app ./app\n")
    write(f"{app}/requirements.txt", "flask==3.0.0\n")
    for f in range(100):
        write(f"{app}/app/views/v{f}.py", f"def view{f}():\n    return {f}\n" * 10)
    for f in range(300):
        write(f"{app}/.venv/lib/site-packages/pkg{f // 30}/m{f}.py", "x = 1\n" * 20)
    compose += [f"  app{a}:", "    build:", f"      context: {app}", "      args:", "        MODE: release"]
write("compose.yaml", "\n".join(compose) + "\n")
for t in range(10):
    write(f"docker/tool{t}.Dockerfile", "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\n"
          f"COPY tools/tool{t} ./tools/tool{t}\nRUN go build ./tools/tool{t}\n")
    for f in range(40):
        write(f"tools/tool{t}/cmd{f}.go", f"package main\n// {f}\n" * 10)
write("go.mod", "module example.com/mono\n\ngo 1.22\n")
write("go.sum", "\n")
write(".dockerignore", "**/node_modules\n**/.venv\n**/*.log\n.git\n")
write(".gitignore", "node_modules/\n.venv/\n*.log\n")
PY
    git -C "$tree" init -q && git -C "$tree" add -A && \
        git -C "$tree" -c user.name=bench -c user.email=bench@invalid commit -qm init
fi
swift build -c release --product ctxtrim >&2
ctxtrim="$(swift build -c release --show-bin-path)/ctxtrim"
builds=$("$ctxtrim" scan --all "$tree" --format json --no-findings --no-git |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)["builds"]))')
files=$(find "$tree" -path "$tree/.git" -prune -o -type f -print | wc -l)
echo "monorepo: $builds builds, $files files" >&2

results=$(mktemp)
names=(scan-root scan-all scan-root-nogit scan-all-nogit scan-one-service)
command_for() {
    case $1 in
        scan-root) echo "$ctxtrim scan $tree --format json" ;;
        scan-all) echo "$ctxtrim scan --all $tree --format json" ;;
        scan-root-nogit) echo "$ctxtrim scan $tree --format json --no-git" ;;
        scan-all-nogit) echo "$ctxtrim scan --all $tree --format json --no-git" ;;
        scan-one-service) echo "$ctxtrim scan $tree/services/svc00 --format json" ;;
    esac
}
for round in $(seq 0 "$runs"); do
    for name in "${names[@]}"; do
        # shellcheck disable=SC2046
        if [ "$round" = 0 ]; then
            $(command_for "$name") >/dev/null 2>&1 || true
        else
            /usr/bin/time -f "$name %e %M" -a -o "$results" $(command_for "$name") >/dev/null 2>/dev/null || true
        fi
    done
    echo "  round $round of $runs done" >&2
done

python3 - "$results" "$builds" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 3:
        rows[parts[0]].append((float(parts[1]), int(parts[2])))
med = {k: statistics.median(t for t, _ in v) for k, v in rows.items()}
rss = {k: max(m for _, m in v) / 1024 for k, v in rows.items()}
print(f"{'command':<18} {'median s':>9} {'peak RSS':>10}")
for name in rows:
    print(f"{name:<18} {med[name]:>9.2f} {rss[name]:>8.1f}MB")
for all_name, root_name in (("scan-all", "scan-root"), ("scan-all-nogit", "scan-root-nogit")):
    if all_name in med and root_name in med:
        ratio = med[all_name] / med[root_name]
        verdict = "within" if ratio <= 2 else "OVER"
        print(f"{all_name} / {root_name}: {ratio:.2f}x for {sys.argv[2]} builds ({verdict} the 2x bound)")
PY
rm -f "$results"
