#!/usr/bin/env bash
# Throughput of the secret scanner alone, optimized, on the text files of a tree (what `secret-content` reads:
# at most 1 MiB, no NUL in the first 8 KiB), best of five passes.
#
#   Benchmarks/secret-scanner.sh TREE [REVISION]
#
# With REVISION, the scanner of that git revision is measured too, for a before/after comparison.
# Run by hand; never part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:?usage: Benchmarks/secret-scanner.sh TREE [REVISION]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$tree" -path '*/.git' -prune -o -type f -size -1025k -print > "$work/files"
build() { # name, directory of the scanner sources
    swiftc -O -package-name bench "$2"/*.swift Benchmarks/secret-scanner/main.swift -o "$work/$1.bench"
}
mkdir "$work/head"
cp Sources/CtxtrimCore/Checks/{SecretScanner,SecretScanner+Formats,SecretKind,SecretMatch,ByteClass}.swift "$work/head/"
build head "$work/head"
if [ -n "${2:-}" ]; then
    mkdir "$work/base"
    for file in SecretScanner SecretScanner+Formats SecretKind SecretMatch ByteClass; do
        git show "$2:Sources/CtxtrimCore/Checks/$file.swift" > "$work/base/$file.swift" 2>/dev/null \
            || rm -f "$work/base/$file.swift"
    done
    build base "$work/base"
    printf '%s: ' "$2"; "$work/base.bench" < "$work/files"
fi
printf 'working tree: '; "$work/head.bench" < "$work/files"
