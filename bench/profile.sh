#!/usr/bin/env bash
# Where strata's time goes: profiles one release build (with debug info) of a
# generated corpus and prints the functions with the largest inclusive share.
# Uses perf when the kernel lets it count (`perf stat -e instructions true`),
# else valgrind's callgrind (much slower: keep the corpus small).
#
#   bash bench/profile.sh                      # 1,106 pages (--projects 1000 --notes 100)
#   BENCH_PROJECTS=10000 BENCH_NOTES=1000 bash bench/profile.sh   # the benchmark corpus (perf only)
#
# Environment: SHARED, BENCH_OUT, BENCH_PROJECTS, BENCH_NOTES, SWIFT as in bench/run.sh;
# PROFILER=perf|callgrind to choose.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
OUT="$BENCH_OUT/profile"
PROJECTS="${BENCH_PROJECTS:-1000}"
NOTES="${BENCH_NOTES:-100}"
SCRATCH="$REPO/.build-release-g"   # release with -g, apart from .build/ and bench/run.sh's .build-release/
# DWARF 4: Debian 12's valgrind (3.19) gives up on the DWARF 5 that Swift 6.3 emits by default
# ("debuginfo reader: Possibly corrupted debuginfo file"); perf reads either.
FLAGS=(-c release -Xswiftc -g -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 --product strata --scratch-path "$SCRATCH")

if [ -z "${PROFILER:-}" ]; then
    if command -v perf >/dev/null && perf stat -e instructions true >/dev/null 2>&1; then PROFILER=perf
    elif command -v valgrind >/dev/null; then PROFILER=callgrind
    else
        echo "profile: neither perf nor valgrind works here: sudo apt-get install -y linux-perf valgrind" >&2
        exit 1
    fi
fi
echo "== profiler: $PROFILER"

mkdir -p "$OUT"
python3 "$SHARED/bench/make-corpus.py" "$OUT/corpus" --projects "$PROJECTS" --notes "$NOTES"
rm -rf "$OUT/corpus/templates"
cp -R "$REPO/templates" "$OUT/corpus/templates"

echo "== swift build ${FLAGS[*]}"
"$SWIFT" build "${FLAGS[@]}"
STRATA="$("$SWIFT" build "${FLAGS[@]}" --show-bin-path)/strata"
rm -rf "$OUT/site"

demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else "$SWIFT" demangle --simplified; fi; }

case "$PROFILER" in
perf)
    perf record -F 499 -g -o "$OUT/perf.data" "$STRATA" build --root "$OUT/corpus" --output "$OUT/site"
    echo "== inclusive share of all CPU samples (all threads), top 40"
    perf report -i "$OUT/perf.data" --children --sort symbol --stdio -g none 2>/dev/null \
        | grep '%' | demangle | sed 's/  */ /g' | cut -c1-160 >"$OUT/top.txt"
    sed -n 1,40p "$OUT/top.txt"
    ;;
callgrind)
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
        "$STRATA" build --root "$OUT/corpus" --output "$OUT/site"
    echo "== inclusive share of instructions, top 40"
    callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null | demangle | cut -c1-160 >"$OUT/top.txt"
    sed -n 1,60p "$OUT/top.txt"
    ;;
*) echo "profile: PROFILER must be perf or callgrind" >&2; exit 1 ;;
esac
