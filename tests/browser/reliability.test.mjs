// Reliability and security (issue 7): no answer is ever lost, no input can break or take over the app.
// Storage faults run against the real localStorage of headless Chromium: corrupt entries, a full
// quota, two tabs on one workbook, an older schema, storage blocked altogether. Hostile input comes
// through the real file input. The page itself may talk to its own origin only.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { REPO_ROOT, assert, colourStats, framesCaughtUp, assertEqual, decodePng, framesDrawn, pixelDifference, screenshot, waitForIdle, settle, rectOf, waitForStoredAnswer } from "./helpers.mjs";

const BIG = { width: 1200, height: 1000 };

// [SECTION] helpers ------------------------------------------------------------------------------

// A fresh context (fresh storage) with `init` scripts run before the app in every page; returns
// the first page, opened at `urlPath` and ready.
async function openWith(t, urlPath, { init = [], viewport = BIG } = {}) {
  const context = await t.browser.newContext({ viewport, locale: "en-US", acceptDownloads: true });
  t.contexts.push(context);
  for (const script of init) await context.addInitScript(script);
  const { page, errors } = await newTab(t, context, urlPath);
  return { context, page, errors };
}

async function newTab(t, context, urlPath) {
  const page = await context.newPage();
  t.pages.push(page);
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(new URL(urlPath, t.baseUrl).href);
  await ready(page);
  return { page, errors };
}

async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1" && window.crbTest, null,
                             { timeout: 20000 });
}

// Loads `urlPath` as a new document (going to the same URL with another hash would not reload).
async function openAgain(page, t, urlPath) {
  await page.goto("about:blank");
  await page.goto(new URL(urlPath, t.baseUrl).href);
  await ready(page);
  await waitForIdle(page);
}

async function reload(page) {
  await page.reload();
  await ready(page);
  await waitForIdle(page);
}

async function state(page) {
  return page.evaluate(() => window.crbTest.state);
}

async function click(page, id) {
  await framesCaughtUp(page);
  const [x, y, w, h] = await rectOf(page, id);
  await page.mouse.click(x + w / 2, y + h / 2);
  await settle(page);
}

async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await settle(page);
}

