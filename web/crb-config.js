// Site configuration, loaded before the app. Edit this file on the server; no rebuild is needed.
//
// allowedOrigins: web pages (scheme://host[:port], exactly as in the browser's address bar) that may
//   steer the app when they embed it in an <iframe>, with postMessage:
//     {"type": "crb:set-language", "lang": "pl"}        switch the language ("en" or "pl")
//     {"type": "crb:open", "hash": "#/pl/unit/2/nps"}   open a unit, page or exercise
//   Messages from any other origin are ignored. Default: none (nobody may steer the app).
//   Example: allowedOrigins: ["https://www.example.edu"]
// serviceWorker: false turns off offline use (no service worker is registered).
"use strict";
window["crbConfig"] = {
  "allowedOrigins": [],
  "serviceWorker": true
};
