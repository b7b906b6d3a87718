/* Minga: Material's scripts load when the reader first searches (issue 11: a session page must
   load in 75 KB; the theme's script is 35 KB and its search 25-110 KB more). Everything else works
   without them: the drawer and the language menu are CSS, every page is readable with JavaScript off.
   When the search opens (its toggle, a focus in the search box, or the keys / s f), the bundle is
   added and told that the document is ready, as on a normal load.
   From file:// (the offline copies, minga/web/offline.py) a browser runs no worker: the search worker
   runs in a hidden frame instead; Material's worker expects this (it looks for IFrameWorker). */
(function () {
  var me = document.currentScript, root = document.documentElement, started = false;
  var scripts = JSON.parse(me.getAttribute("data-minga-scripts") || "[]");
  root.classList.remove("no-js");
  root.classList.add("js");
  function add(doc, src) {
    return new Promise(function (done, fail) {
      var s = doc.createElement("script");
      s.src = src;
      s.onload = done;
      s.onerror = fail;
      (doc.head || doc.documentElement).appendChild(s);
    });
  }
  function FrameWorker(url) {
    var frame = document.createElement("iframe"), listeners = [], queue = [], ready = false;
    frame.hidden = true;
    document.body.appendChild(frame);
    var win = frame.contentWindow, doc = frame.contentDocument;
    win.importScripts = function () {
      return [].slice.call(arguments).reduce(function (p, src) { return p.then(function () { return add(doc, src); }); }, Promise.resolve());
    };
    // Messages are copied into the receiving window's own objects, as a real worker's are.
    win.postMessage = function (data) { var copy = JSON.parse(JSON.stringify(data)); listeners.forEach(function (l) { l({ data: copy }); }); };
    function send(data) { win.dispatchEvent(new win.MessageEvent("message", { data: win.JSON.parse(JSON.stringify(data)) })); }
    add(doc, new URL(url, location.href).href).then(function () { ready = true; queue.splice(0).forEach(send); });
    this.postMessage = function (data) { if (ready) send(data); else queue.push(data); };
    this.addEventListener = function (type, fn) { if (type === "message") listeners.push(fn); };
    this.removeEventListener = function (type, fn) { listeners = listeners.filter(function (l) { return l !== fn; }); };
    this.terminate = function () { frame.remove(); };
  }
  if (location.protocol === "file:") {
    window.IFrameWorker = FrameWorker;
    window.Worker = FrameWorker;
  }
  function start() {
    if (started) return;
    started = true;
    scripts.reduce(function (p, src) { return p.then(function () { return add(document, src); }); }, Promise.resolve())
      .then(function () { document.dispatchEvent(new Event("DOMContentLoaded")); });
  }
  // The root 404 page (GitHub Pages serves it for every missing path) sends a reader under
  // /<lang>/ to the 404 page of that language.
  var base = me.getAttribute("data-minga-404-base"), langs = (me.getAttribute("data-minga-404-languages") || "").split(" ");
  if (base && location.pathname.indexOf(base) === 0) {
    var lang = location.pathname.slice(base.length).split("/")[0];
    if (lang && langs.indexOf(lang) >= 0) location.replace(base + lang + "/404.html");
  }
  var toggle = document.getElementById("__search");
  if (!toggle) return;
  toggle.addEventListener("change", start);
  document.addEventListener("focusin", function (e) {
    if (e.target.closest && e.target.closest(".md-search")) start();
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (started || e.ctrlKey || e.metaKey || e.altKey || ["/", "s", "f"].indexOf(e.key) < 0) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    if (!toggle.checked) toggle.click();
    var input = document.querySelector(".md-search__input");
    if (input) input.focus();
  });
})();