async function waitFor(page, fn, arg, what, timeout = 6000) {
  const ok = await page.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
  if (!ok) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(await state(page).catch(() => null))}`);
}

async function waitSaved(page) {
  await waitFor(page, () => window.crbTest && window.crbTest.state.dirty === false, null, "saved");
}

async function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("crb:")) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

// Writes crb:wb:<id> for each [id, text] pair and an index listing them (current = the first).
async function seed(page, entries) {
  await page.evaluate((list) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("crb:")) localStorage.removeItem(k);
    for (const [id, text] of list) localStorage.setItem("crb:wb:" + id, text);
    localStorage.setItem("crb:index", JSON.stringify({ ids: list.map((e) => e[0]), current: list[0][0] }));
  }, entries);
}

function workbookText(id, answers, extra = {}) {
  return JSON.stringify({ schema: 2, id, name: `Workbook ${id}`, created: "2024-05-01T10:00:00Z",
                          updated: "2024-05-01T10:00:00Z", content_version: "x", rev: 1, answers, ...extra });
}

// Fills localStorage with filler keys (not "crb:") until not even one more character fits.
async function fillStorage(page) {
  return page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = "x".repeat(size);
      for (;;) {
        try { localStorage.setItem(`fill:${i}`, chunk); i++; } catch (e) { break; }
      }
    }
    return i;
  });
}

async function freeStorage(page) {
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("fill:")) localStorage.removeItem(k); });
}

async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), click(page, id)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(file, "utf8") };
}

function npsScores(answer) {
  return answer && answer.respondents ? answer.respondents.map((r) => r.score) : [];
}

// [SECTION] storage faults -----------------------------------------------------------------------

export async function corrupt_entries_are_backed_up_reported_and_downloadable_while_others_load(t) {
  const { page, errors } = await openWith(t, "/?test=1");
  const good = workbookText("wb-good0001", { "unit2/nps": { respondents: [{ name: "Ann", score: 9 }] } });
  const broken = {
    "wb-trunc001": good.slice(0, 60),
    "wb-types001": JSON.stringify({ schema: 2, id: "wb-types001", name: ["not", "a", "name"], rev: "7", answers: [] }),
    "wb-future01": JSON.stringify({ schema: 9, id: "wb-future01", name: "From a newer version", rev: 4, answers: {}, tags: [] }),
  };
  await seed(page, [["wb-good0001", good], ...Object.entries(broken)]);
  await openAgain(page, t, "/?test=1#/en/unit/2/nps");

  const s = await state(page);
  assertEqual(s.workbook, "wb-good0001", "the readable workbook is open");
  assertEqual(npsScores(s.answer).join(), "9", "its answers are there");
  assertEqual(s.warnings.length, 3, `one warning per unreadable workbook (${JSON.stringify(s.warnings)})`);
  for (const id of Object.keys(broken)) assert(s.warnings.some((w) => w.includes(id)), `a warning names ${id}`);
  assert(s.warnings.some((w) => /newer version/.test(w)), "the future schema is explained as such");
  const stored = await storage(page);
  for (const [id, text] of Object.entries(broken)) {
    assertEqual(stored[`crb:backup:${id}:1`], text, `${id} kept byte for byte under its backup key`);
    assertEqual(stored[`crb:wb:${id}`], undefined, `${id} no longer in the way`);
  }
  assertEqual(JSON.parse(stored["crb:index"]).ids.join(), "wb-good0001", "the list holds what can be opened");
  await screenshot(page, "reliability-corrupt-banner");

  // Each backup row has a download button "banner/backup/<n>"; all three are n = 1 here, so the id
  // names the row that was clicked: the last one drawn (backups are listed by id).
  const dl = await download(page, "banner/backup/1");
  const id = dl.name.replace(/-backup-1\.json$/, "");
  assert(id in broken, `download named after a backup (${dl.name})`);
  assertEqual(dl.text, broken[id], "the download is the unreadable text, unchanged");

  await reload(page);
  assertEqual((await state(page)).warnings.length, 0, "reported once: nothing new to report after a reload");
  assertEqual(Object.keys(await storage(page)).filter((k) => k.startsWith("crb:backup:")).length, 3, "backups stay");
  assertEqual(errors.join("\n"), "", "console errors");
}

const LONG_NAME = "Grzegorz Brzęczyszczykiewicz z Chrząszczyżewoszyc, powiat Łękołody";

// With storage full: one edit longer than what it replaces (respondent 2's name, in one input event),
// so its save fails; returns once the save error is shown.
async function nameThatDoesNotFit(page) {
  await click(page, "unit2/nps/r2/name");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(LONG_NAME);
  await page.keyboard.press("Tab");
  await settle(page);
  await waitFor(page, () => window.crbTest.state.saveError !== "", null, "a visible save error");
}

export async function quota_exceeded_shows_an_error_keeps_edits_and_saves_once_space_is_freed(t) {
  const { page, errors } = await openWith(t, "/?test=1#/en/unit/2/nps");
  await typeInto(page, "unit2/nps/r1/score", "9");
  await waitSaved(page);
  const id = (await state(page)).workbook;
  const before = (await storage(page))[`crb:wb:${id}`];

  const fillers = await fillStorage(page);
  assert(fillers > 0, "storage filled");
  await nameThatDoesNotFit(page);
  const s = await state(page);
  assert(s.dirty, "the change is still unsaved");
  assertEqual(s.answer.respondents[1].name, LONG_NAME, "the change is kept in memory");
  assertEqual((await storage(page))[`crb:wb:${id}`], before, "the stored workbook is the previous one, whole");
  await rectOf(page, "banner/save_error/export");
  await screenshot(page, "reliability-quota-error");

  // Waiting for the retry costs no frames (a timer wakes the app every few seconds, not a redraw
  // loop); the retry needs no input.
  await page.mouse.click(1000, 150);  // a blank spot: no text field focused, so no caret to blink
  await waitForIdle(page, { quietMs: 300 });
  const f0 = await page.evaluate(() => window.crbFramesDrawn);
  await page.waitForTimeout(2000);
  const idleFrames = (await page.evaluate(() => window.crbFramesDrawn)) - f0;
  assert(idleFrames <= 10, `at most a few frames in 2 s while the save waits for its retry (${idleFrames})`);
  await freeStorage(page);
  await waitFor(page, () => window.crbTest.state.dirty === false && window.crbTest.state.saveError === "", null,
                "the retry to succeed", 8000);
  const saved = JSON.parse((await storage(page))[`crb:wb:${id}`]);
  assertEqual(saved.answers["unit2/nps"].respondents[1].name, LONG_NAME, "the retry stored the change");
  assertEqual(saved.answers["unit2/nps"].respondents[0].score, 9, "and kept the earlier one");
  assertEqual(errors.join("\n"), "", "console errors");
}

// Storage already full when the page loads (another app on the origin filled it): the saved workbook
// still opens from it, edits are kept in memory with a visible error, and saved once space is freed.
export async function storage_full_at_load_still_opens_the_saved_workbook(t) {
  const { page, errors } = await openWith(t, "/?test=1#/en/unit/2/nps");
  await typeInto(page, "unit2/nps/r1/score", "9");
  await waitSaved(page);
  const id = (await state(page)).workbook;
  assert((await fillStorage(page)) > 0, "storage filled");
  await reload(page);
  let s = await state(page);
  assertEqual(s.workbook, id, "the same workbook opens");
  assertEqual(npsScores(s.answer)[0], 9, "with its saved answer");
  assert(!(await page.evaluate(() => Boolean(window.crbTest.rects["banner/unavailable"]))),
         "full storage is not reported as missing storage");
  await typeInto(page, "unit2/nps/r2/score", "4");
  await nameThatDoesNotFit(page);
  s = await state(page);
  assertEqual(npsScores(s.answer)[1], 4, "the edits are kept in memory");
  assertEqual(s.answer.respondents[1].name, LONG_NAME, "the long name too");
  await freeStorage(page);
  await waitFor(page, () => window.crbTest.state.dirty === false && window.crbTest.state.saveError === "", null,
                "the retry to succeed", 8000);
  const saved = JSON.parse((await storage(page))[`crb:wb:${id}`]);
  assertEqual(npsScores(saved.answers["unit2/nps"]).slice(0, 2).join(), "9,4", "both scores stored");
  assertEqual(saved.answers["unit2/nps"].respondents[1].name, LONG_NAME, "and the name");
  assertEqual(errors.join("\n"), "", "console errors");
}

// Unsaved edits (storage full) and then "New workbook": the open workbook must not be replaced in
// memory, or the edits would be gone; it stays open, says why, and saves once there is space.
export async function unsaved_edits_block_leaving_the_workbook_until_they_are_saved(t) {
  const { page, errors } = await openWith(t, "/?test=1#/en/unit/2/nps");
  await typeInto(page, "unit2/nps/r1/score", "9");
  await waitSaved(page);
  const id = (await state(page)).workbook;
  await fillStorage(page);
  await nameThatDoesNotFit(page);
  await click(page, "top/workbook");
  await click(page, "wb/new");
  let s = await state(page);
  assertEqual(s.workbook, id, "the workbook with unsaved edits stays open");
  assertEqual(s.answer.respondents[1].name, LONG_NAME, "with its edits");
  assert(/not saved yet/.test(s.notice), `the learner is told why (${s.notice})`);
  await screenshot(page, "reliability-leave-blocked");
  await freeStorage(page);
  await waitFor(page, () => window.crbTest.state.dirty === false, null, "the retry to succeed", 8000);
  const saved = JSON.parse((await storage(page))[`crb:wb:${id}`]);
  assertEqual(saved.answers["unit2/nps"].respondents[1].name, LONG_NAME, "the edit reached storage");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function a_workbook_that_does_not_fit_is_not_half_written_and_the_index_never_dangles(t) {
  const { page } = await openWith(t, "/?test=1");
  await waitForIdle(page);
  const first = (await state(page)).workbook;
  await fillStorage(page);
  await click(page, "top/workbook");
  await click(page, "wb/new");
  const s = await state(page);
  assert(s.saveError !== "", "creating a workbook in full storage is reported");
  assertEqual(s.workbook, first, "the open workbook stays open");
  const stored = await storage(page);
  const index = JSON.parse(stored["crb:index"]);
  for (const id of index.ids) assert(stored[`crb:wb:${id}`] !== undefined, `listed ${id} is stored`);
  const wbs = Object.keys(stored).filter((k) => k.startsWith("crb:wb:")).map((k) => k.slice(7));
  assertEqual(wbs.join(), first, "no new entry was left behind");
  await freeStorage(page);
}

export async function two_tabs_a_workbook_created_in_one_is_listed_in_the_other(t) {
  const { context, page: a } = await openWith(t, "/?test=1#/en/unit/2/nps");
  const { page: b } = await newTab(t, context, "/?test=1#/en/unit/2/nps");
  const open = (await state(b)).workbook;
  await click(a, "top/workbook");
  await click(a, "wb/new");
  const created = (await state(a)).workbook;
  assert(created !== open, "tab A opened its new workbook");
  assertEqual((await state(a)).workbookName, "My workbook 2", "a name that tells it apart");
  await waitForIdle(b, { quietMs: 300 });
  await click(b, "top/workbook");
  await rectOf(b, "wb/switch/2");  // the menu of tab B lists both, without a reload
  await screenshot(b, "reliability-two-tabs-list");
  assertEqual((await state(b)).workbook, open, "tab B keeps its workbook open");
  await click(b, "wb/switch/2");
  assertEqual((await state(b)).workbook, created, "and can switch to the one made in tab A");
}

// Tab B deletes the workbook tab A has open: A says so, keeps every answer, and its next change
// stores the workbook again and lists it, so it is neither lost nor "repaired" at the next start.
export async function two_tabs_the_workbook_open_in_one_deleted_in_the_other_is_kept_and_said(t) {
  const { context, page: a } = await openWith(t, "/?test=1#/en/unit/2/nps");
  await typeInto(a, "unit2/nps/r1/score", "9");
  await waitSaved(a);
  const id = (await state(a)).workbook;
  const { page: b } = await newTab(t, context, "/?test=1#/en/unit/2/nps");
  await click(b, "top/workbook");
  await click(b, "wb/delete");
  await click(b, "dlg/delete/yes");
  await waitFor(b, (gone) => window.crbTest.state.workbook !== gone, id, "tab B to leave the deleted workbook");
  assertEqual((await storage(a))[`crb:wb:${id}`], undefined, "deleted from storage");
  await waitFor(a, () => /deleted in another tab/.test(window.crbTest.state.notice), null, "tab A to say it was deleted");
  await screenshot(a, "reliability-deleted-in-other-tab");
  assertEqual((await state(a)).workbook, id, "tab A keeps it open");
  await typeInto(a, "unit2/nps/r2/score", "7");
  await waitSaved(a);
  const st = await storage(a);
  const answer = JSON.parse(st[`crb:wb:${id}`]).answers["unit2/nps"];
  assertEqual(answer.respondents.slice(0, 2).map((r) => r.score).join(), "9,7", "both answers stored again");
  assert(JSON.parse(st["crb:index"]).ids.includes(id), "listed again");
}

export async function two_tabs_an_edit_saved_in_one_appears_in_the_other(t) {
  const { context, page: a } = await openWith(t, "/?test=1#/en/unit/2/nps");
  const { page: b } = await newTab(t, context, "/?test=1#/en/unit/2/nps");
  assertEqual((await state(b)).workbook, (await state(a)).workbook, "both tabs show the same workbook");
  await typeInto(a, "unit2/nps/r1/score", "8");
  await waitSaved(a);
  await waitFor(b, () => (window.crbTest.state.answer || { respondents: [{}] }).respondents[0].score === 8, null,
                "tab B to pick up tab A's save");
  await typeInto(b, "unit2/nps/r2/score", "6");
  await waitSaved(b);
  await waitFor(a, () => (window.crbTest.state.answer || { respondents: [{}, {}] }).respondents[1].score === 6, null,
                "tab A to pick up tab B's save");
}

// Tab B's saves are held back (its storage access fails) while tab A saves; when B can save again it
// finds A's newer revision (conflict), as when A saves within B's 250 ms save delay. Neither tab's edit
// may be lost.
async function holdSaves(page, on) {
  await page.evaluate((hold) => {
    const names = ["getItem", "setItem", "removeItem"];
    if (!window.__realStorage) window.__realStorage = names.map((n) => Storage.prototype[n]);
    names.forEach((n, i) => {
      Storage.prototype[n] = hold
        ? function () { throw new DOMException("held back by the test", "InvalidStateError"); }
        : window.__realStorage[i];
    });
  }, on);
}

async function twoTabsWithHeldBackEdit(t, editA, editB) {
  const { context, page: a } = await openWith(t, "/?test=1#/en/unit/2/nps");
  const { page: b } = await newTab(t, context, "/?test=1#/en/unit/2/nps");
  await holdSaves(b, true);
  await typeInto(b, editB[0], editB[1]);
  await waitFor(b, () => window.crbTest.state.saveError !== "", null, "tab B's save to be held back");
  await typeInto(a, editA[0], editA[1]);
  await waitSaved(a);
  await holdSaves(b, false);
  await waitFor(b, () => window.crbTest.state.dirty === false, null, "tab B to save after the conflict", 10000);
  await waitSaved(a);
  return { a, b };
}

export async function two_tabs_editing_different_answers_at_once_keep_both_edits(t) {
  const { a, b } = await twoTabsWithHeldBackEdit(t, ["unit2/nps/r1/score", "3"], ["unit2/nps/r2/score", "7"]);
  const id = (await state(a)).workbook;
  const stored = JSON.parse((await storage(a))[`crb:wb:${id}`]);
  assertEqual(npsScores(stored.answers["unit2/nps"]).slice(0, 2).join(), "3,7", "both tabs' edits are stored");
  assertEqual(npsScores((await state(b)).answer).slice(0, 2).join(), "3,7", "tab B shows both");
  await waitFor(a, () => window.crbTest.state.answer.respondents[1].score === 7, null, "tab A to show both");
  assert((await state(b)).notice !== "", "tab B says the workbook was also changed elsewhere");
  await screenshot(b, "reliability-two-tabs-merged");
}

export async function two_tabs_editing_the_same_answer_keep_one_live_and_the_other_as_a_backup(t) {
  const { a, b } = await twoTabsWithHeldBackEdit(t, ["unit2/nps/r1/score", "3"], ["unit2/nps/r1/score", "7"]);
  const id = (await state(a)).workbook;
  const all = await storage(a);
  const stored = JSON.parse(all[`crb:wb:${id}`]);
  assertEqual(npsScores(stored.answers["unit2/nps"])[0], 7, "the later edit (tab B) is the live answer");
  const backups = Object.keys(all).filter((k) => k.startsWith(`crb:backup:${id}:`));
  assertEqual(backups.length, 1, "the other version is kept as a backup");
  assertEqual(npsScores(JSON.parse(all[backups[0]]).answers["unit2/nps"])[0], 3, "the backup holds tab A's edit");
  const s = await state(b);
  assert(s.notice.includes(backups[0]) || s.warnings.some((w) => w.includes(backups[0])), "tab B names the backup");
  await waitFor(a, () => window.crbTest.state.answer.respondents[0].score === 7, null, "tab A to show the live answer");
}

export async function an_older_schema_is_migrated_on_load_and_its_original_kept_once(t) {
  const { page, errors } = await openWith(t, "/?test=1");
  const legacy = readFileSync(path.join(REPO_ROOT, "tests/unit/fixtures/workbook_schema1.json"), "utf8");
  const shipped = JSON.stringify({ schema: 1, id: "wb-legacy02", name: "Shop", created: "2024-03-01T09:00:00Z",
                                   updated: "2024-03-01T09:00:00Z", content_version: "0",
                                   answers: { unit2: { nps: { respondents: [{ name: "Ola", score: 10 }] } } } });
  await seed(page, [["wb-legacy02", shipped], ["wb-legacy01", legacy]]);
  await openAgain(page, t, "/?test=1#/en/unit/2/nps");
  let s = await state(page);
  assert(/upgraded/.test(s.notice), `the upgrade is announced (${s.notice})`);
  assertEqual(npsScores(s.answer).join(), "10", "the migrated answers are shown");
  for (let i = 0; i < 2; i++) {
    const stored = await storage(page);
    for (const [id, original] of [["wb-legacy01", legacy], ["wb-legacy02", shipped]]) {
      const now = JSON.parse(stored[`crb:wb:${id}`]);
      assertEqual(now.schema, 2, `${id} stored in the current schema`);
      const backups = Object.keys(stored).filter((k) => k.startsWith(`crb:backup:${id}:`));
      assertEqual(backups.join(), `crb:backup:${id}:1`, `${id}: one backup (load ${i + 1})`);
      assertEqual(stored[backups[0]], original, `${id}: the backup is the original text`);
    }
    assertEqual(JSON.parse(stored["crb:wb:wb-legacy01"]).answers["unit1/nps"].respondents[0].name, "Anna",
                "answers for exercises the course no longer has are kept");
    await reload(page);
  }
  s = await state(page);
  assertEqual(s.notice, "", "nothing to announce on later loads");
  assertEqual(errors.join("\n"), "", "console errors");
}

// Like a sandboxed iframe or a locked-down private window: touching localStorage throws.
function blockStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}

export async function without_storage_the_app_runs_warns_and_offers_export(t) {
  for (const url of ["/?test=1#/en/unit/2/nps", "/?test=1&embed=1#/en/unit/2/nps"]) {
    const { page, errors } = await openWith(t, url, { init: [blockStorage] });
    await rectOf(page, "banner/unavailable");
    await typeInto(page, "unit2/nps/r1/score", "5");
    const s = await state(page);
    assertEqual(npsScores(s.answer)[0], 5, `answers work in memory (${url})`);
    assertEqual(s.saveError, "", "no save error: it was said up front that nothing is kept");
    const dl = await download(page, "banner/unavailable/export");
    assert(dl.name.endsWith(".crb.json"), `a workbook file (${dl.name})`);
    assertEqual(npsScores(JSON.parse(dl.text).answers["unit2/nps"])[0], 5, "the export holds the answers");
    await screenshot(page, url.includes("embed") ? "reliability-no-storage-embedded" : "reliability-no-storage");
    assertEqual(errors.join("\n"), "", `console errors (${url})`);
  }
}

// [SECTION] hostile input ------------------------------------------------------------------------

async function importFile(page, name, text) {
  await page.setInputFiles("#crb-file-input", { name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
  await settle(page);
}

export async function an_imported_100kb_rtl_and_emoji_answer_opens_and_renders(t) {
  const { page, errors } = await openWith(t, "/?test=1#/en/unit/1/satisfaction");
  const piece = "שלום עולם مرحبا 😀👍🏽 👨‍👩‍👧 \u202Edesrever\u202C ";
  let big = "";
  while (Buffer.byteLength(big + piece) <= 99990) big += piece;
  const text = workbookText("wb-big00001", {
    "unit1/satisfaction": { entries: [{ title: piece, answers: { what_pleased: big } }] },
  }, { name: "RTL ✓ 😀 שלום" });
  await importFile(page, "big.json", text);
  await click(page, "dlg/import/do");
  let s = await state(page);
  assert(s.workbook !== "wb-big00001" || s.workbookName.includes("😀"), "imported");
  assertEqual(s.answer.entries[0].answers.what_pleased, big, "the whole text arrived");
  await click(page, "unit1/satisfaction/e1/what_pleased");  // edit the huge field: still responsive
  await page.keyboard.press("End");
  await settle(page);
  await page.keyboard.press("Escape");
  await settle(page);
  await screenshot(page, "reliability-import-100kb-rtl");
  const before = await page.evaluate(() => window.crbFramesDrawn);
  await page.mouse.move(400, 400);
  await page.mouse.move(420, 420);
  await waitFor(page, (n) => window.crbFramesDrawn > n, before, "frames after input");
  s = await state(page);
  assertEqual(s.answer.entries[0].answers.what_pleased, big, "unchanged by looking at it");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function hostile_imports_are_refused_with_a_reason_and_change_nothing(t) {
  const { page, errors } = await openWith(t, "/?test=1");
  await waitForIdle(page);
  const before = await storage(page);
  const cases = {
    "1mb.json": workbookText("wb-huge0001", { "unit1/satisfaction": { entries: [{ title: "x", answers: { what_pleased: "x".repeat(1 << 20) } }] } }),
    "control.json": workbookText("wb-ctrl0001", { "unit1/satisfaction": { entries: [{ title: "bell\u0007", answers: {} }] } }),
    "nan.json": workbookText("wb-nan00001", {}).replace('"rev":1', '"rev":NaN'),
    "deep.json": `{"schema":2,"answers":${"[".repeat(10000)}${"]".repeat(10000)}}`,
    "future.json": workbookText("wb-futr0001", {}, { schema: 5 }),
    "garbage.json": "\u0000\u0001PK\u0003\u0004 not json at all",
  };
  for (const [name, text] of Object.entries(cases)) {
    await importFile(page, name, text);
    await rectOf(page, "dlg/import/ok");
    assert(!(await page.evaluate(() => "dlg/import/do" in window.crbTest.rects)), `${name}: no way to import it`);
    await click(page, "dlg/import/ok");
  }
  await importFile(page, "huge.json", "x".repeat(7 * 1024 * 1024));  // over the file size limit
  await rectOf(page, "dlg/import/ok");
  await click(page, "dlg/import/ok");
  assertEqual(JSON.stringify(await storage(page)), JSON.stringify(before), "storage unchanged");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function a_message_from_an_unlisted_origin_is_ignored(t) {
  const context = await t.browser.newContext({ viewport: BIG });
  t.contexts.push(context);
  const app = new URL("/?test=1#/en/unit/2/nps", t.baseUrl).href;
  // The embedding page: another origin (another port), served from loopback for real, since Chromium
  // lets only local pages frame local ones. No origin is listed in crb-config.js by default.
  const host = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<iframe id="app" src="${app}" width="1100" height="900"></iframe>`);
  });
  await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
  try {
    await postFromUnlistedHost(t, context, `http://127.0.0.1:${host.address().port}/`);
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
}

