#!/usr/bin/env python3
"""Prints bench/search.sh's figures as the Markdown tables of docs/performance.md ("Search").

    python3 bench/search_report.py SIZES.json BROWSER.json --machine TEXT --commit TEXT [--json OUT]
"""

import argparse
import datetime
import json


def mb(n):
    return f"{n / 1e6:.2f} MB"


def kb(n):
    return f"{n / 1e3:.0f} KB"


def ms(n):
    return f"{n:.0f} ms" if n >= 10 else f"{n:.1f} ms"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes")
    parser.add_argument("browser")
    parser.add_argument("--machine", default="")
    parser.add_argument("--commit", default="")
    parser.add_argument("--json")
    arguments = parser.parse_args()
    sizes = json.load(open(arguments.sizes))
    browser = json.load(open(arguments.browser))
    ours_file, ours_http = browser["strata_file"], browser["strata_http"]
    pagefind = browser["pagefind_http"]["queries"]
    typical = sorted(q["first_bytes"] for q in pagefind.values())[len(pagefind) // 2]

    print(f"Measured {datetime.date.today().isoformat()}, commit {arguments.commit}; {arguments.machine}; "
          f"{browser['browser']} headless, {browser['runs']} runs per figure, medians.")
    print(f"Corpus: {sizes['pages']:,} Markdown pages ({sizes['markdown_bytes']:,} bytes); "
          f"the built site has {sizes['pagefind_html_pages']:,} HTML pages.")
    print()
    print("| | strata `search/index.js` | Pagefind `pagefind/` |")
    print("| --- | --- | --- |")
    print(f"| on disk | {mb(sizes['index_bytes'])} in 1 file | {mb(sizes['pagefind_bytes'])} in "
          f"{sizes['pagefind_files']:,} files ({mb(sizes['pagefind_fragment_bytes'])} fragments, "
          f"{mb(sizes['pagefind_index_bytes'])} index chunks) |")
    print(f"| gzip -6 | {mb(sizes['index_gzip_bytes'])} | (its files are compressed already) |")
    print(f"| fetched for a first query | the whole index: {mb(sizes['index_bytes'])}, or "
          f"{mb(sizes['index_gzip_bytes'])} from a server that compresses | "
          f"{kb(typical)} (median over the queries below; "
          f"{kb(min(q['first_bytes'] for q in pagefind.values()))} to "
          f"{kb(max(q['first_bytes'] for q in pagefind.values()))}) |")
    print(f"| time to build it | part of `strata build` | {sizes['pagefind_seconds']} s (`python3 -m pagefind`) |")
    print(f"| script | `search.js` {sizes['search_js_bytes']:,} bytes ({sizes['search_js_gzip_bytes']:,} gzip) | "
          f"in the fetched bytes above |")
    print()
    print(f"strata's search page is ready (DOMContentLoaded, index parsed) in "
          f"{ms(ours_file['page_ready_ms'])} from file:// and {ms(ours_http['page_ready_ms'])} over HTTP; "
          f"its first query, which also folds every title and summary once, takes "
          f"{ms(ours_file['first_query_ms'])}; the page's JavaScript heap is then about "
          f"{ours_file['js_heap_mb']:.0f} MB.")
    print()
    print("| query | strata, file:// | strata, HTTP | Pagefind, first query on a fresh page | "
          "Pagefind, same query again | results: strata / Pagefind |")
    print("| --- | --- | --- | --- | --- | --- |")
    for query, ours in ours_file["queries"].items():
        pf = pagefind[query]
        print(f"| `{query}` | {ms(ours['median_ms'])} | {ms(ours_http['queries'][query]['median_ms'])} | "
              f"{ms(pf['first_ms'])} ({kb(pf['first_bytes'])}) | {ms(pf['repeat_ms'])} | "
              f"{ours['count']:,} / {pf['count']:,} |")
    print()
    print("Top results, strata / Pagefind:")
    for query, ours in ours_file["queries"].items():
        print(f"- `{query}`: {', '.join(ours['top'])} / {', '.join(pagefind[query]['top'])}")
    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump({"sizes": sizes, "browser": browser, "machine": arguments.machine,
                       "commit": arguments.commit, "date": datetime.date.today().isoformat()}, out, indent=1)


if __name__ == "__main__":
    main()
