#!/usr/bin/env python3
"""Site search in a real browser: strata's search page against Pagefind, on the same built site.

    python3 bench/search_measure.py SITE --runs 7 --json OUT.json

SITE is a site built by `strata build` on which `python3 -m pagefind --site SITE` has run.
Headless Chromium (Debian `chromium` + `chromedriver`) through Selenium; Pagefind is served by
`python3 -m http.server` on 127.0.0.1 (it fetches its files), strata's search is timed both from
file:// and from the same server. Times are taken with performance.now() inside the page.

It first checks what a reader relies on (the box is focused, ?q= is read and kept up to date,
results are relative links, titles rank first, a word near the end of a page is found) and
exits 1 if one fails. Then, per query, the median of --runs runs: for strata the bytes a fresh
search page opened with ?q= fetches until its first results are shown (resource timing, over
HTTP), and the time from typing the query on a fresh page to its results, and again; for
Pagefind its downloads and times as its UI would make them.
"""

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service

# A title word, a two-word title, a word on almost every page, a word on one page, two words,
# and a prefix. Chosen for the synthetic corpus of shared/bench/make-corpus.py (seed 1).
QUERIES = ["compute", "project 04217", "inference", "641276", "gpu latency", "valid"]

# Types the query into the box as a reader would (an `input` event), and times until the
# status line reports on it: search.js writes it once the first results are in the list.
OURS_QUERY = """
var done = arguments[arguments.length - 1];
var query = arguments[0];
var box = document.getElementById("search-query"), status = document.getElementById("search-status");
var quoted = "\u201c" + query + "\u201d", start;
function finish() {
  if (status.textContent.indexOf(quoted) < 0) return false;
  document.getElementById("search-results").offsetHeight;
  var ms = performance.now() - start;
  var links = Array.prototype.slice.call(document.querySelectorAll("#search-results a"));
  var count = /^(\\d+) result/.exec(status.textContent);
  done({ms: ms, count: count ? Number(count[1]) : 0, top: links.slice(0, 3).map(function (a) { return a.textContent; })});
  return true;
}
var watch = new MutationObserver(function () { if (finish()) watch.disconnect(); });
watch.observe(status, {childList: true, characterData: true, subtree: true});
box.value = "";
box.dispatchEvent(new Event("input"));
box.value = query;
start = performance.now();
box.dispatchEvent(new Event("input"));
"""

# Waits for the results of the query the page was opened with (?q=), then sums what the page
# fetched: the page itself and every resource (CSS, JS, index pieces), body bytes as the
# server sent them (it does not compress), from the browser's resource timing.
OURS_OPENED = """
var done = arguments[arguments.length - 1];
var quoted = "\u201c" + arguments[0] + "\u201d";
(function wait() {
  var status = document.getElementById("search-status");
  if (!status || status.textContent.indexOf(quoted) < 0) return setTimeout(wait, 5);
  var entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
  var pieces = entries.filter(function (e) { return /\\/search\\/[^/]+\\/|search\\/index\\.js/.test(e.name); });
  done({ms: performance.now(), bytes: entries.reduce(function (n, e) { return n + e.encodedBodySize; }, 0),
        files: entries.length, index_bytes: pieces.reduce(function (n, e) { return n + e.encodedBodySize; }, 0),
        index_files: pieces.length});
})();
"""

# Pagefind's own API, as its UI uses it: search, then load the first 10 results (title, URL,
# excerpt): the point at which a results list can be shown.
PAGEFIND_QUERY = """
var done = arguments[arguments.length - 1];
var query = arguments[0];
(async function () {
  var start = performance.now();
  if (!window.pf) { window.pf = await import("./pagefind/pagefind.js"); await window.pf.init(); }
  var ready = performance.now();
  var search = await window.pf.search(query);
  var data = await Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }));
  var end = performance.now();
  done({init: ready - start, ms: end - ready, total: end - start, count: search.results.length,
        top: data.slice(0, 3).map(function (d) { return d.meta.title; })});
})().catch(function (error) { done({error: String(error)}); });
"""


