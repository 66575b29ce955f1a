// Search over the index built at build time (window.STRATA_SEARCH); runs offline and under any path.
(function () {
  "use strict";
  var pages = window.STRATA_SEARCH || [];
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var root = "../";

  function score(page, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], found = 0;
      if (page.t.toLowerCase().indexOf(term) >= 0) found = 100;
      else if (page.h.toLowerCase().indexOf(term) >= 0 || page.g.indexOf(term) >= 0) found = 20;
      else if (page.s.toLowerCase().indexOf(term) >= 0) found = 10;
      else if (page.x.toLowerCase().indexOf(term) >= 0) found = 1;
      if (!found) return 0;
      total += found;
    }
    return total;
  }

  function run(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { status.textContent = "Type a word to search titles, summaries and text."; return; }
    var hits = [];
    for (var i = 0; i < pages.length; i++) {
      var s = score(pages[i], terms);
      if (s) hits.push([s, pages[i]]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d";
    hits.slice(0, 100).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit[1].u + (location.protocol === "file:" ? "index.html" : "");
      link.textContent = hit[1].t;
      item.appendChild(link);
      if (hit[1].s) {
        var summary = document.createElement("span");
        summary.className = "summary";
        summary.textContent = " \u2014 " + hit[1].s;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  run(query);
  input.addEventListener("input", function () {
    run(input.value);
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  });
})();