async function postFromUnlistedHost(t, context, hostUrl) {
  const page = await context.newPage();
  t.pages.push(page);
  await page.goto(hostUrl);
  const frame = await (async () => {
    for (let i = 0; i < 100; i++) {
      const f = page.frames().find((x) => x.url().startsWith(t.baseUrl));
      if (f) return f;
      await page.waitForTimeout(100);
    }
    throw new Error("app frame not found");
  })();
  await frame.waitForFunction(() => document.documentElement.dataset.ready === "1" && window.crbTest, null, { timeout: 20000 });
  await page.evaluate(() => {
    const w = document.getElementById("app").contentWindow;
    w.postMessage({ type: "crb:set-language", lang: "pl" }, "*");
    w.postMessage({ type: "crb:open", hash: "#/pl/unit/4/quiz" }, "*");
  });
  await page.waitForTimeout(800);
  const s = await frame.evaluate(() => window.crbTest.state);
  assertEqual(s.lang, "en", "language unchanged");
  assertEqual(s.hash, "#/en/unit/2/nps", "place unchanged");
}

// [SECTION] page security --------------------------------------------------------------------------

// Positions inside /* */, <!-- --> or a // line comment count as documentation.
function inComment(text, pos) {
  const before = text.slice(0, pos);
  if (before.lastIndexOf("/*") > before.lastIndexOf("*/")) return true;
  if (before.lastIndexOf("<!--") > before.lastIndexOf("-->")) return true;
  const line = before.slice(before.lastIndexOf("\n") + 1);
  return /(^|[^:])\/\//.test(line.replace(/https?:\/\/\S*/g, ""));
}

