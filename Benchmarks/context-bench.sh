#!/usr/bin/env bash
# Times ctxtrim against the tools users would otherwise reach for, on one tree, in one run.
#
#   Benchmarks/context-bench.sh [TREE] [RUNS]
#
# TREE defaults to /tmp/ctxtrim-bench-tree (about 1,000,000 files made by ../shared/bench/mktree.sh when missing;
# CTXTRIM_BENCH_FILES sets another count for a missing tree). Each command runs RUNS times (default 5) after one
# warm-up, round-robin; the script prints medians, peak RSS and ratios against the C floor walker and `du -sb`.
# Needs: gcc (floorwalk), du, fdfind (Debian fd-find), git, tar, sha256sum, /usr/bin/time. Run by hand; never part
# of the test suite. Benchmarks/scale-bench.sh runs it for several tree sizes and prints them side by side.
#
# Environment:
#   CTXTRIM_BIN           an already built ctxtrim to time (otherwise a release build is made, see CTXTRIM_SCRATCH)
#   CTXTRIM_SCRATCH       swift build's --scratch-path for that release build (default: the package's .build)
#   CTXTRIM_BENCH_ROWS    the commands to time, space-separated (default: all of them, see `names` below)
#   CTXTRIM_BENCH_DIGEST  0 leaves out the digest rows (digest and tar | sha256sum)
#   CTXTRIM_BENCH_RESULTS append each run as "TREE NAME seconds maxrss_kb" to this file (for scale-bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-/tmp/ctxtrim-bench-tree}
runs=${2:-5}
shared=${CTXTRIM_SHARED:-../shared}
tools=${CTXTRIM_BENCH_TOOLS:-/tmp/ctxtrim-bench-tools}

mkdir -p "$tools"
[ -x "$tools/floorwalk" ] || gcc -O2 -pthread -o "$tools/floorwalk" "$shared/bench/floorwalk.c"
if [ ! -d "$tree" ]; then
    files=${CTXTRIM_BENCH_FILES:-1000000}
    echo "building the benchmark tree of $files files at $tree (about two minutes per million)" >&2
    bash "$shared/bench/mktree.sh" "$tree" "$files" >&2
fi
command -v fdfind >/dev/null || { echo "fdfind missing: apt-get install fd-find" >&2; exit 2; }
if [ -n "${CTXTRIM_BIN:-}" ]; then
    ctxtrim=$CTXTRIM_BIN
else
    scratch=(${CTXTRIM_SCRATCH:+--scratch-path "$CTXTRIM_SCRATCH"})
    swift build -c release --product ctxtrim "${scratch[@]}" >&2
    ctxtrim="$(swift build -c release "${scratch[@]}" --show-bin-path)/ctxtrim"
fi

# The digest rows send and transfer everything: a Dockerfile outside the tree that copies the whole context, and an
# empty ignore file. They are left out, saying why, where this ctxtrim has no digest command.
inputs=$(mktemp -d)
results=$(mktemp)
trap 'rm -rf "$inputs" "$results"' EXIT
printf 'FROM scratch\nCOPY . /src\n' >"$inputs/Dockerfile"
: >"$inputs/empty.dockerignore"
digest=${CTXTRIM_BENCH_DIGEST:-1}
# (An unknown subcommand's --help prints the top-level help and exits 0: look for digest's own usage line.)
if [ "$digest" != 0 ] && ! "$ctxtrim" digest --help 2>/dev/null | grep -q "USAGE: ctxtrim digest"; then
    echo "note: '$ctxtrim digest --help' fails (no digest command in this build): digest rows left out" >&2
    digest=0
fi

