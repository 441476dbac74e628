// Page glue loaded before index.js: the Emscripten Module settings and error reporting.
// No inline script anywhere (the page's Content-Security-Policy forbids it).
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
