#!/usr/bin/env bash
# Strata vs Hugo on the same synthetic corpus, in one run: wall time (hyperfine)
# and peak memory (/usr/bin/time -v). strata builds it twice: with the repository's
# theme, and with bench/minimal-templates/ (as light as the Hugo site's layouts) for a
# like-for-like figure. `make bench` runs it; docs/performance.md records its figures.
#
# Environment (all optional):
#   SHARED          the shared folder holding bench/make-corpus.py (default: ../shared beside the repo)
#   BENCH_OUT       where corpora, outputs and results go (default: bench/out, ignored by git)
#   BENCH_PROJECTS  project pages in the corpus (default 10000)
#   BENCH_NOTES     note pages in the corpus (default 1000). The 110,006-page corpus is
#                   BENCH_PROJECTS=100000 BENCH_NOTES=10000 (`make bench-110k`, which also sets
#                   BENCH_OUT=bench/out-110k so the 11k corpus is kept, and one timed run)
#   BENCH_RUNS      timed runs per tool (default 3), after BENCH_WARMUP warm-up runs (default 1)
#   BENCH_BUDGET    seconds the timed strata runs may take in all (default 1800); when the
#                   check run shows that warm-up + BENCH_RUNS would not fit, strata gets fewer
#                   runs and no warm-up (the check run has already warmed the page cache)
#   BENCH_SITES     where the built sites go (default: BENCH_OUT); e.g. /dev/shm/strata-bench
#                   to time the generators without the disk's folder-creation costs
#   SWIFT           the swift driver (default: swift)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
OUT="$BENCH_OUT"
PROJECTS="${BENCH_PROJECTS:-10000}"
NOTES="${BENCH_NOTES:-1000}"
RUNS="${BENCH_RUNS:-3}"
WARMUP="${BENCH_WARMUP:-1}"
BUDGET="${BENCH_BUDGET:-1800}"
SITES="${BENCH_SITES:-}"
SCRATCH="$REPO/.build-release"   # not .build/: the release build must not fight the debug one
CORPUS_SCRIPT="$SHARED/bench/make-corpus.py"


# --- tools ------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        say "installing ${missing[*]}"
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y hyperfine hugo time
    else
        die "missing ${missing[*]}: install them with: sudo apt-get update && sudo apt-get install -y hyperfine hugo time"
    fi
fi
command -v python3 >/dev/null || die "python3 is needed to generate the corpus: sudo apt-get install -y python3"
command -v "$SWIFT" >/dev/null || die "no swift toolchain on PATH (set SWIFT=/path/to/swift)"
if ! pkg-config --exists libcmark-gfm 2>/dev/null; then
    die "libcmark-gfm is missing: run 'make deps' (sudo apt-get install -y pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev)"
fi
[ -f "$CORPUS_SCRIPT" ] || die "no $CORPUS_SCRIPT: set SHARED to the shared folder that holds bench/make-corpus.py"

# --- machine ----------------------------------------------------------------
say "machine"
echo "nproc: $(nproc)"
echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
"$SWIFT" --version 2>&1 | sed -n 1p
hugo version
hyperfine --version
if command -v git >/dev/null && git -C "$REPO" rev-parse HEAD >/dev/null 2>&1; then
    echo "strata source: commit $(git -C "$REPO" rev-parse --short HEAD)$(
        [ -n "$(git -C "$REPO" status --porcelain -- Sources templates Package.swift)" ] && echo ' + uncommitted changes in Sources/templates')"
fi

