// Service worker: the app works offline after one online visit.
//
// tools/assemble_site.py rewrites the BUILD line below with the build's version (a hash of every
// file of the site) and the list of files to precache. A new build therefore means a new sw.js, a
// new cache name and a new worker; the new worker waits until the page asks it to take over (the
// "A new version is available — Reload" banner, see shell.js), so one page never mixes two builds.
// Old caches are deleted when the new worker activates. Answers live in localStorage, not here,
// so an update never touches them.
"use strict";

const BUILD = {"version": "dev", "files": []};
const CACHE = "crb-" + BUILD.version;
const PREFIX = "crb-";

function fileUrl(name) {
  return new URL(name, self.registration.scope).href;
}

self.addEventListener("install", (event) => {
  // cache: "reload" skips the HTTP cache, so the precache holds exactly this build's files.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(BUILD.files.map((name) => new Request(fileUrl(name), { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page's Reload button (shell.js): the waiting worker takes over, then the page reloads.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "crb:skip-waiting") self.skipWaiting();
});

// Cache first for this site's own files (query strings such as ?lang=pl or ?embed=1 select the
// same file); a folder means its index.html. Anything else goes to the network untouched.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  const key = url.pathname.endsWith("/") ? url.origin + url.pathname + "index.html" : url.origin + url.pathname;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key))
    .then((hit) => hit || fetch(request)));
});
