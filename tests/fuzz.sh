#!/usr/bin/env bash
# Fuzzes front matter and Markdown for a fixed time: tests/fuzz.sh [SECONDS] (default 60).
#
# Builds tests/fuzz (a package of its own over the library, so the main build never needs the
# fuzzer) with libFuzzer and AddressSanitizer, then runs it under nice. Seeds are the fixture
# pages and Tests/Fixtures/fuzz/; the corpus it grows is kept in tests/fuzz/.build/corpus so the
# next run starts where this one ended. A crash, a hang over 10 s, a leak or more than 2 GB of
# memory stops the run and leaves the input in tests/fuzz/.build/findings/: add it to
# Tests/Fixtures/fuzz/ (FuzzRegressionTests builds every file there) and fix the cause.
set -euo pipefail
budget="${1:-60}"
case "$budget" in '' | *[!0-9]*) echo "usage: tests/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
cd "$here/fuzz"

# --sanitize instruments the C code and links libFuzzer. The Swift driver keeps only the last
# -sanitize= it is given, so SwiftPM's two flags leave Swift code without coverage; the one
# combined flag at the end instruments every Swift module (about 100,000 counters, not 4,700).
nice swift build --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v "Cannot export local symbol" >&2

mkdir -p .build/corpus .build/findings
seeds=(.build/corpus "$repo/Tests/Fixtures/fuzz")
while IFS= read -r -d '' page; do seeds+=("$page"); done \
    < <(find "$repo/Tests/Fixtures/good/content" -name '*.md' -print0)
mkdir -p .build/seeds
for page in "${seeds[@]:2}"; do cp "$page" ".build/seeds/$(echo "$page" | tr / _)"; done

echo "fuzzing for ${budget} s; findings go to tests/fuzz/.build/findings/" >&2
exec nice .build/debug/StrataFuzz \
    -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -dict=strata.dict -artifact_prefix=.build/findings/ -print_final_stats=1 \
    .build/corpus "$repo/Tests/Fixtures/fuzz" .build/seeds