# Commands run round-robin (one run of each per round, after one warm-up round) so that drift in machine load
# hits every command alike; each run records "NAME seconds maxrss_kb".
names=(floorwalk du-sb find-printf fdfind-uu ctxtrim-scan ctxtrim-scan-nogit ctxtrim-ls git-status-ignored git-status)
[ "$digest" = 0 ] || names+=(ctxtrim-digest ctxtrim-digest-cached tar-sha256sum)
[ -z "${CTXTRIM_BENCH_ROWS:-}" ] || read -r -a names <<<"$CTXTRIM_BENCH_ROWS"
command_for() {
    case $1 in
        floorwalk) echo "$tools/floorwalk -j 2 -q $tree" ;;
        du-sb) echo "du -sb $tree" ;;
        fdfind-uu) echo "fdfind -uu -t f . $tree" ;;
        find-printf) echo "find $tree -printf %s\\n" ;;
        ctxtrim-scan) echo "$ctxtrim scan $tree --format json" ;;
        ctxtrim-scan-nogit) echo "$ctxtrim scan $tree --no-git --no-findings --format json" ;;
        ctxtrim-ls) echo "$ctxtrim ls $tree" ;;
        # Every file read and hashed (no cache), and the repeat digest the stat-keyed cache makes (warmed by the
        # warm-up round).
        ctxtrim-digest) echo "$ctxtrim digest $tree -f $inputs/Dockerfile --ignore-file $inputs/empty.dockerignore --no-cache" ;;
        ctxtrim-digest-cached) echo "$ctxtrim digest $tree -f $inputs/Dockerfile --ignore-file $inputs/empty.dockerignore --cache-dir $inputs/cache" ;;
        tar-sha256sum) echo "bash -c 'tar -C $tree -cf - . | sha256sum'" ;;
        git-status-ignored) echo "git -C $tree status --porcelain --ignored" ;;
        git-status) echo "git -C $tree status --porcelain" ;;
    esac
}
echo "tree $tree, $runs rounds; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 0 "$runs"); do
    for name in "${names[@]}"; do
        if [ "$round" = 0 ]; then
            eval "$(command_for "$name")" >/dev/null 2>&1 || true
        else
            eval "/usr/bin/time -f '$name %e %M' -a -o $results $(command_for "$name")" >/dev/null 2>/dev/null || true
        fi
    done
    echo "  round $round of $runs done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
load="load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$load" >&2
[ -z "${CTXTRIM_BENCH_RESULTS:-}" ] || sed "s|^|$tree |" "$results" >>"$CTXTRIM_BENCH_RESULTS"

python3 - "$results" "$runs" "$load" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
failed, status = set(), None
for line in open(sys.argv[1]):
    parts = line.split()
    if line.startswith("Command exited with non-zero status"):
        status = parts[-1]
    elif len(parts) == 3:
        rows[parts[0]].append((float(parts[1]), int(parts[2])))
        if status is not None:
            failed.add(f"{parts[0]} (exit {status})")
        status = None
med = {k: statistics.median(t for t, _ in v) for k, v in rows.items()}
rss = {k: max(m for _, m in v) / 1024 for k, v in rows.items()}
low = {k: min(t for t, _ in v) for k, v in rows.items()}
floor, du = med.get("floorwalk"), med.get("du-sb")
print(f"{'command':<20} {'median s':>9} {'min s':>7} {'peak RSS':>10} {'vs floorwalk':>13} {'vs du -sb':>10}")
for name in rows:
    f = f"{med[name] / floor:.2f}x" if floor else "-"
    d = f"{med[name] / du:.2f}x" if du else "-"
    print(f"{name:<20} {med[name]:>9.2f} {low[name]:>7.2f} {rss[name]:>8.1f}MB {f:>13} {d:>10}")
scan, nogit = med.get("ctxtrim-scan"), med.get("ctxtrim-scan-nogit")
if scan and nogit:
    print(f"\ngit classification + findings add {(scan / nogit - 1) * 100:.0f}% to the scan without them")
if "ctxtrim-digest" in med and "tar-sha256sum" in med:
    print(f"digest (every file hashed) vs tar -c | sha256sum: {med['tar-sha256sum'] / med['ctxtrim-digest']:.2f}x faster")
if "ctxtrim-digest-cached" in med and "tar-sha256sum" in med:
    print(f"repeat digest (cache) vs tar -c | sha256sum: {med['tar-sha256sum'] / med['ctxtrim-digest-cached']:.2f}x faster")
if failed:
    print("runs that failed (their times are not what the row claims): " + ", ".join(sorted(failed)))
print(f"({sys.argv[2]} rounds, {sys.argv[3]})")
PY