export async function the_built_site_names_no_other_origin_and_a_page_load_stays_on_its_own(t) {
  const dist = path.join(REPO_ROOT, "dist");
  const found = [];
  for (const name of readdirSync(dist)) {
    const file = path.join(dist, name);
    if (!statSync(file).isFile()) continue;
    const text = readFileSync(file).toString("latin1");
    const textual = /\.(html|js|mjs|css|json|webmanifest|svg|txt)$/.test(name);
    for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\]*/g)) {
      const url = m[0];
      if (/^http:\/\/www\.w3\.org\//.test(url)) continue;  // XML namespace names, never fetched
      if (/^https?:\/\/([a-z0-9-]+\.)*example\.(com|org|net|edu)([/:?#]|$)/.test(url)) continue;  // documentation (RFC 2606)
      if (textual && inComment(text, m.index)) continue;
      found.push(`${name}: ${url}`);
    }
    const secrets = text.match(/-----BEGIN [A-Z ]*PRIVATE KEY|AKIA[0-9A-Z]{16}|sk_live_[0-9a-zA-Z]{10,}|AIza[0-9A-Za-z_-]{30,}/);
    assert(!secrets, `${name} contains something like a secret (${secrets && secrets[0]})`);
    const tracking = text.match(/google-analytics|googletagmanager|gtag\(|plausible\.io|matomo|hotjar|segment\.com|sentry\.io|fonts\.googleapis|fonts\.gstatic|use\.typekit/i);
    assert(!tracking, `${name} refers to analytics or hosted fonts (${tracking && tracking[0]})`);
  }
  assertEqual(found.join("\n"), "", "URLs of other origins outside comments");

  const context = await t.browser.newContext({ viewport: BIG, serviceWorkers: "allow" });
  t.contexts.push(context);
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  t.pages.push(page);
  await page.goto(new URL("/?test=1#/en/unit/1/read", t.baseUrl).href);
  await ready(page);
  await waitForIdle(page);
  await page.reload();  // a second load, possibly through the service worker
  await ready(page);
  await waitForIdle(page);
  const origin = new URL(t.baseUrl).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob):/.test(u));
  assertEqual(foreign.join("\n"), "", "requests to other origins");
  assert(requests.length > 0, "requests were observed");
}

// A phone short of memory or a GPU reset takes the WebGL context away. While it is lost the app goes
// on without drawing (an edit in the accessible view is applied and saved); when the browser restores
// the context the app draws the same screen again by itself (no blank canvas until a reload).
export async function a_lost_webgl_context_is_restored_and_the_screen_drawn_again(t) {
  const { page, errors } = await openWith(t, "/?test=1#/en/unit/2/nps");
  await waitForIdle(page);
  const before = decodePng((await screenshot(page, "gl-before-loss")).buffer);
  const lost = await page.evaluate(() => new Promise((resolve) => {
    const canvas = document.getElementById("canvas");
    const gl = canvas.getContext("webgl2");  // the app's own context
    window.crbLoseContext = gl.getExtension("WEBGL_lose_context");
    window.crbGl = gl;
    canvas.addEventListener("webglcontextlost", () => setTimeout(() => resolve(gl.isContextLost()), 100),
                            { once: true });
    window.crbLoseContext.loseContext();
  }));
  assert(lost, "the context was lost");

  // An edit in the accessible view while the canvas cannot draw: applied and saved all the same.
  await page.evaluate(() => document.getElementById("c-unit2-nps-respondents-0-score").focus());
  await page.keyboard.type("7");
  await waitForStoredAnswer(page, "unit2/nps", (a) => a.respondents[0].score === 7,
                            "the edit made while the context was lost was not saved");
  assert(await page.evaluate(() => window.crbGl.isContextLost()), "still lost while the edit was saved");
  await page.evaluate(() => document.getElementById("canvas").focus());
  await waitForIdle(page);

  const drawn = await framesDrawn(page);
  await page.evaluate(() => window.crbLoseContext.restoreContext());
  await page.waitForFunction((n) => (window.crbFramesDrawn || 0) > n, drawn, { timeout: 5000 })
    .catch(() => { throw new Error("no frame drawn after the context was restored"); });
  await waitForIdle(page);
  const after = decodePng((await screenshot(page, "gl-after-restore")).buffer);
  // Drawn again (a blank or black canvas has one or two colours), the same screen with the new score
  // and its results (the results bar changes colour: some per cent of the pixels).
  const stats = colourStats(after);
  assert(stats.distinct >= 16 && stats.nonBackground > 0.05, `the restored canvas is drawn (${stats.distinct} colours)`);
  const changed = pixelDifference(before, after);
  assert(changed < 0.15, `the restored screen is the one before the loss (${(changed * 100).toFixed(2)} % of pixels differ)`);
  assertEqual((await page.evaluate(() => window.crbTest.state)).answer.respondents[0].score, 7, "the canvas shows the saved score");
  // Still usable: a click on "Overview" in the unit's navigation opens the overview.
  const [x, y, w, h] = await rectOf(page, "nav/overview");
  await page.mouse.click(x + w / 2, y + h / 2);
  await page.waitForFunction(() => /#\/en\/unit\/2$/.test(location.hash), null, { timeout: 5000 });
  assertEqual(errors.filter((e) => !/CONTEXT_LOST/i.test(e)).join("\n"), "", "console errors");
}
