// Page glue loaded before index.js: the Emscripten Module settings and error reporting, and the
// service worker (offline use, update prompt). No inline script anywhere (the page's
// Content-Security-Policy forbids it).
"use strict";
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
    "printErr": function (text) { console.warn(text); },
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
  function wake() {
    var m = window["Module"];
    try { if (m && typeof m["_crb_platform_wake"] === "function") m["_crb_platform_wake"](); } catch (e) { /* not started */ }
  }
  function offer(worker) {
    waiting = worker;
    window["crbUpdateReady"] = true;
    wake();
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
