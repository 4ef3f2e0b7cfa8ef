/* neardup report: renders the embedded story data page by page (no network, no libraries).
   Texts come from scraped pages: they are only ever inserted with textContent. */
(function () {
  "use strict";
  var started = performance.now();
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var parsed = performance.now();
  var PAGE = DATA.pageSize || 50;
  var state = { matches: DATA.stories.map(function (_, k) { return k; }), page: 0,
                rejectedPage: 0, haystacks: null };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "className") node.className = value;
        else if (name === "onclick") node.addEventListener("click", value);
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function fmt(n) { return n === undefined || n === null ? "–" : Number(n).toLocaleString("en"); }
  function sim(x) { return x === undefined || x === null ? "–" : x.toFixed(3); }
  function source(doc) {
    var file = DATA.files[doc.f] || "";
    return doc.l !== undefined ? file + ":" + doc.l : file;
  }
  function site(doc) { return doc.s === undefined ? "" : DATA.sites[doc.s]; }
  function textOf(number) { return DATA.texts[String(number)]; }
  function storyTitle(story) {
    return story.t || DATA.docs[story.o].t || DATA.docs[story.o].i;
  }

  /* ---------- search and filter ---------- */
  function buildHaystacks() {
    return DATA.stories.map(function (story) {
      var parts = [story.t || ""];
      for (var k = story.o; k < story.o + story.m; k++) {
        var doc = DATA.docs[k];
        parts.push(doc.i, doc.t || "", doc.u || "");
        var text = textOf(k);
        if (text) parts.push(text.t);
      }
      return parts.join("\n").toLowerCase();
    });
  }

  function matchesFilter(story, filter) {
    if (!filter) return true;
    var kind = filter.charAt(0), value = Number(filter.slice(2));
    for (var k = story.o; k < story.o + story.m; k++) {
      var doc = DATA.docs[k];
      if ((kind === "s" && doc.s === value) || (kind === "f" && doc.f === value)) return true;
    }
    return false;
  }

  function applySearch() {
    var query = document.getElementById("search").value.trim().toLowerCase();
    var filter = document.getElementById("filter").value;
    var terms = query ? query.split(/\s+/) : [];
    if (terms.length && !state.haystacks) state.haystacks = buildHaystacks();
    state.matches = [];
    DATA.stories.forEach(function (story, k) {
      if (!matchesFilter(story, filter)) return;
      for (var t = 0; t < terms.length; t++) {
        if (state.haystacks[k].indexOf(terms[t]) < 0) return;
      }
      state.matches.push(k);
    });
    state.page = 0;
    renderStories();
  }

  /* ---------- pager ---------- */
  function pager(container, page, total, onPage) {
    container.textContent = "";
    var pages = Math.max(1, Math.ceil(total / PAGE));
    if (pages <= 1) return;
    container.appendChild(el("button", { type: "button", className: "page-prev",
      disabled: page === 0, onclick: function () { onPage(page - 1); } }, ["‹ previous"]));
    container.appendChild(el("span", { className: "page-info",
      text: "page " + (page + 1) + " of " + pages }));
    container.appendChild(el("button", { type: "button", className: "page-next",
      disabled: page >= pages - 1, onclick: function () { onPage(page + 1); } }, ["next ›"]));
  }

  /* ---------- text views ---------- */
  function diffView(keptNumber, copyNumber) {
    var kept = textOf(keptNumber), copy = textOf(copyNumber), doc = DATA.docs[copyNumber];
    var keptDoc = DATA.docs[keptNumber];
    var ops = doc.df || [];
    var left = el("div", { className: "text" }), right = el("div", { className: "text" });
    var a = 0, b = 0, marks = { a: "d-add", m: "d-miss", c: "d-chg" };
    var titles = { a: "added in this copy", m: "missing from this copy",
                   c: "changed in this copy" };
    ops.forEach(function (op) {
      var tag = op[0];
      left.appendChild(document.createTextNode(kept.t.slice(a, op[1])));
      right.appendChild(document.createTextNode(copy.t.slice(b, op[3])));
      if (op[2] > op[1]) {
        left.appendChild(el("mark", { className: "diff " + marks[tag], title: titles[tag],
          text: kept.t.slice(op[1], op[2]) }));
      } else {
        left.appendChild(el("span", { className: "gap gap-add",
          title: "the copy adds words here", text: "⁺" }));
      }
      if (op[4] > op[3]) {
        right.appendChild(el("mark", { className: "diff " + marks[tag], title: titles[tag],
          text: copy.t.slice(op[3], op[4]) }));
      } else {
        right.appendChild(el("span", { className: "gap gap-miss",
          title: "words of the kept copy are missing here", text: "⁻" }));
      }
      a = op[2]; b = op[4];
    });
    left.appendChild(document.createTextNode(kept.t.slice(a)));
    right.appendChild(document.createTextNode(copy.t.slice(b)));
    var note = ops.length ? null : el("p", { className: "identical",
      text: "The clean texts are identical (word for word)." });
    var cut = kept.tr || copy.tr ? el("p", { className: "cut",
      text: "Texts are cut at the embedding cap: differences past the cut are not shown." })
      : null;
    return el("div", { className: "side-by-side" }, [
      el("p", { className: "legend" }, [
        el("mark", { className: "diff d-add", text: "added" }), " ",
        el("mark", { className: "diff d-miss", text: "missing" }), " ",
        el("mark", { className: "diff d-chg", text: "changed" }),
        " — word differences of the copy (right) against the kept copy (left); similarity " +
        sim(doc.j) + ", containment " + sim(doc.c) + "."]),
      note, cut,
      el("div", { className: "panes" }, [
        el("div", { className: "pane pane-kept" }, [
          el("h4", { text: "Kept copy · " + keptDoc.i + " · " + source(keptDoc) }), left]),
        el("div", { className: "pane pane-copy" }, [
          el("h4", { text: "Copy · " + doc.i + " · " + source(doc) }), right])])]);
  }

  function cleaningView(number, doc) {
    var item = textOf(number);
    var body = el("div", { className: "text raw" });
    var raw = item.raw === undefined ? item.t : item.raw;
    var at = 0;
    (item.rm || []).forEach(function (span) {
      body.appendChild(document.createTextNode(raw.slice(at, span[0])));
      var reason = DATA.reasons[span[2]];
      body.appendChild(el("del", { className: "removed", title: "removed: " + reason,
        "data-reason": reason, text: raw.slice(span[0], span[1]) }));
      at = span[1];
    });
    body.appendChild(document.createTextNode(raw.slice(at)));
    var what = item.raw === undefined
      ? "Cleaning removed nothing from this text (or the raw text was not kept)."
      : "Struck-through text was removed by cleaning; hover it for the reason.";
    return el("div", { className: "cleaning" }, [
      el("h4", { text: "Raw text of " + doc.i + " · " + source(doc) }),
      el("p", { className: "legend", text: what +
        (item.tr ? " The text is cut at the embedding cap." : "") }),
      body]);
  }

  function show(viewer, node) {
    viewer.textContent = "";
    viewer.appendChild(node);
    viewer.hidden = false;
  }

  /* ---------- stories ---------- */
  function copyRow(story, k, viewer) {
    var doc = DATA.docs[k], kept = k === story.o, text = textOf(k);
    var actions = el("td", { className: "actions" });
    if (!kept && text && textOf(story.o) && doc.df) {
      actions.appendChild(el("button", { type: "button", className: "btn-compare",
        onclick: function () { show(viewer, diffView(story.o, k)); } }, ["compare"]));
    }
    if (text) {
      actions.appendChild(el("button", { type: "button", className: "btn-clean",
        onclick: function () { show(viewer, cleaningView(k, doc)); } }, ["cleaning"]));
    }
    // only web addresses are links: a url field is input ("javascript:..." would run here)
    var id = doc.u && /^https?:\/\//i.test(doc.u) ? el("a", { href: doc.u,
      rel: "noreferrer noopener", target: "_blank", text: doc.i }) : doc.i;
    return el("tr", { className: kept ? "kept" : "copy" }, [
      el("td", doc.m ? { text: (kept ? "kept" : "copy") + " · center",
        title: "the story's center: every copy was verified against it" }
        : { text: kept ? "kept" : "copy" }),
      el("td", { className: "id" }, [id]),
      el("td", { className: "src", text: source(doc) }),
      el("td", { text: site(doc) }),
      el("td", { text: doc.d || "" }),
      el("td", { className: "num", text: kept ? "" : sim(doc.j) }),
      el("td", { className: "num", text: kept ? "" : sim(doc.c) }),
      el("td", { className: "num", text: fmt(doc.n) }),
      el("td", { className: "num", text: fmt(doc.r || 0) }),
      actions]);
  }

  function storyBody(story) {
    var viewer = el("div", { className: "viewer", hidden: true });
    var rows = [];
    for (var k = story.o; k < story.o + story.m; k++) rows.push(copyRow(story, k, viewer));
    var more = story.n > story.m ? el("p", { className: "more",
      text: "… and " + fmt(story.n - story.m) + " more copies (not listed)." }) : null;
    return el("div", { className: "story-body" }, [
      el("table", { className: "copies" }, [
        el("thead", null, [el("tr", null, ["", "id", "source", "site", "date", "similarity",
          "containment", "chars", "removed", ""].map(function (h) {
            return el("th", { text: h }); }))]),
        el("tbody", null, rows)]),
      more, viewer]);
  }

  function storyNode(index) {
    var story = DATA.stories[index], kept = DATA.docs[story.o];
    var body = null;
    var head = el("button", { type: "button", className: "story-head",
      "aria-expanded": "false" }, [
      el("span", { className: "badge", text: story.n + (story.n === 1 ? " copy" : " copies") }),
      el("span", { className: "story-title", text: storyTitle(story) }),
      el("span", { className: "story-meta", text: kept.i + (site(kept) ? " · " + site(kept) : "")
        + (kept.d ? " · " + kept.d : "") + (story.lo !== undefined ? " · similarity ≥ " +
        sim(story.lo) : "") })]);
    var node = el("article", { className: "story", "data-story": index }, [head]);
    head.addEventListener("click", function () {
      if (!body) { body = storyBody(story); node.appendChild(body); body.hidden = true; }
      body.hidden = !body.hidden;
      head.setAttribute("aria-expanded", body.hidden ? "false" : "true");
    });
    return node;
  }

  function renderStories() {
    var list = document.getElementById("story-list");
    list.textContent = "";
    var start = state.page * PAGE, end = Math.min(state.matches.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(storyNode(state.matches[k]));
    list.appendChild(frag);
    if (!state.matches.length) {
      list.appendChild(el("p", { className: "empty", text: "No story matches." }));
    }
    var count = document.getElementById("story-count");
    count.setAttribute("data-count", state.matches.length);
    count.textContent = fmt(state.matches.length) + " of " + fmt(DATA.stories.length) +
      " listed stories" + (state.matches.length > PAGE ? " · showing " + (start + 1) + "–" + end
      : "");
    function go(page) { state.page = page; renderStories(); }
    pager(document.getElementById("pager-top"), state.page, state.matches.length, go);
    pager(document.getElementById("pager-bottom"), state.page, state.matches.length, go);
  }

  /* ---------- rejected ---------- */
  function renderRejected() {
    var body = document.getElementById("rejected-rows");
    if (!body) return;
    body.textContent = "";
    var viewer = document.getElementById("rejected-viewer");
    var base = DATA.docs.length;
    var start = state.rejectedPage * PAGE;
    var end = Math.min(DATA.rejected.length, start + PAGE);
    for (var k = start; k < end; k++) {
      (function (k) {
        var doc = DATA.rejected[k], number = base + k, actions = el("td");
        if (textOf(number)) {
          actions.appendChild(el("button", { type: "button", className: "btn-clean",
            onclick: function () { show(viewer, cleaningView(number, doc)); } },
            ["raw text"]));
        }
        body.appendChild(el("tr", null, [
          el("td", { className: "id", text: doc.i }), el("td", { className: "src",
            text: source(doc) }), el("td", { text: doc.x || "" }),
          el("td", { className: "num", text: fmt(doc.n) }), actions]));
      })(k);
    }
    pager(document.getElementById("rejected-pager"), state.rejectedPage, DATA.rejected.length,
      function (page) { state.rejectedPage = page; renderRejected(); });
  }

  /* ---------- start ---------- */
  function fillFilter() {
    var sites = document.getElementById("site-options");
    var files = document.getElementById("file-options");
    DATA.siteOptions.forEach(function (n) {
      sites.appendChild(el("option", { value: "s:" + n, text: DATA.sites[n] }));
    });
    DATA.fileOptions.forEach(function (n) {
      files.appendChild(el("option", { value: "f:" + n, text: DATA.files[n] }));
    });
    if (!DATA.siteOptions.length) sites.remove();
    if (!DATA.fileOptions.length) files.remove();
  }

  var timer = null;
  document.getElementById("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(applySearch, 120);
  });
  document.getElementById("filter").addEventListener("change", applySearch);
  fillFilter();
  renderStories();
  renderRejected();
  var done = performance.now();
  window.neardupReport = { parseMs: parsed - started, renderMs: done - parsed,
                           stories: DATA.stories.length };
  document.documentElement.setAttribute("data-ready", "1");
})();
