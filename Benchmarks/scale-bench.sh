#!/usr/bin/env bash
# Times ctxtrim and its reference tools on generated trees of several sizes, in one run, and prints them side by side.
#
#   Benchmarks/scale-bench.sh [RUNS] [FILES...]
#
# FILES defaults to 1000000 5000000; the tree of N files is /tmp/ctxtrim-bench-tree for 1,000,000,
# /tmp/ctxtrim-bench-5m for 5,000,000 (<N/1000000>m for whole millions), /tmp/ctxtrim-bench-<N> otherwise
# (CTXTRIM_BENCH_DIR sets the parent), made by ../shared/bench/mktree.sh when missing
# (about two minutes per million files, 3.5 GB per million). RUNS (default 5) rounds per size, after one warm-up.
# Each size is timed by Benchmarks/context-bench.sh (its environment variables apply: CTXTRIM_BIN, CTXTRIM_SCRATCH,
# ...); CTXTRIM_BENCH_DIGEST_FILES (default 1000000) says up to which size the digest rows run, since tar | sha256sum
# of 5,000,000 files reads 16 GB a run. Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
parent=${CTXTRIM_BENCH_DIR:-/tmp}
digest_files=${CTXTRIM_BENCH_DIGEST_FILES:-1000000}

if [ -z "${CTXTRIM_BIN:-}" ]; then
    scratch=(${CTXTRIM_SCRATCH:+--scratch-path "$CTXTRIM_SCRATCH"})
    swift build -c release --product ctxtrim "${scratch[@]}" >&2
    CTXTRIM_BIN="$(swift build -c release "${scratch[@]}" --show-bin-path)/ctxtrim"
fi
export CTXTRIM_BIN
results=$(mktemp)
trap 'rm -f "$results"' EXIT
trees=()
for files in "${sizes[@]}"; do
    if [ "$files" = 1000000 ]; then
        tree=$parent/ctxtrim-bench-tree
    elif [ $((files % 1000000)) = 0 ]; then
        tree=$parent/ctxtrim-bench-$((files / 1000000))m
    else
        tree=$parent/ctxtrim-bench-$files
    fi
    trees+=("$tree")
    digest=1
    [ "$files" -le "$digest_files" ] || digest=0
    echo "== $files files: $tree" >&2
    CTXTRIM_BENCH_FILES=$files CTXTRIM_BENCH_RESULTS=$results CTXTRIM_BENCH_DIGEST=$digest \
        Benchmarks/context-bench.sh "$tree" "$runs"
    echo
done

python3 - "$results" "${trees[@]}" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 4:
        runs[(parts[0], parts[1])].append((float(parts[2]), int(parts[3])))
trees = sys.argv[2:]
names = list(dict.fromkeys(name for _, name in runs))
def cell(tree, name):
    values = runs.get((tree, name))
    if not values:
        return "-"
    med = statistics.median(t for t, _ in values)
    floor = runs.get((tree, "floorwalk"))
    du = runs.get((tree, "du-sb"))
    ratio = lambda ref: f"{med / statistics.median(t for t, _ in ref):.2f}x" if ref else "-"
    return f"{med:.2f} s, {max(m for _, m in values) / 1024:.1f} MB, {ratio(floor)} floor, {ratio(du)} du"
print("median, peak RSS, ratio to floorwalk -j 2 and to du -sb, per tree:")
print("| command | " + " | ".join(trees) + " |")
print("| --- |" + " --- |" * len(trees))
for name in names:
    print(f"| {name} | " + " | ".join(cell(tree, name) for tree in trees) + " |")
PY