def browser(timeout):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--enable-precise-memory-info"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    # Pagefind's first query for a common word on the 110k corpus takes minutes in a loaded
    # browser: Selenium's usual 120 s would cut it off.
    driver.set_script_timeout(timeout)
    driver.set_page_load_timeout(timeout)
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def first_visit(driver, url):
    """Loads `url` with an empty HTTP cache, as a first visit (Pagefind's worker has its own
    requests, which only clearing the cache reaches)."""
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(url)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """python3 -m http.server on the folder above the site, so the site is served under a path
    (/NAME/), as on a project page host. Its request log says which files a page fetched
    (Pagefind fetches from a worker, out of sight of the page's resource timing)."""

    def __init__(self, site, log_path):
        self.root = os.path.dirname(site)
        self.path = "/" + urllib.parse.quote(os.path.basename(site)) + "/"
        self.port = free_port()
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(self.port), "--directory", self.root],
            stdout=subprocess.DEVNULL, stderr=self.log)
        self.url = f"http://127.0.0.1:{self.port}{self.path}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("search: the HTTP server did not start")

    def mark(self):
        self.log.flush()
        return os.path.getsize(self.log_path)

    def bytes_since(self, mark, under=""):
        """Bytes of the files served since `mark` whose path in the site starts with `under`."""
        time.sleep(0.2)  # let the server write its last log lines
        with open(self.log_path) as log:
            log.seek(mark)
            # 304 too: a file the browser still had counts as if fetched, as on a first visit.
            paths = re.findall(r'"GET (\S+) HTTP/[0-9.]+" (?:200|304) ', log.read())
        paths = [urllib.parse.unquote(path.split("?")[0]) for path in paths if path.startswith(self.path + under)]
        return sum(os.path.getsize(self.root + path) for path in paths), len(paths)

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def median(values):
    return round(statistics.median(values), 1)


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def results_for(driver, query):
    """Waits until the search page reports on `query`; the result links' texts and hrefs."""
    driver.execute_async_script(OURS_OPENED, query)
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#search-results a'),"
        " function (a) { return [a.textContent, a.getAttribute('href')]; })")


def check_behaviour(driver, base, site, from_file):
    where = "file://" if from_file else "http://"
    driver.get(base + "search/index.html?q=compute")
    links = results_for(driver, "compute")
    check(driver.execute_script("return document.activeElement.id") == "search-query",
          f"{where}: the query box has the focus on load")
    check(driver.find_element("id", "search-query").get_attribute("value") == "compute",
          f"{where}: ?q= fills the box")
    check(bool(links) and links[0][0] == "Compute", f"{where}: the page titled Compute comes first for 'compute'")
    check(all(href.startswith("../") for _, href in links), f"{where}: result links are relative to the search page")
    expected = "../stack/compute/" + ("index.html" if from_file else "")
    check(links[0][1] == expected, f"{where}: the first link is {expected} ({links[0][1]})")
    status = driver.find_element("id", "search-status")
    check(status.get_attribute("role") == "status" and "results for" in status.text,
          f"{where}: the count is in the role=status element ({status.text!r})")
    box = driver.find_element("id", "search-query")
    box.clear()
    box.send_keys("gpu latency")
    results_for(driver, "gpu latency")
    check(driver.execute_script("return new URLSearchParams(location.search).get('q')") == "gpu latency",
          f"{where}: the URL follows the query (history.replaceState)")
    # In the 11k corpus (seed 1), 248886 is written once, near the end of notes/note-00009.md.
    note = os.path.join(site, "notes", "note-00009", "index.html")
    if os.path.exists(note) and "248886" in open(note, encoding="utf-8").read():
        driver.get(base + "search/index.html?q=248886")
        links = [text for text, _ in results_for(driver, "248886")]
        check(links == ["Note 00009"], f"{where}: a word near the end of one page's text finds that page only ({links})")


