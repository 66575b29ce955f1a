# Shared by the bench scripts (sourced, not run): where things are, and how busy the machine is.
# Sets REPO (and cd's there), SHARED, BENCH_OUT and SWIFT from the environment or their defaults,
# and defines say (a step heading) and die (an error naming the script, then exit 1).

REPO="$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)"
cd "$REPO"
SHARED="${SHARED:-$REPO/../shared}"
BENCH_OUT="${BENCH_OUT:-$REPO/bench/out}"
SWIFT="${SWIFT:-swift}"

# Percent of the CPU busy with other work over 2 s of /proc/stat. On two cores a compile, a test
# run or another benchmark beside a measurement skews it; the scripts print this before timing.
cpu_busy() {
    local a b
    a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
    local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

say() { printf '== %s\n' "$*"; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# make_corpus OUT PROJECTS NOTES: the synthetic corpus in OUT/corpus (with the repository's theme)
# and the same pages as a Hugo site in OUT/hugo.
make_corpus() {
    local out="$1" projects="$2" notes="$3"
    python3 "$SHARED/bench/make-corpus.py" "$out/corpus" --projects "$projects" --notes "$notes" --hugo "$out/hugo"
    # The corpus script writes statuses, tokens and online sources without dates, which the
    # front-matter contract now warns about (30,000 warnings on the 11k corpus): date them, as
    # real profiles are, so the run times the build and not the printing of warnings. Hugo's copy
    # of the pages is separate and unchanged.
    find "$out/corpus/content" -name '*.md' -print0 | xargs -0 sed -i -E \
        -e 's/^(status|token): ([^{].*)$/\1: {value: \2, as_of: 2026-11-01, source: s1}/' \
        -e 's|^(    url: https://example\.org/src/.*)$|\1\n    accessed: 2026-11-01|'
    # The corpus has content/ only; strata takes its theme from ROOT/templates, so give it the repository's.
    rm -rf "$out/corpus/templates"
    cp -R "$REPO/templates" "$out/corpus/templates"
}
