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
    ours = browser["strata_http"]["queries"]
    ours_file = browser["strata_file"]["queries"]
    pagefind = browser["pagefind_http"]["queries"]

    print(f"Measured {datetime.date.today().isoformat()}, commit {arguments.commit}; {arguments.machine}; "
          f"{browser['browser']} headless, {browser['runs']} runs per figure, medians.")
    print(f"Corpus: {sizes['pages']:,} Markdown pages ({sizes['markdown_bytes']:,} bytes); "
          f"the built site has {sizes['pagefind_html_pages']:,} HTML pages.")
    print()
    print("| | strata `search/` | Pagefind `pagefind/` |")
    print("| --- | --- | --- |")
    print(f"| on disk | {mb(sizes['index_bytes'])} in {sizes['index_files']:,} files: entry "
          f"{kb(sizes['entry_bytes'])}, word pieces {mb(sizes['words_bytes'])} ({sizes['words_files']:,}), "
          f"merged prefixes {mb(sizes['prefix_bytes'])} ({sizes['prefix_files']:,}), page fragments "
          f"{mb(sizes['fragment_bytes'])} ({sizes['fragment_files']:,}) | "
          f"{mb(sizes['pagefind_bytes'])} in {sizes['pagefind_files']:,} files "
          f"({mb(sizes['pagefind_fragment_bytes'])} fragments, {mb(sizes['pagefind_index_bytes'])} index chunks) |")
    index = sizes.get("index_cpu_seconds")
    index_text = f"{index:.2f} s of CPU inside `strata build` ({sizes['strata_seconds']} s for the whole build)" \
        if index is not None else f"inside `strata build` ({sizes['strata_seconds']} s for the whole build)"
    ratio = f"; strata / Pagefind = {index / sizes['pagefind_seconds']:.3f}" if index is not None else ""
    print(f"| time to build it | {index_text}{ratio} | {sizes['pagefind_seconds']} s (`python3 -m pagefind`) |")
    print(f"| script | `search.js` {sizes['search_js_bytes']:,} bytes ({sizes['search_js_gzip_bytes']:,} gzip) | "
          f"in the fetched bytes below |")
    print()
    print("Per query: bytes fetched for the first results on a fresh page (strata: the search page, "
          "its CSS and JS and every index piece, from resource timing; Pagefind: its script, worker, "
          "WebAssembly, metadata, index chunks and 10 fragments, from the server log), and the time "
          "from typing to results on a fresh page and again.")
    print()
    print("| query | bytes: strata (of which index) / Pagefind | strata, fresh page: HTTP / file:// | "
          "Pagefind, fresh page | strata again: HTTP / file:// | Pagefind again | results: strata / Pagefind |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for query, our in ours.items():
        pf = pagefind[query]
        if "no_answer_s" in pf:
            none = f"no answer within {pf['no_answer_s']:g} s"
            print(f"| `{query}` | {kb(our['first_bytes'])} ({kb(our['index_bytes'])}, {our['index_files']} files) / "
                  f"{none} | {ms(our['first_ms'])} / {ms(ours_file[query]['first_ms'])} | {none} | "
                  f"{ms(our['repeat_ms'])} / {ms(ours_file[query]['repeat_ms'])} | — | {our['count']:,} / — |")
            continue
        print(f"| `{query}` | {kb(our['first_bytes'])} ({kb(our['index_bytes'])}, {our['index_files']} files) / "
              f"{kb(pf['first_bytes'])}: {our['first_bytes'] / pf['first_bytes']:.2f} | "
              f"{ms(our['first_ms'])} / {ms(ours_file[query]['first_ms'])} | {ms(pf['first_ms'])} | "
              f"{ms(our['repeat_ms'])} / {ms(ours_file[query]['repeat_ms'])} | {ms(pf['repeat_ms'])} | "
              f"{our['count']:,} / {pf['count']:,} |")
    print()
    print("Top results, strata / Pagefind:")
    for query, our in ours.items():
        print(f"- `{query}`: {', '.join(our['top'])} / {', '.join(pagefind[query].get('top', ['no answer']))}")
    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump({"sizes": sizes, "browser": browser, "machine": arguments.machine,
                       "commit": arguments.commit, "date": datetime.date.today().isoformat()}, out, indent=1)


if __name__ == "__main__":
    main()
