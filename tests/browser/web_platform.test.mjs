// The app as a web platform citizen (issue: Web platform): offline after one visit, the update
// prompt after a new deployment, the single-file build from file://, export/import, the printable
// report's escaping, embedding (events, commands from listed origins only, wheel and keys left to
// the page), deep links with the Back button, and no requests to anywhere but the app's own origin.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "../../tools/serve.mjs";
import { REPO_ROOT, assert, assertEqual, decodePng, openApp, screenshot, waitForIdle, settle, rectOf as sharedRectOf } from "./helpers.mjs";

const BIG = { width: 1200, height: 1000 };
const SINGLE_FILE = process.env.CRB_SINGLE_FILE ||
  path.join(REPO_ROOT, "dist-single", "customer-relationship-building.html");

// [SECTION] Driving the app (see app.test.mjs; these also work inside an <iframe> via `frame`)

const rectOf = (target, id, timeout = 8000) => sharedRectOf(target, id, timeout);

// Clicks widget `id`; `frame` + `offset` for an app inside an <iframe> at `offset` in the page.
async function click(page, id, { frame = page, offset = { x: 0, y: 0 }, wait = true } = {}) {
  const [x, y, w, h] = await rectOf(frame, id);
  await page.mouse.click(offset.x + x + w / 2, offset.y + y + h / 2);
  if (wait) await settle(frame);
}

async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await settle(page);
}

async function state(target) {
  return target.evaluate(() => window.crbTest.state);
}

async function waitSaved(target) {
  await target.waitForFunction(() => window.crbTest && window.crbTest.state.dirty === false, null, { timeout: 5000 });
}

async function waitReady(target, timeout = 20000) {
  await target.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout });
}

// The current workbook as stored (parsed), and every crb: key of localStorage.
async function storedWorkbook(target) {
  return target.evaluate(() => {
    const index = JSON.parse(localStorage.getItem("crb:index"));
    return JSON.parse(localStorage.getItem("crb:wb:" + index.current));
  });
}

async function storageSnapshot(target) {
  return target.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return JSON.stringify(out, Object.keys(out).sort());
  });
}

function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

// [SECTION] Private copies of the site (a deployment the test can change or switch off)

// Downloads the served site (the files sw.js precaches, plus sw.js) into a temporary folder and
// serves that on its own port. `close()` stops the server and removes the folder.
async function privateSite(t) {
  const swText = await (await fetch(new URL("sw.js", t.baseUrl))).text();
  const build = JSON.parse(/^const BUILD = (.*);$/m.exec(swText)[1]);
  assert(build.files.includes("index.wasm") && build.files.includes("index.html"), "sw.js precaches the app");
  const dir = mkdtempSync(path.join(tmpdir(), "crb-site-"));
  for (const name of [...build.files, "sw.js"]) {
    const res = await fetch(new URL(name, t.baseUrl));
    assert(res.ok, `GET ${name}`);
    writeFileSync(path.join(dir, name), Buffer.from(await res.arrayBuffer()));
  }
  const server = await startServer({ root: dir, port: 0 });
  let open = true;
  return {
    dir, build, url: server.url,
    stop: async () => { if (open) { open = false; await server.close(); } },
    close: async () => { if (open) { open = false; await server.close(); } rmSync(dir, { recursive: true, force: true }); },
  };
}

async function newPage(t, options = {}) {
  const context = await t.browser.newContext({ viewport: BIG, locale: "en-US", ...options });
  t.contexts.push(context);
  const page = await context.newPage();
  t.pages.push(page);
  return { context, page, errors: collectErrors(page) };
}

async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
                             null, { timeout: 20000 });
}

// [SECTION] Offline and updates