# --- corpus -----------------------------------------------------------------
say "corpus: $PROJECTS projects, $NOTES notes"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
SITES="${SITES:-$OUT}"
mkdir -p "$SITES"
SITES="$(cd "$SITES" && pwd)"
echo "built sites go to: $SITES (filesystem: $(df -T "$SITES" | awk 'NR == 2 { print $2 }'))"
make_corpus "$OUT" "$PROJECTS" "$NOTES"
# The same content with templates as light as the Hugo site's layouts (bench/minimal-templates/):
# the two generators on the same work, apart from the weight of the default theme.
rm -rf "$OUT/corpus-minimal"
mkdir -p "$OUT/corpus-minimal"
cp -R "$OUT/corpus/content" "$OUT/corpus-minimal/content"
cp -R "$REPO/bench/minimal-templates" "$OUT/corpus-minimal/templates"
PAGES=$(find "$OUT/corpus/content" -name '*.md' | wc -l)
MD_BYTES=$(find "$OUT/corpus/content" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')
echo "pages: $PAGES Markdown files, $(awk -v b="$MD_BYTES" 'BEGIN { printf "%.1f MB (%d bytes)", b / 1e6, b }')"

# --- strata, release --------------------------------------------------------
say "swift build -c release --product strata --scratch-path .build-release"
"$SWIFT" build -c release --product strata --scratch-path "$SCRATCH"
STRATA="$("$SWIFT" build -c release --product strata --scratch-path "$SCRATCH" --show-bin-path)/strata"
[ -x "$STRATA" ] || die "no strata binary at $STRATA"

STRATA_ARGS=("$STRATA" build --root "$OUT/corpus" --output "$SITES/site-strata")
MINIMAL_ARGS=("$STRATA" build --root "$OUT/corpus-minimal" --output "$SITES/site-strata-minimal")
HUGO_ARGS=(hugo --source "$OUT/hugo" --destination "$SITES/site-hugo" --quiet)
# The same commands as strings for hyperfine, which runs them through a shell.
STRATA_CMD="$(printf '%q ' "${STRATA_ARGS[@]}")"
HUGO_CMD="$(printf '%q ' "${HUGO_ARGS[@]}")"
MINIMAL_CMD="$(printf '%q ' "${MINIMAL_ARGS[@]}")"
CLEAN="rm -rf $(printf '%q ' "$SITES/site-strata" "$SITES/site-hugo" "$SITES/site-strata-minimal")"
clean() { rm -rf "$SITES/site-strata" "$SITES/site-hugo" "$SITES/site-strata-minimal"; }

# --- check runs; each, from an empty output folder, is also that tool's peak-memory run ---
say "check: strata build on the corpus"
clean
start=$(date +%s.%N)
status=0
/usr/bin/time -v -o "$OUT/strata.time" "${STRATA_ARGS[@]}" >"$OUT/strata.stdout" 2>"$OUT/strata.stderr" || status=$?
end=$(date +%s.%N)
if [ "$status" -ne 0 ]; then
    echo "strata build failed (exit $status); first 20 diagnostics:" >&2
    head -n 20 "$OUT/strata.stderr" >&2
    exit 1
fi
tail -n 1 "$OUT/strata.stdout"
CHECK_SECONDS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
echo "(check run: $CHECK_SECONDS s wall)"

say "check: strata build with the minimal templates"
status=0
/usr/bin/time -v -o "$OUT/strata-minimal.time" "${MINIMAL_ARGS[@]}" >"$OUT/strata-minimal.stdout" \
    2>"$OUT/strata-minimal.stderr" || status=$?
if [ "$status" -ne 0 ]; then
    echo "strata build with the minimal templates failed (exit $status):" >&2
    head -n 20 "$OUT/strata-minimal.stderr" >&2
    exit 1
fi
tail -n 1 "$OUT/strata-minimal.stdout"

say "check: hugo build on the same pages"
status=0
/usr/bin/time -v -o "$OUT/hugo.time" "${HUGO_ARGS[@]}" >"$OUT/hugo.stdout" 2>"$OUT/hugo.stderr" || status=$?
if [ "$status" -ne 0 ]; then
    echo "hugo build failed (exit $status):" >&2
    head -n 20 "$OUT/hugo.stderr" >&2
    exit 1
fi
echo "hugo: $(find "$SITES/site-hugo" -name '*.html' | wc -l) HTML files"

# --- timing -------------------------------------------------------------------
busy=$(cpu_busy)
echo "CPU busy with other work before timing: ${busy}%"
if [ "$busy" -gt 10 ]; then
    echo "warning: something else is using the CPU: the times below include that contention"
fi
# One budget for strata's timed runs: a slow build gets fewer runs rather than hours of them.
read -r S_WARMUP S_RUNS < <(awk -v c="$CHECK_SECONDS" -v w="$WARMUP" -v r="$RUNS" -v b="$BUDGET" 'BEGIN {
    if (c * (w + r) <= b) { print w, r; exit }
    n = int(b / c); if (n < 1) n = 1; if (n > r) n = r; print 0, n }')
if [ "$S_WARMUP" != "$WARMUP" ] || [ "$S_RUNS" != "$RUNS" ]; then
    echo "note: one strata build takes ${CHECK_SECONDS} s, so within BENCH_BUDGET=${BUDGET} s strata gets" \
         "$S_RUNS timed run(s) and no warm-up (the check run warmed the cache)"
fi
say "hyperfine: strata (warmup $S_WARMUP, runs $S_RUNS)"
hyperfine --warmup "$S_WARMUP" --runs "$S_RUNS" --prepare "$CLEAN" \
    --export-json "$OUT/hyperfine-strata.json" -n strata "$STRATA_CMD"
say "hyperfine: strata with the minimal templates (warmup $S_WARMUP, runs $S_RUNS)"
hyperfine --warmup "$S_WARMUP" --runs "$S_RUNS" --prepare "$CLEAN" \
    --export-json "$OUT/hyperfine-strata-minimal.json" -n strata-minimal "$MINIMAL_CMD"
say "hyperfine: hugo (warmup $WARMUP, runs $RUNS)"
hyperfine --warmup "$WARMUP" --runs "$RUNS" --prepare "$CLEAN" \
    --export-json "$OUT/hyperfine-hugo.json" -n hugo "$HUGO_CMD"

# --- results ------------------------------------------------------------------
say "results"
echo "CPU busy with other work after timing: $(cpu_busy)%"
python3 - "$OUT" "$PAGES" "$MD_BYTES" <<'PY' | tee "$OUT/results.txt"
import json, re, sys
out, pages, md_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def timing(name):
    r = json.load(open(f"{out}/hyperfine-{name}.json"))["results"][0]
    return r["mean"], r.get("stddev"), len(r["times"]), r["median"], r["min"]

def rss_kib(name):
    text = open(f"{out}/{name}.time").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))