def measure_ours(driver, base, runs, server=None):
    """Per query: a fresh page opened with ?q= (cache cleared), its bytes until the first results
    are shown; then on a fresh page without a query, the time from typing to results, and again."""
    queries = {}
    for query in QUERIES:
        opened, first, again, result = [], [], [], None
        for _ in range(runs):
            first_visit(driver, base + "search/index.html?q=" + urllib.parse.quote(query))
            opened.append(driver.execute_async_script(OURS_OPENED, query))
            first_visit(driver, base + "search/index.html")
            result = driver.execute_async_script(OURS_QUERY, query)
            first.append(result["ms"])
            again.append(driver.execute_async_script(OURS_QUERY, query)["ms"])
        queries[query] = {"first_ms": median(first), "repeat_ms": median(again),
                          "opened_ms": median([o["ms"] for o in opened]),
                          "count": result["count"], "top": result["top"]}
        if server:
            queries[query].update({
                "first_bytes": int(statistics.median(o["bytes"] for o in opened)),
                "first_files": int(statistics.median(o["files"] for o in opened)),
                "index_bytes": int(statistics.median(o["index_bytes"] for o in opened)),
                "index_files": int(statistics.median(o["index_files"] for o in opened))})
    return {"queries": queries}


def measure_pagefind(driver, server, runs, timeout):
    """As measure_ours; a query with no answer within `timeout` seconds is recorded as such
    and the next one is measured on a fresh page."""
    queries = {}
    for query in QUERIES:
        try:
            queries[query] = measure_pagefind_query(driver, server, runs, query)
        except TimeoutException:
            print(f"pagefind: no answer for {query!r} within {timeout:g} s", file=sys.stderr)
            queries[query] = {"no_answer_s": timeout}
    return {"queries": queries}


def measure_pagefind_query(driver, server, runs, query):
    first, repeat, downloads = [], [], []
    result = None
    for _ in range(runs):
        # A fresh page with nothing loaded: the first query pays for Pagefind's start-up too.
        # A small page at the top of the site, as the import path expects.
        first_visit(driver, server.url + "404.html")
        mark = server.mark()
        result = driver.execute_async_script(PAGEFIND_QUERY, query)
        if "error" in result:
            raise SystemExit(f"pagefind: {result['error']}")
        downloads.append(server.bytes_since(mark, "pagefind/"))
        first.append(result["total"])
        repeat.append(driver.execute_async_script(PAGEFIND_QUERY, query)["ms"])
    return {"first_ms": median(first), "repeat_ms": median(repeat),
            "first_bytes": int(statistics.median(d[0] for d in downloads)),
            "first_files": int(statistics.median(d[1] for d in downloads)),
            "count": result["count"], "top": result["top"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--server-log", default="/tmp/strata-search-http.log", help="the HTTP server's request log")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds a page load or a query may take before it counts as no answer (default 900)")
    arguments = parser.parse_args()
    site = os.path.abspath(arguments.site)
    server = Server(site, arguments.server_log)
    driver = None
    try:
        driver = browser(arguments.timeout)
        print("== behaviour")
        check_behaviour(driver, "file://" + site + "/", site, from_file=True)
        check_behaviour(driver, server.url, site, from_file=False)
        if failures:
            print(f"search: {len(failures)} check(s) failed", file=sys.stderr)
            return 1
        print(f"== timing ({arguments.runs} runs each, medians)")
        figures = {
            "browser": "Chromium " + driver.capabilities.get("browserVersion", "?"),
            "runs": arguments.runs,
            "strata_file": measure_ours(driver, "file://" + site + "/", arguments.runs),
            "strata_http": measure_ours(driver, server.url, arguments.runs, server),
            "pagefind_http": measure_pagefind(driver, server, arguments.runs, arguments.timeout),
        }
    finally:
        if driver:
            driver.quit()
        server.stop()
    print(json.dumps(figures, indent=1))
    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump(figures, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
