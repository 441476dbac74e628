// Page glue loaded before index.js: the Emscripten Module settings and error reporting, and the
// service worker (offline use, update prompt). No inline script anywhere (the page's
// Content-Security-Policy forbids it).
"use strict";

// Asks the app to draw again (its main loop pauses when idle); nothing before the app has started.
function crbWakeApp() {
  var m = window["Module"];
  try { if (m && typeof m["_crb_platform_wake"] === "function") m["_crb_platform_wake"](); } catch (e) { /* not started */ }
}

(function () {
  var status = document.getElementById("status");
  function fail(text) {
    if (document.documentElement.dataset.ready) return;
    document.documentElement.dataset.error = "1";
    if (status) status.textContent = text;
  }
  var noWasm = typeof WebAssembly !== "object";
  window["Module"] = {
    "canvas": document.getElementById("canvas"),
    "print": function (text) { console.log(text); },
    "printErr": function (text) {
      // Emscripten's notes around loading the deferred module (below) are not warnings.
      if (/^(placeholder function called|instantiated deferred module)/.test(text)) return;
      console.warn(text);
    },
    "onAbort": function () {
      fail("The app stopped with an error. Please reload. / Aplikacja przerwała działanie z błędem. Odśwież stronę.");
    }
  };
  if (noWasm) {
    fail("This browser does not support WebAssembly. / Ta przeglądarka nie obsługuje WebAssembly.");
  }
  window.addEventListener("error", function () {
    fail("The app could not start. Please reload. / Nie udało się uruchomić aplikacji. Odśwież stronę.");
  });

  // The app comes in two modules (tools/split_wasm.mjs): index.wasm has what a first visit's first
  // screen runs; the rest is DEFERRED, fetched and compiled in the background once the first frame
  // is drawn (window.crbLoadDeferred, called by the app; meanwhile the app holds input back, see
  // crbDeferredPending). Until it is in, Emscripten's placeholder functions stand in for the
  // functions it holds, and the first call of one comes to loadSplitModule, synchronously: it
  // instantiates the compiled module, or reads the file with a synchronous request if the app got
  // there first. The single-file build embeds the whole module and needs neither.
  var DEFERRED = "CRB_DEFERRED_WASM";  // index.deferred.<hash>.wasm, filled in by assemble_site.py
  var singleFile = !!document.getElementById("crb-wasm");  // tools/single_file.py's wasm block
  var compiled = null;
  var loading = null;  // the promise of the background load, while it runs
  var loadingSince = 0;
  var broken = null;   // the error that stopped the app: every later call gets it without a request

  // The app holds input back while this is true (web_main_loop.cpp), 10 s at most.
  window["crbDeferredPending"] = function () {
    return loading !== null && !compiled && performance.now() - loadingSince < 10000;
  };
  function loadDeferred() {
    if (compiled || singleFile) return Promise.resolve();
    if (loading) return loading;
    loadingSince = performance.now();
    setTimeout(function () { if (loading) crbWakeApp(); }, 10000);  // held input goes on even if the load hangs
    loading = fetch(DEFERRED).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      return WebAssembly.compile(bytes);
    }).then(function (module) {
      compiled = module;
      loading = null;
      crbWakeApp();
    }, function (err) {
      loading = null;  // the synchronous path tries again when the app needs it
      console.warn("the rest of the app is not loaded yet (" + err + "); it is loaded when needed");
      crbWakeApp();
    });
    return loading;
  }
  window["crbLoadDeferred"] = loadDeferred;

  // A link into a unit (#/pl/unit/2/nps) opens a screen the first module does not have, and a
  // returning visitor's stored answers, settings or damaged data take other paths at start: then
  // the second module is fetched alongside the first (from the service worker's cache after the
  // first visit) and the app starts when both are in. A synchronous load is left for a first visit
  // that runs something unexpected while online; offline it would fail (a service worker does not
  // answer synchronous requests).
  function returningVisitor() {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (/^crb:/.test(localStorage.key(i) || "")) return true;
      }
      return false;
    } catch (e) {
      return true;  // storage blocked: the app starts with its warning, a path not profiled
    }
  }
  if (!noWasm && !singleFile && (/^#\/[a-z]{2}\/unit\//.test(location.hash) || returningVisitor())) {
    var early = loadDeferred();
    window["Module"]["preRun"] = [function () {
      var m = window["Module"];
      m["addRunDependency"]("crb-deferred");
      early.then(function () { m["removeRunDependency"]("crb-deferred"); });
    }];
  }

  function readSync(url) {
    var request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.overrideMimeType("text/plain; charset=x-user-defined");  // bytes, one per char
    request.send();
    if (request.status !== 200) throw new Error("HTTP " + request.status);
    var text = request.responseText;
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 255;
    return bytes;
  }
  window["Module"]["loadSplitModule"] = function (file, imports) {
    if (broken) throw broken;
    var module = compiled;
    try {
      if (!module) module = new WebAssembly.Module(readSync(DEFERRED));
      compiled = module;
      return [new WebAssembly.Instance(module, imports), module];
    } catch (err) {
      // Offline before this part was ever cached, or the site changed under an open tab. What was
      // typed so far is saved (every edit is); the app cannot go on without this code.
      broken = err;
      console.error("could not load " + DEFERRED + ": " + err);
      document.documentElement.dataset.error = "1";
      document.documentElement.dataset.noModule = "1";
      if (status) {
        status.textContent = "Part of the app could not be loaded (are you offline?). Your saved answers are safe: " +
          "reload the page when you are online. / Nie udało się wczytać części aplikacji (brak internetu?). " +
          "Zapisane odpowiedzi są bezpieczne: odśwież stronę, gdy będziesz online.";
      }
      throw err;
    }
  };
})();

// Offline use and updates. sw.js precaches this build; a later build installs a new worker that
// waits. While it waits the app shows "A new version is available — Reload" (it polls
// window.crbUpdateReady each frame; the wake call makes a paused loop draw it). The app's Reload
// button saves, then calls window.crbReload(): the waiting worker takes over and the page reloads
// into the new build. No worker for file:// (the single-file build) or when crb-config.js says so.
(function () {
  var config = window["crbConfig"] || {};
  var sw = navigator.serviceWorker;
  if (!sw || config["serviceWorker"] === false || !/^https?:$/.test(location.protocol)) return;

  var waiting = null;
  var reloading = false;
  function offer(worker) {
    waiting = worker;
    window["crbUpdateReady"] = true;
    crbWakeApp();
  }
  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }
  window["crbReload"] = function () {
    if (!waiting) { reload(); return; }
    sw.addEventListener("controllerchange", reload);
    waiting.postMessage({ "type": "crb:skip-waiting" });
    setTimeout(reload, 4000);  // a worker that never activates must not leave the button dead
  };

  window.addEventListener("load", function () {
    sw.register("sw.js").then(function (reg) {
      if (!reg) return;
      // A worker that was already waiting (a tab left open over a deployment) counts too. Without
      // a controller the page was not served by the old build, so there is nothing to replace.
      function watch(worker) {
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && sw.controller) offer(worker);
        });
      }
      if (reg.waiting && sw.controller) offer(reg.waiting);
      else watch(reg.installing);  // an update that started before this page listened
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
      // Long-lived tabs look for a new build when they come back to the foreground.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") reg.update().catch(function () {});
      });
    }).catch(function (err) { console.warn("service worker not registered: " + err); });
  });
})();
