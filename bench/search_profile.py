#!/usr/bin/env python3
"""Where the time of a search goes in the browser: strata's search page, one query at a time.

    python3 bench/search_profile.py SITE [QUERY ...]

SITE is a site built by `strata build`; the queries default to search_measure.py's. For each
query, on a fresh search page (HTTP cache cleared, served by `python3 -m http.server` under a
path) and then again on the same page, it types the query as search_measure.py does and
prints the time to results, the index files fetched (milliseconds from the keystroke to their
request and to their last byte: one line of them is one round trip) and the functions with
the most self time in Chromium's sampling CPU profile (CDP `Profiler`, 100 µs interval;
`(program)` is the browser's own work: parsing, style, layout; `(idle)` is waiting).
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_measure  # noqa: E402

FETCHED = """
return performance.getEntriesByType("resource").filter(function (e) { return e.startTime > arguments[0]; })
  .map(function (e) { return [e.name.split("/search/")[1] || e.name, e.startTime - arguments[0], e.responseEnd - arguments[0]]; });
"""


def profile(driver, query):
    driver.execute_cdp_cmd("Profiler.enable", {})
    driver.execute_cdp_cmd("Profiler.setSamplingInterval", {"interval": 100})
    driver.execute_cdp_cmd("Profiler.start", {})
    start = driver.execute_script("return performance.now()")
    result = driver.execute_async_script(search_measure.OURS_QUERY, query)
    samples = driver.execute_cdp_cmd("Profiler.stop", {})["profile"]
    fetched = driver.execute_script(FETCHED.replace("arguments[0]", str(start)))
    frames = {node["id"]: node["callFrame"] for node in samples["nodes"]}
    self_time = collections.Counter()
    for node, delta in zip(samples["samples"], samples["timeDeltas"]):
        frame = frames[node]
        name = frame["functionName"] or "(anonymous)"
        where = f" {os.path.basename(frame['url'])}:{frame['lineNumber'] + 1}" if frame["url"] else ""
        self_time[name + where] += delta / 1000
    return result["ms"], fetched, self_time.most_common(12)


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    site = os.path.abspath(sys.argv[1])
    queries = sys.argv[2:] or search_measure.QUERIES
    server = search_measure.Server(site, "/tmp/strata-search-profile-http.log")
    driver = search_measure.browser(120)
    try:
        for query in queries:
            search_measure.first_visit(driver, server.url + "search/index.html")
            for when in ("fresh page", "again"):
                ms, fetched, top = profile(driver, query)
                print(f"== {query!r}, {when}: {ms:.1f} ms to results")
                for name, requested, received in fetched:
                    print(f"   fetched {name}: asked at {requested:.0f} ms, in at {received:.0f} ms")
                for name, ms in top:
                    print(f"   {ms:6.1f} ms  {name}")
    finally:
        driver.quit()
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
