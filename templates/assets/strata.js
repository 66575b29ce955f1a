// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // 1. From file:// folder links must name index.html.
  function indexLink(url) {
    // Absolute, root-relative and same-page links stay.
    if (url === null || /^([a-z][a-z0-9+.\-]*:|\/|#|\?)/i.test(url)) return null;
    var cut = url.search(/[?#]/);
    var path = cut < 0 ? url : url.slice(0, cut);
    var rest = cut < 0 ? "" : url.slice(cut);
    if (path === "" ) return null;
    if (/(^|\/)\.\.?$/.test(path)) path += "/";
    if (path.charAt(path.length - 1) !== "/") return null;
    return path + "index.html" + rest;
  }

  function fixFileLinks() {
    var targets = [["a[href]", "href"], ["form[action]", "action"]];
    targets.forEach(function (target) {
      var nodes = document.querySelectorAll(target[0]);
      for (var i = 0; i < nodes.length; i++) {
        var fixed = indexLink(nodes[i].getAttribute(target[1]));
        if (fixed !== null) nodes[i].setAttribute(target[1], fixed);
      }
    });
  }

  // 2. The projects table: filters in the URL query; sortable columns.
  function projectsTable() {
    var table = document.getElementById("projects-table");
    var form = document.getElementById("project-filters");
    if (!table || !form || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("projects-count");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
    var text = form.querySelector("input[name=q]");
    var timer = 0;

    // Row values read once; data-* values are space-separated lists.
    var data = rows.map(function (row, index) {
      var values = {};
      selects.forEach(function (select) {
        values[select.name] = (row.getAttribute("data-" + select.name) || "").split(/\s+/);
      });
      var title = row.cells[0] ? row.cells[0].textContent : "";
      return { row: row, index: index, values: values, title: title.toLowerCase() };
    });

    function apply(updateURL) {
      var query = text ? text.value.trim().toLowerCase() : "";
      var shown = 0;
      data.forEach(function (entry) {
        var match = !query || entry.title.indexOf(query) >= 0;
        for (var i = 0; match && i < selects.length; i++) {
          var value = selects[i].value;
          if (value && entry.values[selects[i].name].indexOf(value) < 0) match = false;
        }
        if (entry.row.hidden === match) entry.row.hidden = !match;
        if (match) shown++;
      });
      if (count) count.textContent = shown + " of " + data.length + " projects";
      if (updateURL) writeQuery();
    }

    function writeQuery() {
      var params = new URLSearchParams(location.search);
      selects.concat(text ? [text] : []).forEach(function (field) {
        if (field.value.trim()) params.set(field.name, field.value.trim());
        else params.delete(field.name);
      });
      var search = params.toString();
      try {
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      } catch (error) {
        // file:// may refuse; filtering still works.
      }
    }

    function readQuery() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name);
        if (value === null) return;
        // A value the site lacks is added, so the URL keeps its meaning.
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          select.add(new Option(value, value));
        }
        select.value = value;
      });
      if (text && params.get("q") !== null) text.value = params.get("q");
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function (event) {
      if (event.target !== text) return;
      clearTimeout(timer);
      timer = setTimeout(function () { apply(true); }, data.length > 2000 ? 150 : 0);
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });

    readQuery();
    form.hidden = false;
    apply(false);
    sortable(table, body, data);
  }

  // Verdicts sort by strength, not alphabetically.
  var ranks = { signal: "0", mixed: "1", noise: "2", unrated: "3" };

  function sortable(table, body, data) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction);
        var sign = direction === "ascending" ? 1 : -1;
        var keyed = data.map(function (entry) {
          var cell = entry.row.cells[column];
          var key = cell ? cell.textContent.trim() : "";
          if (ranks[key.toLowerCase()] !== undefined) key = ranks[key.toLowerCase()];
          return { entry: entry, key: key, empty: key === "" || key === "unknown" };
        });
        keyed.sort(function (a, b) {
          // Empty and unknown values stay last either way.
          if (a.empty !== b.empty) return a.empty ? 1 : -1;
          return sign * collator.compare(a.key, b.key) || a.entry.index - b.entry.index;
        });
        // Reorder off the document: one layout.
        var next = body.nextSibling;
        table.removeChild(body);
        keyed.forEach(function (item) { body.appendChild(item.entry.row); });
        table.insertBefore(body, next);
      });
    });
  }

  // 3. "/" jumps to the search box unless one is typing.
  function searchShortcut() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var active = document.activeElement;
      if (active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable)) return;
      var box = document.getElementById("search-query") || document.getElementById("site-search");
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    });
  }

  // 4. The table of contents marks the section being read: the last heading above the window's top fifth.
  function tocMarks() {
    var links = document.querySelectorAll(".toc a[href^='#']");
    if (!links.length || !window.IntersectionObserver) return;
    var headings = [], marked = null;
    links.forEach(function (link) {
      var heading = document.getElementById(link.getAttribute("href").slice(1));
      if (heading) headings.push({ heading: heading, link: link });
    });
    function mark() {
      var pick = headings[0];
      headings.forEach(function (entry) { if (entry.heading.getBoundingClientRect().top < innerHeight / 5) pick = entry; });
      if (!pick || pick.link === marked) return;
      if (marked) marked.removeAttribute("aria-current");
      marked = pick.link;
      marked.setAttribute("aria-current", "true");
    }
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -80% 0px" });
    headings.forEach(function (entry) { observer.observe(entry.heading); });
  }

  function start() {
    if (location.protocol === "file:") fixFileLinks();
    projectsTable();
    searchShortcut();
    tocMarks();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
