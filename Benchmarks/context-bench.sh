#!/usr/bin/env bash
# Times ctxtrim against the tools users would otherwise reach for, on one tree, in one run.
#
#   Benchmarks/context-bench.sh [TREE] [RUNS]
#
# TREE defaults to /tmp/ctxtrim-bench-tree (about 1,000,000 files made by ../shared/bench/mktree.sh when missing).
# Each command runs RUNS times (default 5) after one warm-up; the script prints medians, ratios and peak RSS.
# Needs: gcc (floorwalk), du, fdfind (Debian fd-find), git, /usr/bin/time. Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-/tmp/ctxtrim-bench-tree}
runs=${2:-5}
shared=${CTXTRIM_SHARED:-../shared}
tools=${CTXTRIM_BENCH_TOOLS:-/tmp/ctxtrim-bench-tools}

mkdir -p "$tools"
[ -x "$tools/floorwalk" ] || gcc -O2 -pthread -o "$tools/floorwalk" "$shared/bench/floorwalk.c"
if [ ! -d "$tree" ]; then
    echo "building the benchmark tree at $tree (about two minutes)" >&2
    bash "$shared/bench/mktree.sh" "$tree" 1000000 >&2
fi
command -v fdfind >/dev/null || { echo "fdfind missing: apt-get install fd-find" >&2; exit 2; }
swift build -c release --product ctxtrim >&2
ctxtrim="$(swift build -c release --show-bin-path)/ctxtrim"

results=$(mktemp)
# Commands run round-robin (one run of each per round, after one warm-up round) so that drift in machine load
# hits every command alike; each run records "NAME seconds maxrss_kb".
names=(floorwalk du-sb fdfind-uu find-printf ctxtrim-scan-nogit ctxtrim-scan ctxtrim-ls git-status-ignored git-status)
command_for() {
    case $1 in
        floorwalk) echo "$tools/floorwalk -j 2 -q $tree" ;;
        du-sb) echo "du -sb $tree" ;;
        fdfind-uu) echo "fdfind -uu -t f . $tree" ;;
        find-printf) echo "find $tree -printf %s\\n" ;;
        ctxtrim-scan-nogit) echo "$ctxtrim scan $tree --no-git --no-findings --format json" ;;
        ctxtrim-scan) echo "$ctxtrim scan $tree --format json" ;;
        ctxtrim-ls) echo "$ctxtrim ls $tree" ;;
        git-status-ignored) echo "git -C $tree status --porcelain --ignored" ;;
        git-status) echo "git -C $tree status --porcelain" ;;
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

python3 - "$results" "$runs" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 3:
        rows[parts[0]].append((float(parts[1]), int(parts[2])))
med = {k: statistics.median(t for t, _ in v) for k, v in rows.items()}
rss = {k: max(m for _, m in v) / 1024 for k, v in rows.items()}
floor = med.get("floorwalk")
scan = med.get("ctxtrim-scan-nogit")
low = {k: min(t for t, _ in v) for k, v in rows.items()}
print(f"{'command':<22} {'median s':>9} {'min s':>7} {'peak RSS':>10} {'vs floorwalk':>13} {'scan / it':>10}")
for name in rows:
    f = f"{med[name] / floor:.2f}x" if floor else "-"
    s = f"{scan / med[name]:.2f}x" if scan and name.startswith("ctxtrim") else ""
    print(f"{name:<22} {med[name]:>9.2f} {low[name]:>7.2f} {rss[name]:>8.1f}MB {f:>13} {s:>10}")
if scan and "du-sb" in med:
    print(f"\nscan (no git) vs du -sb: {med['du-sb'] / scan:.2f}x faster")
if scan and "ctxtrim-ls" in med:
    print(f"ls with the tree's ignore file vs full scan: {scan / med['ctxtrim-ls']:.2f}x faster")
if scan and "ctxtrim-scan" in med:
    print(f"git classification + findings add: {(med['ctxtrim-scan'] / scan - 1) * 100:.0f}% to the scan")
PY
rm -f "$results"