export async function offline_reload_after_one_visit_renders_with_saved_answers(t) {
  const site = await privateSite(t);
  try {
    const { context, page, errors } = await newPage(t);
    await page.goto(site.url + "?test=1#/en/unit/2/nps");
    await waitReady(page);
    await typeInto(page, "unit2/nps/r1/score", "9");
    await typeInto(page, "unit2/nps/r2/score", "3");
    await waitSaved(page);
    await waitControlled(page);  // the worker has precached everything and took the page over
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys[0]);
      return { keys, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    assertEqual(cached.keys.length, 1, "one cache");
    assertEqual(cached.keys[0], "crb-" + site.build.version, "cache named after the build");
    for (const f of site.build.files) assert(cached.files.includes("/" + f), `${f} precached`);

    await site.stop();               // the server is gone ...
    await context.setOffline(true);  // ... and the network too
    await page.reload();
    await waitReady(page);
    await waitForIdle(page);
    const s = await state(page);
    assertEqual(s.hash, "#/en/unit/2/nps", "same place");
    assertEqual(s.answer.respondents[0].score, 9, "saved answer after an offline reload");
    assertEqual(s.answer.respondents[1].score, 3, "saved answer after an offline reload");
    assertEqual(await page.evaluate(() => navigator.onLine), false, "really offline");
    await screenshot(page, "web-offline-reload");
    // The home screen too (a returning visitor starts with both modules, from the cache), and a
    // step from there into an exercise.
    await page.goto(site.url + "?test=1#/en");
    await waitReady(page);
    await click(page, "home/unit2");
    await click(page, "nav/nps");
    assertEqual((await state(page)).answer.respondents[0].score, 9, "the exercise opened offline from home");
    assertEqual(errors.join("\n"), "", "console errors");
  } finally {
    await site.close();
  }
}

export async function update_prompt_after_new_deployment_reload_brings_new_version_with_answers(t) {
  const site = await privateSite(t);
  try {
    const { page, errors } = await newPage(t);
    await page.goto(site.url + "?test=1#/en/unit/2/nps");
    await waitReady(page);
    await typeInto(page, "unit2/nps/r1/score", "7");
    await waitSaved(page);
    await waitControlled(page);
    assert(!(await page.evaluate(() => window.crbUpdateReady)), "no update offered for the first install");

    // A new deployment: a changed page and therefore a new sw.js (new version = new cache name).
    const swPath = path.join(site.dir, "sw.js"), htmlPath = path.join(site.dir, "index.html");
    const next = site.build.version + "-next";
    writeFileSync(swPath, readFileSync(swPath, "utf8").replace(`"version": "${site.build.version}"`, `"version": "${next}"`));
    writeFileSync(htmlPath, readFileSync(htmlPath, "utf8").replace('<html lang="en">', '<html lang="en" data-build="next">'));

    await page.reload();  // still the old build, from the cache; the browser finds the new sw.js
    await waitReady(page);
    assertEqual(await page.evaluate(() => document.documentElement.dataset.build), undefined, "old build still running");
    await rectOf(page, "banner/update", 20000);
    await screenshot(page, "web-update-banner");

    const reloaded = page.waitForEvent("load", { timeout: 15000 });
    await click(page, "banner/update", { wait: false });
    await reloaded;
    await waitReady(page);
    assertEqual(await page.evaluate(() => document.documentElement.dataset.build), "next", "new version loaded");
    assertEqual(await page.evaluate(async () => (await caches.keys()).join(",")), "crb-" + next, "old cache deleted");
    await waitForIdle(page);
    const s = await state(page);
    assertEqual(s.hash, "#/en/unit/2/nps", "same place after the update");
    assertEqual(s.answer.respondents[0].score, 7, "answers intact after the update");
    assert(!(await page.evaluate(() => window.crbTest.rects["banner/update"])), "banner gone");
    assertEqual(errors.join("\n"), "", "console errors");
  } finally {
    await site.close();
  }
}

// [SECTION] Single file

