#!/usr/bin/env bash
# Site search on the benchmark corpus: strata's index (size, and query times in Chromium)
# next to Pagefind run on the same built site. docs/performance.md ("Search") records its figures.
#
#   bash bench/search.sh
#
# Needs: python3, gzip, Debian chromium and chromium-driver, PyPI selenium and pagefind[extended].
# Environment (all optional):
#   SHARED         the shared folder holding bench/make-corpus.py, used when there is no corpus yet
#   BENCH_OUT      where bench/run.sh keeps its corpus (default: bench/out)
#   SEARCH_CORPUS  the corpus (default: BENCH_OUT/corpus), generated there if missing with
#                  SEARCH_PROJECTS projects (default 10000) and SEARCH_NOTES notes (default 1000);
#                  the 110k corpus: SEARCH_CORPUS=bench/out/corpus-110k SEARCH_PROJECTS=100000 SEARCH_NOTES=10000
#   SEARCH_OUT     where this script's copy of the corpus, the built site and the results go
#                  (default: BENCH_OUT/search)
#   SEARCH_RUNS    runs per query and per page load (default 7); medians are reported
#   SEARCH_TIMEOUT seconds a page load or a query may take in the browser before it counts as
#                  no answer (default 900: Pagefind needs minutes for a common word at 110k pages)
#   STRATA         a strata binary to use instead of building .build-release/release/strata
#   SWIFT          the swift driver (default: swift)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
OUT="${SEARCH_OUT:-$BENCH_OUT/search}"
RUNS="${SEARCH_RUNS:-7}"
TIMEOUT="${SEARCH_TIMEOUT:-900}"
CORPUS="${SEARCH_CORPUS:-$BENCH_OUT/corpus}"
SITE="$OUT/site"


# --- tools ------------------------------------------------------------------
missing=()
command -v python3 >/dev/null || missing+=("python3 (Debian python3)")
command -v gzip >/dev/null || missing+=("gzip (Debian gzip)")
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium (Debian chromium)")
[ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ] || missing+=("chromedriver (Debian chromium-driver)")
python3 -c 'import selenium' 2>/dev/null || missing+=("selenium (pip install selenium)")
python3 -m pagefind --version >/dev/null 2>&1 || missing+=("pagefind (pip install 'pagefind[extended]')")
[ ${#missing[@]} -eq 0 ] || die "missing: ${missing[*]}"

# --- strata and the corpus ----------------------------------------------------
if [ -z "${STRATA:-}" ]; then
    say "release build"
    "$SWIFT" build -c release --product strata --scratch-path "$REPO/.build-release"
    STRATA="$REPO/.build-release/release/strata"
fi
if [ ! -d "$CORPUS/content" ]; then
    [ -f "$SHARED/bench/make-corpus.py" ] || die "no corpus at $CORPUS and no $SHARED/bench/make-corpus.py to make one"
    say "corpus"
    python3 "$SHARED/bench/make-corpus.py" "$CORPUS" --projects "${SEARCH_PROJECTS:-10000}" --notes "${SEARCH_NOTES:-1000}"
fi

say "site"
# A scratch copy with the repository's own templates (the corpus may hold an older copy).
rm -rf "$OUT/corpus" "$SITE"
mkdir -p "$OUT"
cp -R "$CORPUS" "$OUT/corpus"
rm -rf "$OUT/corpus/templates"
cp -R "$REPO/templates" "$OUT/corpus/templates"
start=$EPOCHREALTIME
"$STRATA" build --root "$OUT/corpus" --output "$SITE"
strata_seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
# The index's share of that build: CPU time sampled in the search index's code (SearchIndex,
# SearchVocabulary, SearchPieces, PostingList, EnglishStemmer, SearchWords, SearchFragment) and
# what it calls, from perf's call graphs. It runs on one core beside the page rendering.
index_seconds=null
if command -v perf >/dev/null && perf record -q -F 999 -g -o "$OUT/perf.data" -- \
    "$STRATA" build --root "$OUT/corpus" --output "$OUT/site-perf" >/dev/null 2>&1; then
    index_seconds=$(perf report -i "$OUT/perf.data" --children --sort symbol --stdio -g none 2>/dev/null \
        | python3 "$REPO/bench/search_perf.py" 999) || index_seconds=null
    rm -rf "$OUT/site-perf" "$OUT/perf.data"
fi
pages=$(find "$OUT/corpus/content" -name '*.md' | wc -l)
md_bytes=$(find "$OUT/corpus/content" -name '*.md' -print0 | xargs -0 cat | wc -c)

say "pagefind"
python3 -m pagefind --version
start=$EPOCHREALTIME
python3 -m pagefind --site "$SITE" --quiet
pagefind_seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')

say "sizes"
gz() { gzip -6 -c "$1" | wc -c; }
size() { wc -c <"$1"; }
bytes_under() { find "$1" -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }'; }
files_under() { find "$1" -type f | wc -l; }
theme=0
for file in "$REPO"/templates/assets/*.css "$REPO"/templates/assets/*.js; do theme=$((theme + $(size "$file"))); done
cat >"$OUT/sizes.json" <<EOF
{
 "pages": $pages,
 "markdown_bytes": $md_bytes,
 "strata_seconds": $strata_seconds,
 "index_cpu_seconds": $index_seconds,
 "entry_bytes": $(size "$SITE/search/index.js"),
 "index_bytes": $(( $(bytes_under "$SITE/search") - $(size "$SITE/search/index.html") )),
 "index_files": $(( $(files_under "$SITE/search") - 1 )),
 "words_bytes": $(bytes_under "$SITE/search/words"),
 "words_files": $(files_under "$SITE/search/words"),
 "prefix_bytes": $( [ -d "$SITE/search/prefix" ] && bytes_under "$SITE/search/prefix" || echo 0),
 "prefix_files": $( [ -d "$SITE/search/prefix" ] && files_under "$SITE/search/prefix" || echo 0),
 "fragment_bytes": $(bytes_under "$SITE/search/pages"),
 "fragment_files": $(files_under "$SITE/search/pages"),
 "search_js_bytes": $(size "$REPO/templates/assets/search.js"),
 "search_js_gzip_bytes": $(gz "$REPO/templates/assets/search.js"),
 "theme_css_js_bytes": $theme,
 "pagefind_seconds": $pagefind_seconds,
 "pagefind_bytes": $(bytes_under "$SITE/pagefind"),
 "pagefind_files": $(files_under "$SITE/pagefind"),
 "pagefind_fragment_bytes": $(bytes_under "$SITE/pagefind/fragment"),
 "pagefind_index_bytes": $(bytes_under "$SITE/pagefind/index"),
 "pagefind_html_pages": $(find "$SITE" -name '*.html' -not -path "$SITE/pagefind/*" | wc -l)
}
EOF
cat "$OUT/sizes.json"

# --- timing in Chromium -----------------------------------------------------------
busy_before=$(cpu_busy)
echo "CPU busy with other work before timing: ${busy_before}%"
python3 "$REPO/bench/search_measure.py" "$SITE" --runs "$RUNS" --json "$OUT/browser.json" \
    --server-log "$OUT/http.log" --timeout "$TIMEOUT"
busy_after=$(cpu_busy)
echo "CPU busy with other work after timing: ${busy_after}%"

python3 "$REPO/bench/search_report.py" "$OUT/sizes.json" "$OUT/browser.json" \
    --machine "nproc $(nproc), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), CPU busy with other work ${busy_before}% before and ${busy_after}% after timing" \
    --commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' + uncommitted changes')" \
    --json "$OUT/results.json" | tee "$OUT/results.txt"
