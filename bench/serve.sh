#!/usr/bin/env bash
# `strata serve` against `hugo server` on the same 11,006-page corpus, in one run: the time from
# saving a file to the first response that shows the change (a body edit, a title edit checked on
# /projects/, a template edit; median of BENCH_EDITS each) and the servers' memory.
# `make bench-serve` runs it; docs/performance.md records its figures.
#
# Environment (all optional): SHARED, BENCH_OUT, BENCH_PROJECTS, BENCH_NOTES as for bench/run.sh
# (the corpus is made by it if missing), BENCH_EDITS (default 10), SWIFT.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
EDITS="${BENCH_EDITS:-10}"
SCRATCH="$REPO/.build-release"
command -v hugo >/dev/null || die "hugo is needed: sudo apt-get install -y hugo"
command -v python3 >/dev/null || die "python3 is needed"

if [ ! -d "$BENCH_OUT/corpus/content" ] || [ ! -d "$BENCH_OUT/hugo/content" ]; then
    [ -f "$SHARED/bench/make-corpus.py" ] || die "no $SHARED/bench/make-corpus.py: set SHARED to the shared folder"
    say "corpus: ${BENCH_PROJECTS:-10000} projects, ${BENCH_NOTES:-1000} notes"
    mkdir -p "$BENCH_OUT"
    make_corpus "$BENCH_OUT" "${BENCH_PROJECTS:-10000}" "${BENCH_NOTES:-1000}"
fi
# The theme as it is now, not as it was when the corpus was made.
rm -rf "$BENCH_OUT/corpus/templates"
cp -R "$REPO/templates" "$BENCH_OUT/corpus/templates"

say "release build"
"$SWIFT" build -c release --scratch-path "$SCRATCH" --product strata 2>&1 | tail -1
STRATA="$SCRATCH/release/strata"

# Edits go to copies, so the corpus stays as bench/run.sh made it.
WORK="$BENCH_OUT/serve"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$BENCH_OUT/corpus" "$WORK/strata"
cp -r "$BENCH_OUT/hugo" "$WORK/hugo"
rm -rf "$WORK/hugo/public" "$WORK/hugo/resources"

say "machine: $(nproc) cores, $(cpu_busy)% busy with other work"
say "save to shown, median of $EDITS edits each"
python3 "$REPO/bench/serve_measure.py" --strata "$STRATA" --strata-site "$WORK/strata" \
    --hugo-site "$WORK/hugo" --edits "$EDITS" --json "$BENCH_OUT/serve.json"
echo "results: $BENCH_OUT/serve.json"
