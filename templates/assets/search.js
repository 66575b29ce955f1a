// Search as you type and the search page, from an index in pieces (SearchIndex.swift).
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id), header = $("site-search"), form = header && header.form;
  if (!form) return;
  const loaded = {}, waiting = {}, cache = {}, WORD = /[^\p{L}\p{M}\p{N}]+/u;
  const SCORE = [100, 100, 100, 50, 20, 10, 1]; // per SearchIndex.Field
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'()*+,./:;=>?@[]^`{|}~";
  const digit = new Int8Array(128);
  for (let d = 0; d < DIGITS.length; d++) digit[DIGITS.charCodeAt(d)] = d;
  const FAILED = "The search index did not load.";
  let index;

  window.strataSearchPiece = (name, data) => waiting[name]?.(data);
  const load = (name, path) => (loaded[name] ||= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    waiting[name] = resolve;
    script.onerror = () => { delete loaded[name]; reject(); };
    script.src = form.dataset.index + path;
    document.head.append(script);
  }));
  const start = () => load("index", "index.js").then((data) => (index = data));
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const piece = (n) => load("w" + n, "words/" + n + ".js");
  const hex = (text) => Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, "0")).join("");
  const make = (tag, className = "", textContent = "") => Object.assign(document.createElement(tag), { className, textContent });

  // The piece that would hold `key`: the last whose first key is not above it.
  function pieceOf(key) {
    let low = 0, high = index.words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (key < index.words[middle]) high = middle;
      else low = middle + 1;
    }
    return Math.max(0, low - 1);
  }

  // Entries [key, isWord, lists, mates] starting with `term`, and its mates.
  function entries(term) {
    const low = pieceOf(term), high = pieceOf(term + "\uffff"), range = [];
    for (let n = low; n <= high; n++) range.push(piece(n));
    const inRange = () => Promise.all(range).then((lists) => {
      const found = lists.flat().filter((e) => e[0].startsWith(term)), exact = found.find((e) => e[0] === term);
      return Promise.all((exact?.[3] || []).map((mate) => piece(pieceOf(mate)).then((list) => list.find((e) => e[0] === mate))))
        .then((mates) => found.concat(mates.filter(Boolean)));
    });
    return high - low < 2 ? inRange() : load("p" + hex(term), "prefix/" + hex(term) + ".js").catch(inRange);
  }

  // Per page, the best field (the lowest number) where one of the entries occurs; 255 for none.
  function best(list) {
    const found = new Uint8Array(index.pages).fill(255);
    for (const e of list) {
      for (let field = 0; field < e[2].length; field++) {
        const code = e[2][field];
        if (typeof code === "string") {
          for (let i = 0, page = -1, high = 0, d; i < code.length; i++) {
            d = digit[code.charCodeAt(i)];
            if (d >= 64) high = high * 27 + d - 64;
            else {
              page += high * 64 + d + 1;
              high = 0;
              if (found[page] > field) found[page] = field;
            }
          }
        } else {
          for (let k = 0, bits = code[0]; k < bits.length; k++) {
            for (let set = digit[bits.charCodeAt(k)], page = k * 6; set; page++, set >>= 1) {
              if (set & 1 && found[page] > field) found[page] = field;
            }
          }
        }
      }
    }
    return found;
  }

  const lookup = (term) => (cache[term] ||= entries(term).then((list) => [list, best(list)], (error) => {
    delete cache[term];
    throw error;
  }));

  // Every term must match; +1000 for a one-word query that is the title, +500 for a title
  // starting with the first term. Hits are page numbers, best first.
  function search(query) {
    const wanted = fold(query).split(WORD).filter(Boolean);
    if (!wanted.length) return Promise.resolve();
    return start().then(() => Promise.all(wanted.map(lookup))).then((looked) => {
      // A counting sort (scores are whole numbers up to `top`): best first, then in page order.
      const found = looked.map((l) => l[0]), fields = looked.map((l) => l[1]), n = index.pages;
      const top = 1100 + 100 * wanted.length, at = new Int32Array(top + 1), scores = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let score = 0, j = 0, field;
        for (; j < wanted.length && (field = fields[j][i]) < 255; j++) {
          score += SCORE[field] + (field === 0 && !wanted[1] ? 1000 : field < 2 && !j ? 500 : 0);
        }
        if (j === wanted.length) at[top - (scores[i] = score) + 1]++;
      }
      for (let k = 1; k <= top; k++) at[k] += at[k - 1];
      const hits = new Int32Array(at[top]);
      for (let i = 0; i < n; i++) if (scores[i]) hits[at[top - scores[i]]++] = i;
      const marks = wanted.concat(...found.flat().map((e) => e[3] || []));
      const words = new RegExp("(?<![\\p{L}\\p{M}\\p{N}])(" + marks.join("|") + ")", "gu");
      return { wanted, hits, words, missing: wanted.filter((t, n) => !found[n].length) };
    });
  }

  function edits(a, b) {
    const rows = [[...Array(b.length + 1).keys()]];
    for (let i = 1; i <= a.length; i++) {
      rows[i] = [i];
      for (let j = 1; j <= b.length; j++) {
        rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] !== b[j - 1]),
          a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? rows[i - 2][j - 2] + 1 : 99);
      }
    }
    return rows[a.length][b.length];
  }

  // "Did you mean": the closest word of its piece (1 edit up to 4 letters, else 2).
  function suggest(found) {
    if (!found?.missing.length) return null;
    return Promise.all(found.wanted.map((term) => !found.missing.includes(term) ? term
      : piece(pieceOf(term)).then((list) => {
        let choice = null, cost = (term.length <= 4 ? 2 : 3) * 1e9 - 1e8;
        for (const e of list) {
          const c = e[1] && Math.abs(e[0].length - term.length) < 3 ? edits(term, e[0]) * 1e9 - JSON.stringify(e[2]).length : cost;
          if (c < cost) [choice, cost] = [e[0], c];
        }
        return choice;
      }))).then((words) => (words.includes(null) ? null : words.join(" ")));
  }

  function kindOf(page) {
    let end = 0;
    for (const [kind, count] of index.kinds) if (page < (end += count)) return kind;
  }

  // The hits of one kind (a kind is a range of page numbers), in their order.
  function ofKind(hits, wanted) {
    let low = 0;
    for (const [kind, count] of index.kinds) {
      if (kind === wanted) return hits.filter((hit) => hit >= low && hit < low + count);
      low += count;
    }
    return hits.subarray(0, 0);
  }

  const counted = (n) => n + " result" + (n === 1 ? "" : "s");
  const href = (from, url) => from + url + (location.protocol === "file:" && /(^|\/)$/.test(url) ? "index.html" : "");

  // `text` folded character by character, so that positions in it are positions in `text`
  // (a character whose folded form has another length stays as it is).
  const foldedChars = new Map();
  const foldChar = (c) => {
    let folded = foldedChars.get(c);
    if (folded === undefined) foldedChars.set(c, (folded = fold(c).length === c.length ? fold(c) : c));
    return folded;
  };
  const same = (text) => /^[\0-\x7f]*$/.test(text) ? text.toLowerCase()
    : text.replace(/[A-Z]+|[^\0-\x7f]/gu, (s) => (s.charCodeAt(0) < 128 ? s.toLowerCase() : foldChar(s)));

  // The passage around the first match in the page's text (folded once per page), else its summary.
  function snippet(into, page, words) {
    let text = page.x, folded = (page.f ??= same(text)), at = folded.search(words);
    if (at < 0) [text, folded, at] = [page.s || text, same(page.s || text), 0];
    const from = text.lastIndexOf(" ", at - 60) + 1, end = text.indexOf(" ", from + 180);
    const cut = (whole) => (from ? "… " : "") + whole.slice(from, end < 0 ? undefined : end) + (end < 0 ? "" : " …");
    text = cut(text);
    let last = 0;
    for (const match of cut(folded).matchAll(words)) {
      into.append(text.slice(last, match.index), make("mark", "", text.substr(match.index, match[0].length)));
      last = match.index + match[0].length;
    }
    into.append(text.slice(last));
  }

  function show(item, page, from, words) {
    const title = make(from == null ? "span" : "a", "item-title", page.t), passage = make("span", "summary");
    if (from != null) title.href = href(from, page.u);
    snippet(passage, page, words);
    item.append(title, " ", make("span", "count", page.k), passage);
  }

  const pages = (hits, from, count) => Promise.all(Array.from(hits.slice(from, from + count), (hit) =>
    load("f" + hit, "pages/" + hit + ".js").then((page) => ((page.k ??= kindOf(hit)), page))));

  // The header's combobox.
  const list = $("site-search-list"), spoken = $("site-search-status");
  let options = [], active = -1, asked = 0;

  function choose(n) {
    if (options[active]) options[active].ariaSelected = "false";
    active = n;
    if (n < 0) return header.removeAttribute("aria-activedescendant");
    options[n].ariaSelected = "true";
    header.setAttribute("aria-activedescendant", options[n].id);
  }

  function close() {
    list.hidden = true;
    header.ariaExpanded = "false";
    choose(-1);
  }

  function option(action, text) {
    const onmousedown = (event) => { event.preventDefault(); action(); };
    const id = "site-search-" + options.length;
    return (options[options.length] = Object.assign(list.appendChild(make("li", "item", text)),
      { id, role: "option", ariaSelected: "false", onmousedown, action }));
  }

  function dropdown() {
    const query = header.value.trim(), ask = ++asked, go = (url) => () => (location.href = url);
    if (!query) return close();
    search(query).then((found) => found && Promise.all([pages(found.hits, 0, 6), suggest(found)]).then(([top, better]) => {
      if (ask !== asked) return;
      const count = found.hits.length;
      choose(-1);
      list.textContent = "";
      options = [];
      for (const page of top) show(option(go(href(form.dataset.root, page.u))), page, null, found.words);
      if (better) option(() => { header.value = better; dropdown(); }, "Did you mean " + better + "?");
      else if (count > top.length) option(go(form.action + "?q=" + encodeURIComponent(query)), "All " + count + " results");
      spoken.textContent = counted(count);
      list.hidden = !options.length;
      header.ariaExpanded = String(!list.hidden);
    })).catch(() => (spoken.textContent = FAILED));
  }

  header.onfocus = () => start().catch(() => {});
  header.oninput = dropdown;
  header.onblur = close;
  header.onkeydown = (event) => {
    const open = !list.hidden, key = event.key;
    if (key === "Escape" && open) close();
    else if (key === "ArrowDown" || key === "ArrowUp") {
      if (!open) return dropdown();
      const next = active + (key === "ArrowDown" ? 1 : -1);
      choose(next >= options.length ? -1 : next < -1 ? options.length - 1 : next);
    } else if (key === "Enter" && open && active >= 0) options[active].action();
    else return; // Enter alone submits: search/?q=…
    event.preventDefault();
  };

  const input = $("search-query"), results = $("search-results"), status = $("search-status");
  const kinds = $("search-kind"), hint = $("search-suggestion"), more = make("button");
  if (!input) return;
  let hits = [], shown = 0, words, asking = 0, remembering;
  for (const hidden of document.querySelectorAll(".search [hidden]")) hidden.hidden = false;
  more.hidden = true;
  results.after(more);

  function showMore(ask) {
    const first = shown;
    return pages(hits, first, 10).then((found) => {
      if (ask !== asking) return;
      for (const page of found) show(results.appendChild(make("li", "item")), page, results.dataset.root, words);
      shown = first + found.length;
      more.hidden = shown >= hits.length;
      more.textContent = "Show " + Math.min(10, hits.length - shown) + " more";
      return first;
    });
  }

  function update() {
    const query = input.value.trim(), kind = kinds.value, ask = ++asking, quoted = "\u201c" + query + "\u201d";
    const url = new URL(location.href), params = url.searchParams;
    for (const [name, value] of [["q", query], ["kind", kind]]) value ? params.set(name, value) : params.delete(name);
    // The address follows in a task of its own, after the results are drawn, once for the
    // keystrokes of one task (Chromium also limits how often a page may call it).
    clearTimeout(remembering);
    remembering = setTimeout(() => { try { history.replaceState(null, "", url); } catch {} }); // file:// may refuse
    search(query).then((found) => {
      if (ask !== asking) return;
      results.textContent = hint.textContent = "";
      more.hidden = true;
      if (!found) return (status.textContent = "Type a word to search every page.");
      hits = kind ? ofKind(found.hits, kind) : found.hits;
      words = found.words;
      shown = 0;
      return Promise.all([showMore(ask), suggest(found)]).then(([, better]) => {
        if (ask !== asking) return;
        status.textContent = !hits.length ? "No page has every word of " + quoted + "."
          : counted(hits.length) + " for " + quoted + ".";
        if (!better) return;
        const onclick = () => { input.value = better; update(); input.focus(); };
        hint.append("Did you mean ", Object.assign(make("button", "", better), { onclick }), "?");
      });
    }).catch(() => (status.textContent = FAILED));
  }

  input.oninput = kinds.onchange = update;
  more.onclick = () => showMore(asking).then((first) => results.querySelectorAll("a")[first]?.focus());
  input.form.onsubmit = (event) => { event.preventDefault(); update(); };
  const params = new URLSearchParams(location.search);
  input.value ||= params.get("q") || "";
  kinds.value = params.get("kind") || "";
  start().catch(() => {}); // this page will search: its entry file loads with it
  update();
  input.focus();
})();