rows = {}
for name in ("strata", "strata-minimal", "hugo"):
    mean, sd, n, median, low = timing(name)
    rows[name] = (mean, sd, n, median, low, rss_kib(name))
print(f"corpus: {pages} Markdown pages, {md_bytes / 1e6:.1f} MB")
print(f"{'tool':14} {'mean ± σ (s)':>16} {'median':>7} {'min':>7} {'runs':>5} {'peak RSS (MiB)':>15}")
for name, (mean, sd, n, median, low, rss) in rows.items():
    sd_text = f"{sd:.2f}" if sd is not None else "n/a"
    print(f"{name:14} {mean:>7.2f} ± {sd_text:>6} {median:>7.2f} {low:>7.2f} {n:>5} {rss / 1024:>15.0f}")
(ts, _, _, _, tmin_s, ms), (th, _, _, _, tmin_h, mh) = rows["strata"], rows["hugo"]
print(f"time ratio hugo/strata (means): {th / ts:.2f} (target >= 5)  {'MET' if th / ts >= 5 else 'NOT MET'}"
      f"   [fastest runs: {tmin_h / tmin_s:.2f}]")
print(f"memory ratio strata/hugo (peak RSS): {ms / mh:.2f} (target < 0.25)  {'MET' if ms / mh < 0.25 else 'NOT MET'}")
tm, mm = rows["strata-minimal"][0], rows["strata-minimal"][5]
print(f"like for like, minimal templates on both sides: hugo/strata time {th / tm:.2f}, strata/hugo memory {mm / mh:.2f}")
json.dump({"pages": pages, "markdown_bytes": md_bytes,
           **{name: {"mean_s": m, "stddev_s": s, "runs": n, "median_s": med, "min_s": lo, "peak_rss_kib": r}
              for name, (m, s, n, med, lo, r) in rows.items()},
           "hugo_over_strata_time": th / ts, "strata_over_hugo_memory": ms / mh,
           "hugo_over_strata_minimal_time": th / tm, "strata_minimal_over_hugo_memory": mm / mh},
          open(f"{out}/results.json", "w"), indent=2)
PY