export async function single_file_build_renders_from_file_url_and_keeps_answers(t) {
  assert(existsSync(SINGLE_FILE), `${SINGLE_FILE} exists (./dev build makes it)`);
  const { page, errors } = await newPage(t);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(SINGLE_FILE).href;
  await page.goto(url + "?test=1#/en/unit/1/satisfaction");
  await waitReady(page, 30000);
  await waitForIdle(page);
  await screenshot(page, "web-single-file");
  const text = "Zażółć gęślą jaźń, file://";
  await click(page, "unit1/satisfaction/e1/what_pleased");
  await page.keyboard.insertText(text);  // one input event, like an IME commit: quick on a slow machine
  await settle(page);
  await click(page, "unit1/satisfaction/e1/title");
  await waitSaved(page);
  await page.reload();
  await waitReady(page, 30000);
  await waitForIdle(page);
  const s = await state(page);
  assertEqual(s.hash, "#/en/unit/1/satisfaction", "same place after reload");
  assertEqual(s.answer.entries[0].answers.what_pleased, text, "answer kept in this browser");
  assert(await page.evaluate(() => !navigator.serviceWorker || !navigator.serviceWorker.controller), "no service worker");
  const foreign = requests.filter((u) => !u.startsWith(url.split("?")[0]) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assertEqual(foreign.join("\n"), "", "requests besides the file itself");
  assertEqual(errors.join("\n"), "", "console errors (a CSP violation would show here)");
}

// [SECTION] Export, import, print

export async function export_then_import_round_trips_equal_answers(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  for (const [i, score] of [[1, 10], [2, 6]]) await typeInto(page, `unit2/nps/r${i}/score`, String(score));
  await page.goto(new URL("/?test=1#/en/unit/1/satisfaction", t.baseUrl).href);
  await waitReady(page);
  await click(page, "unit1/satisfaction/e1/what_pleased");
  await page.keyboard.insertText("Szybka odpowiedź — \"cudzysłów\" & <b>");
  await settle(page);
  await click(page, "unit1/satisfaction/e1/title");
  await waitSaved(page);
  const original = await storedWorkbook(page);

  await click(page, "top/workbook");
  const [download] = await Promise.all([page.waitForEvent("download"), click(page, "wb/export")]);
  assert(/\.json$/.test(download.suggestedFilename()), `a .json file (${download.suggestedFilename()})`);
  const exported = readFileSync(await download.path(), "utf8");
  assertEqual(JSON.stringify(JSON.parse(exported).answers), JSON.stringify(original.answers), "exported answers");

  await click(page, "top/workbook");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click(page, "wb/import")]);
  await chooser.setFiles({ name: download.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(exported) });
  await click(page, "dlg/import/do");
  await waitSaved(page);
  const s = await state(page);
  assert(s.workbook !== original.id, "imported as a new workbook");
  const imported = await storedWorkbook(page);
  assertEqual(imported.id, s.workbook, "the imported workbook is current");
  assertEqual(JSON.stringify(imported.answers), JSON.stringify(original.answers), "answers round-trip exactly");
  const first = await page.evaluate((id) => JSON.parse(localStorage.getItem("crb:wb:" + id)), original.id);
  assertEqual(JSON.stringify(first.answers), JSON.stringify(original.answers), "the original workbook is untouched");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function malformed_import_changes_nothing(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  await typeInto(page, "unit2/nps/r1/score", "5");
  await waitSaved(page);
  const before = await storageSnapshot(page);
  const real = await storedWorkbook(page);  // a real workbook whose one answer has the wrong type
  const wrongType = JSON.stringify({ ...real, answers: { ...real.answers, "unit2/nps": "lots" } });
  const broken = [
    ["truncated.json", JSON.stringify(real).slice(0, 60)],
    ["not-a-workbook.json", '{"hello": "world"}'],
    ["wrong-type.json", wrongType],
  ];
  for (const [name, text] of broken) {
    await page.setInputFiles("#crb-file-input", { name, mimeType: "application/json", buffer: Buffer.from(text) });
    await rectOf(page, "dlg/import/ok");
    assert(!(await page.evaluate(() => "dlg/import/do" in window.crbTest.rects)), `${name}: nothing to import`);
    if (name === "truncated.json") await screenshot(page, "web-import-broken");
    await click(page, "dlg/import/ok");
    await page.waitForFunction(() => !("dlg/import/ok" in window.crbTest.rects), null, { timeout: 5000 });
    assertEqual(await storageSnapshot(page), before, `${name}: storage unchanged`);
  }
  assertEqual((await state(page)).answer.respondents[0].score, 5, "answers unchanged");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function report_of_script_text_shows_it_literally_and_runs_no_script(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en/unit/1/satisfaction", viewport: BIG });
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const evil = "<script>alert(1)</script>";
  await click(page, "unit1/satisfaction/e1/what_pleased");
  await page.keyboard.insertText(evil);
  await settle(page);
  await click(page, "unit1/satisfaction/e1/title");
  await waitSaved(page);
  assertEqual((await state(page)).answer.entries[0].answers.what_pleased, evil, "typed as text");

  await click(page, "top/workbook");
  await click(page, "wb/print");
  // The frame is sandboxed without scripts; the page reads it (allow-same-origin).
  await page.waitForFunction(() => {
    const f = document.getElementById("crb-print-frame");
    const d = f && f.contentDocument;
    return d && d.readyState === "complete" && d.body && d.body.textContent.length > 0;
  }, null, { timeout: 5000 });
  const report = await page.evaluate(() => {
    const d = document.getElementById("crb-print-frame").contentDocument;
    const h2 = d.querySelector("h2");
    return {
      text: d.body.textContent,
      scripts: d.querySelectorAll("script").length,
      h2Colour: h2 ? getComputedStyle(h2).color : "",
    };
  });
  assert(report.text.includes(evil), "the report shows the text literally");
  assertEqual(report.scripts, 0, "no <script> element in the report");
  assertEqual(report.h2Colour, "rgb(31, 78, 121)", "the report's stylesheet applies (its CSP hash is right)");
  assert((await page.evaluate(() => window.crbLastReport)).includes("&lt;script&gt;alert(1)&lt;/script&gt;"),
         "escaped in the HTML");
  await page.waitForTimeout(500);
  assertEqual(dialogs.join(","), "", "no alert");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function unit_book_opens_in_a_new_tab_and_the_app_stays(t) {
  const { page, context, errors } = await openApp(t, { path: "/?test=1#/en/unit/1", viewport: BIG });
  const [x, y, w, h] = await rectOf(page, "overview/read");  // the book button is right of it
  const popup = context.waitForEvent("page", { timeout: 10000 });
  await page.mouse.click(x + w + 60, y + h / 2);
  const book = await popup;
  await book.waitForLoadState();
  assert(book.url().startsWith("blob:"), `the book is a blob: document (${book.url()})`);
  assert((await book.title()).length > 0, "the book has a title");
  assertEqual(await book.evaluate(() => getComputedStyle(document.querySelector("h2")).color), "rgb(31, 78, 121)",
              "the book's stylesheet applies");
  assertEqual(await book.evaluate(() => window.opener), null, "no opener link back to the app");
  await page.waitForTimeout(300);
  assert(page.url().startsWith(t.baseUrl), `the app stays where it was (${page.url()})`);
  assertEqual((await state(page)).hash, "#/en/unit/1", "same place");
  assertEqual(errors.join("\n"), "", "console errors");
}

// [SECTION] Embedding: a host page on another origin

// A host page on its own origin (another port) with the app in an <iframe>; it records the
// messages it receives and the keydowns it sees.
async function hostPage(t, { appPath, height = 560, before = 0, after = 0 }) {
  const dir = mkdtempSync(path.join(tmpdir(), "crb-host-"));
  const appUrl = new URL(appPath, t.baseUrl).href;
  writeFileSync(path.join(dir, "index.html"), `<!doctype html>
<html><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif} iframe{display:block;width:100%;height:${height}px;border:0}
.pad{height:${before}px;background:#eef} .tail{height:${after}px;background:#efe}</style></head>
<body><div class="pad"><input id="host-input" aria-label="host field"></div>
<iframe id="app" src="${appUrl}" title="app"></iframe><div class="tail"></div>
<script>
  window.received = []; window.hostKeys = [];
  const frame = document.getElementById("app");
  window.addEventListener("message", (e) => {
    if (e.source === frame.contentWindow) window.received.push({ origin: e.origin, data: e.data });
  });
  window.addEventListener("keydown", (e) => window.hostKeys.push({ key: e.key, prevented: e.defaultPrevented }));
  window.sendToApp = (msg) => frame.contentWindow.postMessage(msg, new URL(frame.src).origin);
</script></body></html>`);
  const server = await startServer({ root: dir, port: 0 });
  return {
    url: server.url, appOrigin: new URL(t.baseUrl).origin, origin: new URL(server.url).origin,
    close: async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

async function openHost(t, host, { config } = {}) {
  // No service worker here: the test serves its own crb-config.js through a route.
  const { context, page, errors } = await newPage(t, { serviceWorkers: "block" });
  if (config) {
    await context.route("**/crb-config.js", (route) => route.fulfill({
      contentType: "text/javascript", body: `window["crbConfig"] = ${JSON.stringify(config)};`,
    }));
  }
  await page.goto(host.url);
  const frame = await (await page.waitForSelector("#app")).contentFrame();
  await waitReady(frame);
  const box = await (await page.$("#app")).boundingBox();
  return { page, frame, errors, offset: { x: box.x, y: box.y } };
}

// JSON with sorted keys: the documented shape, whatever the order of the fields.
function canonical(obj) {
  return JSON.stringify(obj, Object.keys(obj).sort());
}

async function received(page, type, timeout = 5000) {
  const h = await page.waitForFunction((ty) => window.received.find((m) => m.data && m.data.type === ty), type, { timeout })
    .catch(() => null);
  assert(h, `the host received ${type}`);
  return h.jsonValue();
}

export async function host_page_receives_events_and_unlisted_origins_are_ignored(t) {
  const host = await hostPage(t, { appPath: "/?test=1#/en" });
  try {
    // Default config: nobody may steer the app.
    let { page, frame, offset, errors } = await openHost(t, host);
    const ready = await received(page, "crb:ready");
    assertEqual(ready.origin, host.appOrigin, "sent from the app's origin");
    assertEqual(canonical(ready.data), '{"lang":"en","type":"crb:ready"}', "crb:ready shape");
    await click(page, "home/unit2", { frame, offset });
    const opened = await received(page, "crb:unit-opened");
    assertEqual(canonical(opened.data), '{"lang":"en","type":"crb:unit-opened","unit":2}', "crb:unit-opened shape");

    await page.evaluate(() => window.sendToApp({ type: "crb:set-language", lang: "pl" }));
    await page.evaluate(() => window.sendToApp({ type: "crb:open", hash: "#/en/unit/3" }));
    await page.mouse.move(offset.x + 300, offset.y + 300);  // draw a few frames after the messages
    await page.mouse.move(offset.x + 310, offset.y + 305);
    await settle(frame);
    let s = await state(frame);
    assertEqual(s.lang, "en", "crb:set-language from an unlisted origin is ignored");
    assert(s.hash.startsWith("#/en/unit/2"), `crb:open from an unlisted origin is ignored (${s.hash})`);
    assertEqual(errors.join("\n"), "", "console errors");

    // The host's origin listed in crb-config.js: both commands work.
    ({ page, frame, offset, errors } = await openHost(t, host, { config: { allowedOrigins: [host.origin] } }));
    await received(page, "crb:ready");
    await page.evaluate(() => window.sendToApp({ type: "crb:set-language", lang: "pl" }));
    await frame.waitForFunction(() => window.crbTest.state.lang === "pl", null, { timeout: 5000 });
    await page.evaluate(() => window.sendToApp({ type: "crb:open", hash: "#/pl/unit/2/nps" }));
    await frame.waitForFunction(() => window.crbTest.state.hash === "#/pl/unit/2/nps", null, { timeout: 5000 });
    const opened2 = await received(page, "crb:unit-opened");
    assertEqual(canonical(opened2.data), '{"lang":"pl","type":"crb:unit-opened","unit":2}', "unit-opened after crb:open");
    await screenshot(page, "web-host-page");
    assertEqual(errors.join("\n"), "", "console errors");
  } finally {
    await host.close();
  }
}

export async function embedded_app_leaves_keys_and_unusable_wheel_to_the_host_page(t) {
  const host = await hostPage(t, { appPath: "/?test=1#/en/unit/1/read", height: 400, before: 200, after: 2000 });
  try {
    const { page, frame, offset } = await openHost(t, host);
    // Keys typed in the host page while the app is not focused stay with the page.
    await page.click("#host-input");
    await page.keyboard.type("ab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Backspace");
    assertEqual(await page.inputValue("#host-input"), "a", "the host's field got the keys");
    const keys = await page.evaluate(() => window.hostKeys);
    assertEqual(keys.map((k) => k.key).join(","), "a,b,ArrowDown,Backspace", "keydowns seen by the host");
    assert(keys.every((k) => !k.prevented), "no keydown cancelled");

    // The wheel over the app: the app scrolls while it can, the page when the app cannot.
    await page.evaluate(() => window.scrollTo(0, 150));
    const iframeTop = offset.y - 150;
    const x = offset.x + 400, y = iframeTop + 200;
    await page.mouse.move(x, y);
    await page.mouse.move(x + 5, y + 5);
    await frame.waitForFunction(() => window.crbWheelRoom === 2, null, { timeout: 5000 });  // at the top, can go down
    await page.mouse.wheel(0, -100);  // the app cannot scroll up: the page does
    await page.waitForFunction(() => window.scrollY < 150, null, { timeout: 5000 });
    const pageY = await page.evaluate(() => window.scrollY);
    await page.mouse.move(x, y + 150 - pageY);
    await settle(frame);
    await page.mouse.wheel(0, 100);   // the app can scroll down: it does, the page stays
    await frame.waitForFunction(() => (window.crbWheelRoom & 1) === 1, null, { timeout: 5000 });
    await page.waitForTimeout(300);
    assertEqual(await page.evaluate(() => window.scrollY), pageY, "the page did not scroll while the app could");
  } finally {
    await host.close();
  }
}

export async function embed_page_documents_snippet_and_runs_live_example(t) {
  const { page, errors } = await newPage(t, { viewport: { width: 1100, height: 900 } });
  await page.goto(new URL("/embed.html", t.baseUrl).href);
  const frame = await (await page.waitForSelector("#demo-frame")).contentFrame();
  await waitReady(frame);
  await page.waitForFunction(() => document.getElementById("demo-log").textContent.includes("crb:ready"), null, { timeout: 5000 });
  const html = await page.content();
  for (const needle of ["crb:unit-opened", "crb:exercise-completed", "crb:quiz-scored", "crb:set-language", "crb:open",
                        "allowedOrigins", "frame-ancestors", "embed.js"]) {
    assert(html.includes(needle), `embed.html documents ${needle}`);
  }
  const height = await page.evaluate(() => document.getElementById("demo-frame").getBoundingClientRect().height);
  assert(height >= 480 && height <= 900, `embed.js sized the frame (${height}px)`);
  await page.evaluate(() => document.getElementById("example").scrollIntoView());
  await waitForIdle(frame);
  await screenshot(page, "web-embed-page");
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "web-embed-page-top");
  assertEqual(errors.join("\n"), "", "console errors (a CSP violation would show here)");
}

// [SECTION] Deep links, history, manifest, requests

export async function deep_link_opens_exercise_and_back_button_returns(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/pl/unit/2/nps", viewport: BIG });
  let s = await state(page);
  assertEqual(s.hash, "#/pl/unit/2/nps", "deep link");
  assertEqual(s.lang, "pl", "language from the deep link");
  await click(page, "nav/read");
  assertEqual((await state(page)).hash, "#/pl/unit/2/read", "navigated");
  await click(page, "nav/summary");
  assertEqual((await state(page)).hash, "#/pl/unit/2/summary", "navigated again");
  await page.goBack();
  await page.waitForFunction(() => window.crbTest.state.hash === "#/pl/unit/2/read", null, { timeout: 5000 });
  await page.goBack();
  await page.waitForFunction(() => window.crbTest.state.hash === "#/pl/unit/2/nps", null, { timeout: 5000 });
  await page.goForward();
  await page.waitForFunction(() => window.crbTest.state.hash === "#/pl/unit/2/read", null, { timeout: 5000 });
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function manifest_makes_the_app_installable(t) {
  const { page, errors } = await openApp(t, { path: "/" });
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  const manifest = await (await fetch(href)).json();
  assert(manifest.name && manifest.short_name && manifest.short_name.length <= 12, "name and a short short_name");
  assertEqual(manifest.start_url, ".", "start_url");
  assertEqual(manifest.display, "standalone", "display");
  assert(/^#[0-9a-f]{6}$/i.test(manifest.theme_color), "theme colour");
  const pngs = manifest.icons.filter((i) => i.type === "image/png");
  for (const [size, purpose] of [[192, "any"], [512, "any"], [512, "maskable"]]) {
    const icon = pngs.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
    assert(icon, `a ${size} px ${purpose} PNG icon`);
    const png = decodePng(Buffer.from(await (await fetch(new URL(icon.src, href))).arrayBuffer()));
    assertEqual(`${png.width}x${png.height}`, `${size}x${size}`, `${icon.src} size`);
    if (purpose === "maskable") assertEqual(png.pixels[3], 255, "maskable icon is opaque to the corners");
  }
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function app_requests_only_its_own_files_under_a_strict_policy(t) {
  const { page, errors } = await newPage(t);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(new URL("/?test=1#/en/unit/2/nps", t.baseUrl).href);
  await waitReady(page);
  await typeInto(page, "unit2/nps/r1/score", "9");
  await click(page, "nav/read");
  await click(page, "top/workbook");
  await click(page, "wb/print");
  await page.waitForSelector("#crb-print-frame", { state: "attached", timeout: 5000 });
  await page.waitForTimeout(500);
  const origin = new URL(t.baseUrl).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob|about):/.test(u));
  assertEqual(foreign.join("\n"), "", "requests to other origins");
  for (const p of ["/", "/embed.html"]) {
    const html = await (await fetch(new URL(p, t.baseUrl))).text();
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html) || [])[1] || "";
    assert(csp.includes("default-src 'self'"), `${p}: CSP default-src 'self' (${csp})`);
    const script = (/script-src ([^;]*)/.exec(csp) || [])[1] || "";
    assert(!/'unsafe-inline'|'unsafe-eval'|https?:|\*/.test(script), `${p}: script-src has no inline, eval or other origins`);
    assert(!/https?:\/\//.test(csp), `${p}: no third-party origins`);
  }
  const single = readFileSync(SINGLE_FILE, "utf8").slice(0, 4000);
  const singleCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(single)[1];
  assert(/script-src ('sha256-[^']+' )+'wasm-unsafe-eval'/.test(singleCsp), `single file: hashed scripts only (${singleCsp})`);
  assertEqual(errors.join("\n"), "", "console errors");
}

// A browser without WebGL 2 (or with hardware acceleration off and no fallback): the page says why
// the app cannot show, in both languages, instead of a spinner that never ends.
export async function without_webgl2_the_page_says_why_in_both_languages(t) {
  const context = await t.browser.newContext({ viewport: BIG, locale: "pl-PL" });
  t.contexts.push(context);
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === "webgl2" ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  t.pages.push(page);
  await page.goto(new URL("/", t.baseUrl).href);
  await page.waitForFunction(() => document.documentElement.dataset.error === "1", null, { timeout: 20000 });
  const shown = await page.evaluate(() => {
    const status = document.getElementById("status");
    const box = status.getBoundingClientRect();
    const toggle = document.getElementById("crb-view-toggle").getBoundingClientRect();
    return { text: status.textContent, visible: box.width > 0 && box.height > 0 && box.left > 0,
             toggle: toggle.width > 0 };
  });
  await screenshot(page, "no-webgl2");
  assert(shown.visible, "the message is on screen");
  assert(!shown.toggle, "no 'Accessible view' button for an app that did not start (its view would be empty)");
  assert(/WebGL 2 is not available/.test(shown.text) && /brak WebGL 2/.test(shown.text) &&
         /answers are safe/.test(shown.text) && /odpowiedzi są bezpieczne/.test(shown.text),
         `the message names the reason in English and Polish: ${shown.text}`);
}

// [SECTION] The app in two modules (tools/split_wasm.mjs)

// The first screen comes from index.wasm alone; the rest (index.deferred.<hash>.wasm) is requested
// only after the first frame, once, and every screen works with it.
export async function first_frame_needs_only_the_first_module_and_the_rest_follows(t) {
  const { page, errors } = await newPage(t, { serviceWorkers: "block" });
  await page.addInitScript(() => {
    let n = 0;
    Object.defineProperty(window, "crbFramesDrawn", {
      configurable: true,
      get: () => n,
      set: (v) => { if (n === 0 && v >= 1) window.crbFirstFrameAt = performance.now(); n = v; },
    });
  });
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(new URL("/?test=1", t.baseUrl).href);
  await waitReady(page);
  const swText = await (await fetch(new URL("sw.js", t.baseUrl))).text();
  const deferred = JSON.parse(/^const BUILD = (.*);$/m.exec(swText)[1]).files.find((f) => /^index\.deferred\.[0-9a-f]{12}\.wasm$/.test(f));
  assert(deferred, "the build has a deferred module, precached by sw.js");
  await page.waitForFunction((name) => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/" + name) && e.responseEnd > 0),
                             deferred, { timeout: 10000 });
  const timing = await page.evaluate((name) => ({
    firstFrame: window.crbFirstFrameAt,
    starts: performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/" + name)).map((e) => e.startTime),
  }), deferred);
  assertEqual(timing.starts.length, 1, "the deferred module is requested once");
  // index.wasm is preloaded by the page (its download starts with the scripts', not after index.js
  // has run) and that one request is the one the app instantiates.
  const early = await page.evaluate(() => {
    const entry = (file) => performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === "/" + file);
    return { wasmStart: entry("index.wasm").startTime, jsEnd: entry("index.js").responseEnd };
  });
  assert(early.wasmStart < early.jsEnd, `index.wasm requested before index.js arrived (${early.wasmStart} < ${early.jsEnd} ms)`);
  assertEqual(requests.filter((p) => p === "/index.wasm").length, 1, "index.wasm requested once");
  assert(timing.starts[0] > timing.firstFrame, `requested after the first frame (${timing.starts[0]} > ${timing.firstFrame} ms)`);
  await page.waitForTimeout(500);  // compiled in the background
  await click(page, "home/unit3");
  await click(page, "nav/roi");
  await typeInto(page, "unit3/roi/cost", "1000");
  await waitSaved(page);
  assertEqual((await state(page)).hash, "#/en/unit/3/roi", "an exercise of the deferred module works");
  assertEqual(requests.filter((p) => p === "/" + deferred).length, 1, "no second request (no synchronous load)");
  assertEqual(errors.join("\n"), "", "console errors");

  // A link into a unit fetches both modules from the start and opens its screen without a
  // synchronous request.
  const deep = await newPage(t, { serviceWorkers: "block" });
  const deepRequests = [];
  deep.page.on("request", (r) => deepRequests.push({ path: new URL(r.url()).pathname, sync: r.resourceType() === "xhr" }));
  await deep.page.goto(new URL("/?test=1#/pl/unit/3/roi", t.baseUrl).href);
  await waitReady(deep.page);
  await rectOf(deep.page, "unit3/roi/cost");
  const fetched = deepRequests.filter((r) => r.path === "/" + deferred);
  assertEqual(fetched.length, 1, "the deferred module requested once");
  assertEqual(fetched[0].sync, false, "by fetch, not by a synchronous request");
  assertEqual(deep.errors.join("\n"), "", "console errors (deep link)");
}

// A deployment whose second module cannot be loaded (a half-uploaded site, the network gone): a
// returning visitor's start, or a first visitor's first step past the home screen, stops with a
// message in both languages, and the answers saved before stay in the browser as they were.
export async function a_missing_second_module_stops_with_a_message_and_keeps_answers(t) {
  const site = await privateSite(t);
  try {
    const { context, page } = await newPage(t, { serviceWorkers: "block" });
    await page.goto(site.url + "?test=1#/en/unit/2/nps");
    await waitReady(page);
    await typeInto(page, "unit2/nps/r1/score", "7");
    await waitSaved(page);
    const saved = await storageSnapshot(page);
    const deferred = site.build.files.find((f) => f.startsWith("index.deferred."));
    rmSync(path.join(site.dir, deferred));

    const expectMessage = async (p, name) => {
      const consoleErrors = [];
      p.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
      return async () => {
        await p.waitForFunction(() => document.documentElement.dataset.error === "1", null, { timeout: 15000 });
        const shown = await p.evaluate(() => ({
          text: document.getElementById("status").textContent,
          visible: getComputedStyle(document.getElementById("loading")).display !== "none",
          toggle: [...document.querySelectorAll(".crb-view-toggle")].some((e) => getComputedStyle(e).display !== "none"),
        }));
        assert(shown.visible, `${name}: the message is on screen`);
        assert(!shown.toggle, `${name}: no "Accessible view" button (that view needs the missing code too)`);
        assert(/Part of the app could not be loaded/.test(shown.text) && /Nie udało się wczytać części aplikacji/.test(shown.text),
               `${name}: message in both languages: ${shown.text}`);
        assert(consoleErrors.some((e) => e.includes(deferred)), `${name}: the console names the missing file`);
        await screenshot(p, `web-missing-second-module-${name}`);
        const before = await p.evaluate(() => performance.getEntriesByType("resource").length);
        await p.mouse.move(300, 300);
        await p.mouse.click(600, 400);
        await p.waitForTimeout(500);
        assertEqual(await p.evaluate(() => performance.getEntriesByType("resource").length), before,
                    `${name}: no retry loop of requests`);
      };
    };

    // The returning visitor (same storage): the start itself needs the missing part.
    const again = await context.newPage();
    t.pages.push(again);
    const checkAgain = await expectMessage(again, "returning");
    await again.goto(site.url + "?test=1#/en");
    await checkAgain();
    assertEqual(JSON.stringify(await storageSnapshot(again)), JSON.stringify(saved), "answers kept");

    // A first visit: the home screen works; the first exercise opened stops with the message.
    const fresh = await newPage(t, { serviceWorkers: "block" });
    const checkFresh = await expectMessage(fresh.page, "first-visit");
    await fresh.page.goto(site.url + "?test=1#/en");
    await waitReady(fresh.page);
    await fresh.page.evaluate(() => { location.hash = "#/en/unit/2/nps"; });
    await checkFresh();
  } finally {
    await site.close();
  }
}
