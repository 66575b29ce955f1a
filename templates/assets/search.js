// Site search, answered in the browser from search/index.js (window.STRATA_SEARCH), which the
// build writes: a plain script, so search works offline, from file:// and under any path.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;
  var index = window.STRATA_SEARCH;
  if (!index || !index.pages) {
    status.textContent = "The search index did not load. The projects, notes and tags pages list every page.";
    return;
  }
  var pages = index.pages, words = index.words || [], postings = index.postings || [];
  var root = list.getAttribute("data-root") || "../";
  var help = document.getElementById("search-help");
  if (help) help.hidden = false;
  var PAGE_SIZE = 50;
  var WORD = /[^\p{L}\p{M}\p{N}]+/u;

  // Page numbers in postings: a gap is leading digits (base 27) then one final digit (base 64),
  // as SearchIndex.encode writes them.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'()*+,./:;=>?@[]^`{|}~";
  var digitValue = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) digitValue[DIGITS.charCodeAt(d)] = d;

  function mark(code, into) {
    var page = -1, high = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = digitValue[code.charCodeAt(i)];
      if (digit >= 64) high = high * 27 + digit - 64;
      else { page += high * 64 + digit + 1; into[page] = 1; high = 0; }
    }
  }

  // Lower case without accents: the same folding the build applies to the word list.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function terms(query) {
    return fold(query).split(WORD).filter(Boolean);
  }

  // Pages whose text has a word starting with `term`: the word list is sorted, so the words
  // with that prefix are one run, found by binary search.
  function pagesWithWord(term) {
    var found = new Uint8Array(pages.length);
    var low = 0, high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < term) low = middle + 1; else high = middle;
    }
    for (var w = low; w < words.length && words[w].lastIndexOf(term, 0) === 0; w++) mark(postings[w], found);
    return found;
  }

  // Folded fields, made on the first search: " " + title words; headings and what the page is
  // filed under (tags; a profile's layers, sector, chains and token); summary.
  var fields = null;
  function prepare() {
    fields = pages.map(function (page) {
      return [" " + terms(page.t).join(" "), fold(page.h + " " + page.g), fold(page.s)];
    });
  }

  // Title words starting with the query rank first, then title substrings, headings and
  // filed-under terms, summary, then text. Every term must match somewhere; whole-title matches get a bonus.
  function search(query) {
    var wanted = terms(query);
    if (!wanted.length) return null;
    if (!fields) prepare();
    var phrase = " " + wanted.join(" ");
    var starts = wanted.map(function (term) { return " " + term; });
    var inText = wanted.map(pagesWithWord);
    var hits = [];
    for (var i = 0; i < pages.length; i++) {
      var field = fields[i], score = 0;
      for (var j = 0; j < wanted.length; j++) {
        var term = wanted[j], found;
        if (field[0].indexOf(starts[j]) >= 0) found = 100;
        else if (field[0].indexOf(term) >= 0) found = 50;
        else if (field[1].indexOf(term) >= 0) found = 20;
        else if (field[2].indexOf(term) >= 0) found = 10;
        else if (inText[j][i]) found = 1;
        else break;
        score += found;
      }
      if (j < wanted.length) continue;
      if (field[0] === phrase) score += 1000;
      else if (field[0].lastIndexOf(phrase, 0) === 0) score += 500;
      hits.push({ page: i, score: score });
    }
    // The index lists pages by title, so equal scores stay in title order.
    hits.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return hits;
  }

  function href(url) {
    var folder = url === "" || url.charAt(url.length - 1) === "/";
    return root + url + (location.protocol === "file:" && folder ? "index.html" : "");
  }

  var hits = [], shown = 0, shownQuery = "";
  var more = document.createElement("button");
  more.type = "button";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  function showMore() {
    var end = Math.min(hits.length, shown + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    for (; shown < end; shown++) {
      var page = pages[hits[shown].page];
      var item = document.createElement("li");
      var link = document.createElement("a");
      item.className = "item";
      link.className = "item-title";
      link.href = href(page.u);
      link.textContent = page.t;
      item.appendChild(link);
      if (page.s) {
        var summary = document.createElement("span");
        summary.className = "summary";
        summary.textContent = page.s;
        item.appendChild(summary);
      }
      fragment.appendChild(item);
    }
    list.appendChild(fragment);
    more.hidden = shown >= hits.length;
    more.textContent = "Show " + Math.min(PAGE_SIZE, hits.length - shown) + " more";
    var quoted = "\u201c" + shownQuery + "\u201d";
    status.textContent = !hits.length ? "No page has every word of " + quoted + "."
      : (hits.length === 1 ? "1 result" : hits.length + " results") + " for " + quoted
        + (shown < hits.length ? ", showing the first " + shown + "." : ".");
  }

  function update() {
    var query = input.value.trim();
    list.textContent = "";
    hits = [];
    shown = 0;
    shownQuery = query;
    var found = search(query);
    if (found) {
      hits = found;
      showMore();
    } else {
      more.hidden = true;
      status.textContent = query ? "Type letters or digits to search." : "Type a word to search every page.";
    }
    try {
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      history.replaceState(null, "", url.href);
    } catch (error) {
      // Some browsers refuse to change file:// URLs; the results are still shown.
    }
  }

  // ArrowDown/ArrowUp move between the query box, the results and the "more" button.
  function onArrow(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
    if (!more.hidden) stops.push(more);
    var at = stops.indexOf(document.activeElement);
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (at < 0 || next < 0 || next >= stops.length) return;
    event.preventDefault();
    stops[next].focus();
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", onArrow);
  list.addEventListener("keydown", onArrow);
  more.addEventListener("keydown", onArrow);
  more.addEventListener("click", function () {
    var first = shown;
    showMore();
    var link = list.querySelectorAll("a")[first];
    if (link) link.focus();
  });
  if (input.form) input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  // The header's search box submits to this page: answer here instead of reloading the index.
  var header = document.getElementById("site-search");
  if (header && header.form) header.form.addEventListener("submit", function (event) {
    event.preventDefault();
    input.value = header.value;
    update();
    input.focus();
  });

  if (!input.value) input.value = new URLSearchParams(location.search).get("q") || "";
  update();
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
})();
