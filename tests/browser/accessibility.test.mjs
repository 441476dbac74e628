// Accessibility (issue 9): the accessible view (an HTML mirror of the screen beside the canvas)
// must be enough to do every exercise with a keyboard and a screen reader, and the canvas must
// hold up at 200 % text size.
//
// - Keyboard only, never the mouse: Tab to the skip link, Enter, Tab through the controls and type;
//   the NPS exercise and the CRM audit are completed in the accessible view alone, the live region
//   reads the results, and the canvas shows the same numbers afterwards.
// - axe-core (WCAG 2.1 A/AA rules only) on the accessible view of every screen in both languages,
//   with the exercises filled in so their results are checked too, and on the printable report.
// - Screenshots of three dense screens at 200 % text size in both languages (nothing may stick out
//   of the window), Escape closing the canvas's popups, Tab leaving the canvas, reduced motion.
import { readFileSync } from "node:fs";
import path from "node:path";
import { assert, assertEqual, REPO_ROOT, screenshot, settle as settleFrames, rectOf, storedAnswer } from "./helpers.mjs";

const AXE = readFileSync(path.join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Like helpers.openApp, plus: CSP bypass (to inject axe-core), optional stored settings, reduced motion.
async function open(t, { urlPath, viewport = { width: 1200, height: 900 }, settings = null, reducedMotion = "no-preference" }) {
  const context = await t.browser.newContext({ viewport, locale: "en-US", bypassCSP: true, reducedMotion });
  t.contexts.push(context);
  if (settings) {
    await context.addInitScript((s) => {
      if (!localStorage.getItem("crb:settings")) localStorage.setItem("crb:settings", s);
    }, JSON.stringify(settings));
  }
  const page = await context.newPage();
  t.pages.push(page);
  const errors = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`console: ${msg.text()}`); });
  await page.goto(new URL(urlPath, t.baseUrl).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 40000 });
  await page.waitForFunction(() => document.querySelector("#crb-mirror .m-page"), null, { timeout: 20000 });
  return { page, errors };
}

// Two more frames and then none for a moment, or nothing to draw (the app draws only after input).
const settle = (page) => settleFrames(page, { timeout: 1500 });

const active = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

// Presses Tab (or Shift+Tab) until the element with `id` has focus: counts the tabbable elements on
// the way first (fewer round trips on a slow machine), then checks where focus landed.
async function tabTo(page, id, { back = false } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await active(page)) === id) return;
    const steps = await page.evaluate(([target, backwards]) => {
      const all = [...document.querySelectorAll("a[href], button, input, select, textarea, canvas, [tabindex]")].filter((el) => {
        if (el.tabIndex < 0 || el.disabled) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      });
      // Radio groups are one stop: keep the checked radio (or the first) of each name.
      const seen = new Set();
      const stops = all.filter((el) => {
        if (el.type !== "radio") return true;
        if (seen.has(el.name)) return false;
        const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
        const stop = group.find((g) => g.checked) || group[0];
        if (stop !== el) return false;
        seen.add(el.name);
        return true;
      });
      const to = stops.findIndex((el) => el.id === target);
      if (to < 0) return 1;
      // Where sequential navigation starts: the focused element, or its place in document order.
      const ae = document.activeElement;
      let from = stops.indexOf(ae);
      if (from < 0) {
        const after = stops.findIndex((el) => ae.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        from = after < 0 ? stops.length - 0.5 : after - 0.5;
      }
      const d = Math.round(to - from);
      return d === 0 ? (backwards ? -1 : 1) : d;
    }, [id, back]);
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps < 0 ? "Shift+Tab" : "Tab");
    await page.waitForFunction((t) => document.activeElement && document.activeElement.id === t, id, { timeout: 2000 }).catch(() => {});
  }
  const last = await active(page);
  if (last !== id) throw new Error(`Tab did not reach #${id} (focus on #${last})`);
}

async function typeHere(page, text) {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

// Waits until the app has applied every queued edit of the accessible view.
async function applied(page) {
  await page.waitForFunction(() => window.crbMirror && window.crbMirror.queue.length === 0, null, { timeout: 10000 });
  await settle(page);
}

const liveText = (page) => page.evaluate(() => document.getElementById("crb-mirror-live").textContent.replace(/\s+/g, " "));
const state = (page) => page.evaluate(() => window.crbTest.state);

async function waitSaved(page) {
  await page.waitForFunction(() => window.crbTest && window.crbTest.state.dirty === false, null, { timeout: 5000 });
}

// From page load: Tab to the skip link (the first focusable element) and press Enter.
async function enterAccessibleView(page) {
  await page.keyboard.press("Tab");
  assertEqual(await active(page), "crb-skip", "the skip link is the first Tab stop");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.documentElement.classList.contains("crb-a11y"));
  assertEqual(await active(page), "m-h1", "focus moves to the page heading");
  assertEqual(await page.evaluate(() => document.getElementById("crb-view-toggle").getAttribute("aria-pressed")), "true", "toggle pressed");
}

async function backToCanvas(page) {
  await tabTo(page, "crb-view-toggle", { back: true });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.documentElement.classList.contains("crb-a11y"));
  await settle(page);
}

// The canvas's "Paste scores" and "Export table as CSV" exist in the accessible view too, and the
// unit overview opens the printable unit book; all with the keyboard.
export async function nps_scores_pasted_and_exported_in_the_accessible_view(t) {
  const { page, errors } = await open(t, { urlPath: "/?test=1#/en/unit/2/nps" });
  await enterAccessibleView(page);
  await tabTo(page, "m-paste-unit2-nps");
  await page.keyboard.insertText("9\n10\nten");
  await tabTo(page, "b-paste-unit2-nps");
  await page.keyboard.press("Enter");
  await applied(page);
  const refused = await page.evaluate(() => document.getElementById("m-paste-unit2-nps-err")?.textContent || "");
  assert(/Line 3/.test(refused), `the bad line is named next to the text area (${refused})`);
  assertEqual((await state(page)).answer, null, "nothing was added");

  await tabTo(page, "m-paste-unit2-nps", { back: true });
  await typeHere(page, "9");
  await page.keyboard.press("Enter");
  await page.keyboard.type("10");
  await page.keyboard.press("Enter");
  await page.keyboard.type("3");
  await tabTo(page, "b-paste-unit2-nps");
  await page.keyboard.press("Enter");
  await applied(page);
  const s = await state(page);
  assertEqual(s.answer.respondents.slice(0, 3).map((r) => r.score).join(), "9,10,3", "pasted scores fill the first rows");
  assertEqual(Math.round(s.result.nps * 10) / 10, 33.3, "the NPS follows");
  assert((await liveText(page)).includes("33.3"), "and is announced in the live region");

  await tabTo(page, "b-csv-unit2-nps");
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), page.keyboard.press("Enter")]);
  const csv = (await import("node:fs")).readFileSync(await dl.path(), "utf8");
  assertEqual(dl.suggestedFilename(), "nps.csv", "file name");
  // Unnamed respondents (as pasted) have an empty name cell; the first column numbers them.
  assert(csv.startsWith("no,respondent,score,category\n1,\"\",9,promoter\n2,\"\",10,promoter\n3,\"\",3,detractor\n"),
         `CSV rows (${csv.slice(0, 120)})`);

  await page.evaluate(() => { location.hash = "#/en/unit/2"; });
  await page.waitForFunction(() => document.getElementById("b-book"), null, { timeout: 10000 });
  const [book] = await Promise.all([page.context().waitForEvent("page", { timeout: 10000 }),
                                    page.evaluate(() => document.getElementById("b-book").click())]);
  await book.waitForLoadState();
  assert((await book.title()).length > 0 && (await book.content()).includes("<h1"), "the unit book opens in a new tab");
  await screenshot(page, "a11y-nps-paste");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function nps_completed_with_the_keyboard_in_the_accessible_view(t) {
  const { page, errors } = await open(t, { urlPath: "/?test=1#/en/unit/2/nps" });
  await enterAccessibleView(page);
  const scores = [10, 9, 9, 8, 7, 6, 3, 10, 0, 9];
  for (let i = 0; i < scores.length; i++) {
    await tabTo(page, `c-unit2-nps-respondents-${i}-score`);
    await typeHere(page, String(scores[i]));
  }
  // An out-of-range score is refused next to the field and never stored.
  await tabTo(page, "c-unit2-nps-respondents-1-score", { back: true });
  await typeHere(page, "11");
  await applied(page);
  const invalid = await page.evaluate(() => {
    const el = document.getElementById("c-unit2-nps-respondents-1-score");
    return { invalid: el.getAttribute("aria-invalid"), message: document.getElementById(el.id + "-err")?.textContent };
  });
  assertEqual(invalid.invalid, "true", "aria-invalid on the refused score");
  assert(/0 to 10/.test(invalid.message || ""), `error text next to the field (${invalid.message})`);
  assertEqual((await state(page)).answer.respondents[1].score, 9, "the previous score is kept");
  await typeHere(page, "9");
  await applied(page);
  assertEqual(await page.evaluate(() => document.getElementById("c-unit2-nps-respondents-1-score").getAttribute("aria-invalid")), null, "valid again");
  assertEqual(await active(page), "c-unit2-nps-respondents-1-score", "the edited field keeps focus");

  const live = await liveText(page);
  assert(live.includes("Net Promoter Score") && live.includes("20.0"), `live region shows the NPS (${live})`);
  assert(live.includes("Promoters") && live.includes("50.0% (5)"), `live region shows the groups in words (${live})`);
  await waitSaved(page);
  const s = await state(page);
  assertEqual(s.result.answered, 10, "answered");
  assertEqual(Math.round(s.result.nps * 10) / 10, 20, "NPS in the app");
  await screenshot(page, "a11y-nps-accessible-view");

  await backToCanvas(page);
  await screenshot(page, "a11y-nps-canvas-after");
  assertEqual(Math.round((await state(page)).result.nps * 10) / 10, 20, "NPS in the canvas view");
  const stored = await storedAnswer(page, "unit2/nps");
  assertEqual(stored.respondents.map((r) => r.score).join(","), scores.join(","), "saved through the app's path");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function crm_audit_completed_with_the_keyboard_in_the_accessible_view(t) {
  const { page, errors } = await open(t, { urlPath: "/?test=1#/en/unit/3/crm_audit" });
  await enterAccessibleView(page);
  const rows = ["active_use", "functions_used", "fulfils_functions", "strategy_change", "efficiency_need"];
  for (const row of rows) {
    await tabTo(page, `c-unit3-crm_audit-rows-${row}-rating`);
    await page.keyboard.press("4");  // a focused select picks the option starting with "4"
    await tabTo(page, `c-unit3-crm_audit-rows-${row}-weight`);
    await typeHere(page, row === "efficiency_need" ? "0.95" : "0.2");
  }
  await applied(page);
  const err = await page.evaluate(() => document.getElementById("c-unit3-crm_audit-rows-efficiency_need-weight-err")?.textContent);
  assert(/0\.1 to 0\.9/.test(err || ""), `weight out of range is refused (${err})`);
  let live = await liveText(page);
  assert(live.includes("0.80") && live.includes("must be 1.00"), `live region asks for weights summing to 1 (${live})`);
  assert(!live.includes("Verdict"), "no verdict yet");
  await typeHere(page, "0,2");  // a decimal comma works too
  await applied(page);
  live = await liveText(page);
  await waitSaved(page);
  const s = await state(page);
  assertEqual(s.result.weights_ok, true, "weights sum to 1.0");
  assertEqual(s.result.complete, true, "complete");
  assertEqual(Math.round(s.result.average * 100) / 100, 4, "weighted average");
  assert(s.result.band_text && live.includes("Verdict") && live.includes(s.result.band_text),
    `live region shows the band verdict (${live})`);
  await screenshot(page, "a11y-audit-accessible-view");
  await backToCanvas(page);
  await page.waitForFunction(() => "unit3/crm_audit/verdict" in window.crbTest.rects, null, { timeout: 5000 });
  await screenshot(page, "a11y-audit-canvas-after");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function canvas_edits_show_in_the_mirror_and_polish_sets_lang(t) {
  const { page } = await open(t, { urlPath: "/?test=1#/pl/unit/2/nps" });
  assertEqual(await page.evaluate(() => document.documentElement.lang), "pl", "<html lang>");
  assertEqual(await page.evaluate(() => document.getElementById("crb-mirror").getAttribute("lang")), "pl", "mirror lang");
  assertEqual(await page.evaluate(() => document.getElementById("crb-view-toggle").textContent), "Widok dostępny", "toggle in Polish");
  const [x, y, w, h] = await page.evaluate(() => window.crbTest.rects["unit2/nps/r1/score"]);
  await page.mouse.click(x + w / 2, y + h / 2);
  await settle(page);
  await page.keyboard.type("7");
  await page.keyboard.press("Tab");
  await settle(page);
  await page.waitForFunction(() => document.getElementById("c-unit2-nps-respondents-0-score").value === "7", null, { timeout: 5000 });
  assert((await liveText(page)).includes("-100,0") || (await liveText(page)).includes("Net Promoter Score"), "results follow the canvas");
  // Switching the language from the mirror (a link) keeps the place.
  await page.evaluate(() => window.crbMirror.setShown(true, false));
  await page.focus("#m-lang");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("crb-mirror").getAttribute("lang") === "en", null, { timeout: 5000 });
  assertEqual((await state(page)).hash, "#/en/unit/2/nps", "same exercise in English");
  assertEqual(await active(page), "m-h1", "focus on the new page's heading");
}

// The text-size slider (ui::step_slider): a click sets the step under the pointer; with the keyboard
// (as with ImGui's own sliders), Space takes hold of the focused slider, the arrows move one step,
// Space lets go (then the arrows move focus instead).
export async function text_size_slider_follows_the_mouse_and_the_keyboard(t) {
  const { page, errors } = await open(t, { urlPath: "/?test=1#/en" });
  const rect = (id) => rectOf(page, id);
  const scale = () => page.evaluate(() => JSON.parse(localStorage.getItem("crb:settings") || "{}").text_scale);
  const press = async (key) => {
    await page.keyboard.down(key);
    await settle(page);
    await page.keyboard.up(key);
    await settle(page);
  };
  let [x, y, w, h] = await rect("top/settings");
  await page.mouse.click(x + w / 2, y + h / 2);
  await settle(page);
  [x, y, w, h] = await rect("settings/scale");
  await page.mouse.click(x + 4, y + h / 2);
  await settle(page);
  assertEqual(await scale(), 0.8, "a click at the left end: 80 %");
  await press("ArrowDown");  // keyboard navigation: to the next item and back to the slider
  await press("ArrowUp");
  await press("Space");
  await press("ArrowRight");
  await press("ArrowRight");
  assertEqual(await scale(), 1, "two steps right with the keyboard: 100 %");
  await press("ArrowLeft");
  assertEqual(await scale(), 0.9, "one step back: 90 %");
  await press("Space");
  await press("ArrowRight");
  assertEqual(await scale(), 0.9, "let go: the arrows no longer move it");
  [x, y, w, h] = await rect("settings/scale");
  await page.mouse.click(x + w - 4, y + h / 2);
  await settle(page);
  assertEqual(await scale(), 2, "a click at the right end: 200 %");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function escape_closes_popups_and_tab_leaves_the_canvas(t) {
  const { page } = await open(t, { urlPath: "/?test=1#/en/unit/2/nps" });
  const click = async (id) => {
    const [x, y, w, h] = await page.evaluate((n) => window.crbTest.rects[n], id);
    await page.mouse.click(x + w / 2, y + h / 2);
    await settle(page);
  };
  // A popup is on screen a frame or two after the click; on a loaded machine a frame can come late.
  const has = (id) => page.waitForFunction((n) => n in window.crbTest.rects, id, { timeout: 3000 }).then(() => true, () => false);
  // Held across two frames, as a person's key press is: Dear ImGui 1.86 reads key state once per
  // frame, so a down+up arriving between two frames of a slow machine would go unseen.
  const press = async (key) => {
    await page.keyboard.down(key);
    await settle(page);
    await page.keyboard.up(key);
    await settle(page);
  };
  const gone = (id) => page.waitForFunction((n) => !(n in window.crbTest.rects), id, { timeout: 8000 }).then(() => true, () => false);
  await click("top/settings");
  assert(await has("settings/scale"), "settings open");
  await press("Escape");
  assert(await gone("settings/scale"), "Escape closes the settings popup");
  await click("top/workbook");
  assert(await has("wb/new"), "workbook menu open");
  await press("Escape");
  assert(await gone("wb/new"), "Escape closes the workbook menu");
  await click("unit2/nps/reset");
  assert(await has("dlg/reset/yes"), "reset dialog open");
  await press("Escape");
  assert(await gone("dlg/reset/yes"), "Escape closes the reset dialog");
  // Keyboard focus in the canvas (arrows drive ImGui), then Tab goes on to the page.
  await press("ArrowDown");
  await page.keyboard.press("Tab");
  const where = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, inPage: a !== document.body && a.id !== "canvas" && a.id !== "crb-text-agent" };
  });
  assert(where.inPage, `Tab from the canvas reaches the page (${where.id})`);
}

export async function reduced_motion_stops_every_animation(t) {
  const { page } = await open(t, { urlPath: "/#/en", reducedMotion: "reduce" });
  const names = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("*")) {
      const cs = getComputedStyle(el);
      if (cs.animationName !== "none" || (cs.transitionDuration !== "0s" && cs.transitionProperty !== "none" && cs.transitionDuration !== "")) {
        out.push(`${el.tagName}#${el.id}.${el.className}: ${cs.animationName} ${cs.transitionDuration}`);
      }
    }
    return out;
  });
  assertEqual(names.join("; "), "", "no animation or transition");
}

// [axe] -------------------------------------------------------------------------------------------

async function runAxe(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  }, WCAG_TAGS);
  return violations.map((v) => `${label}: ${v}`);
}

async function showScreen(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => document.querySelector(`#crb-mirror .m-page[data-screen="${h}"]`), hash, { timeout: 10000 });
  await settle(page);
}

// Fills every control of the exercise on screen, as a user of the accessible view would.
async function fillExercise(page) {
  await page.evaluate(() => {
    const m = document.getElementById("crb-mirror");
    const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
    for (const el of m.querySelectorAll("[data-type]")) {
      const type = el.getAttribute("data-type");
      if (el.tagName === "SELECT") {
        el.selectedIndex = el.options.length - 1;
        fire(el, "change");
      } else if (type === "int" || type === "number") {
        el.value = el.getAttribute("data-max") === "0.90" ? "0.2" : el.getAttribute("data-min") === "0" && el.getAttribute("data-max") === "10" ? "9" : "1200";
        fire(el, "input");
      } else if (type === "text") {
        el.value = "Ab <i>c</i> & ż";
        fire(el, "input");
      } else if (el.type === "checkbox" && !el.checked) {
        el.click();
      } else if (el.type === "radio" && !m.querySelector(`input[name="${el.name}"]:checked`)) {
        el.click();
      }
    }
  });
  await applied(page);
}

async function axeUnit(t, unit, lang) {
  const { page, errors } = await open(t, { urlPath: `/?test=1#/${lang}/unit/${unit}` });
  await page.evaluate(() => window.crbMirror.setShown(true, false));
  const hashes = await page.evaluate(() => [...document.querySelectorAll("#crb-mirror nav a[href]")].map((a) => a.getAttribute("href")));
  assert(hashes.length >= 6, `unit navigation (${hashes.join(" ")})`);
  const found = [];
  for (const hash of hashes.filter((h) => !h.endsWith("/summary"))) {
    await showScreen(page, hash);
    if (await page.evaluate(() => !!document.querySelector("#crb-mirror [data-action=add]"))) {
      await page.evaluate(() => document.querySelector("#crb-mirror [data-action=add]").click());
      await settle(page);
    }
    await fillExercise(page);
    found.push(...(await runAxe(page, hash)));
  }
  await showScreen(page, hashes.find((h) => h.endsWith("/summary")));
  found.push(...(await runAxe(page, `#/${lang}/unit/${unit}/summary`)));
  await screenshot(page, `a11y-axe-unit${unit}-${lang}-summary`);
  assertEqual(found.join("\n"), "", "axe violations");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function axe_unit1_en(t) { await axeUnit(t, 1, "en"); }
export async function axe_unit1_pl(t) { await axeUnit(t, 1, "pl"); }
export async function axe_unit2_en(t) { await axeUnit(t, 2, "en"); }
export async function axe_unit2_pl(t) { await axeUnit(t, 2, "pl"); }
export async function axe_unit3_en(t) { await axeUnit(t, 3, "en"); }
export async function axe_unit3_pl(t) { await axeUnit(t, 3, "pl"); }
export async function axe_unit4_en(t) { await axeUnit(t, 4, "en"); }
export async function axe_unit4_pl(t) { await axeUnit(t, 4, "pl"); }

export async function axe_home_and_report(t) {
  const found = [];
  for (const lang of ["en", "pl"]) {
    const { page } = await open(t, { urlPath: `/?test=1#/${lang}/unit/2/nps` });
    await page.evaluate(() => window.crbMirror.setShown(true, false));
    await fillExercise(page);
    await showScreen(page, `#/${lang}`);
    found.push(...(await runAxe(page, `#/${lang}`)));
    await screenshot(page, `a11y-axe-home-${lang}`);
    // The printable report, through the app's print path (the mirror's Print button, by keyboard).
    await page.focus("#b-print");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => typeof window.crbLastReport === "string", null, { timeout: 10000 });
    const report = await page.evaluate(() => window.crbLastReport);
    const rp = await page.context().newPage();
    await rp.setContent(report);
    found.push(...(await runAxe(rp, `report (${lang})`)));
    await rp.close();
  }
  assertEqual(found.join("\n"), "", "axe violations");
}

// [200 % text] ------------------------------------------------------------------------------------

async function textScaleShots(t, lang) {
  const screens = ["3/crm_implementation", "2/nps", "4/voicebot_medical"];
  const settings = { lang, text_scale: 2.0, theme: "light", last_place: "" };
  const problems = [];
  for (const s of screens) {
    const { page } = await open(t, { urlPath: `/?test=1#/${lang}/unit/${s}`, viewport: { width: 1280, height: 900 }, settings });
    // The top of the screen, then two screens further down (the wheel scrolls the canvas page).
    for (let part = 1; part <= 3; part++) {
      const name = `a11y-text200-${lang}-${s.replace("/", "-")}-${part}`;
      if (part > 1) {
        await page.mouse.move(700, 600);
        await page.mouse.wheel(0, 2500);
        await settle(page);
        await settle(page);
      }
      await screenshot(page, name);
      // Nothing drawn past the window's right edge.
      const rects = await page.evaluate(() => window.crbTest.rects);
      for (const [id, [x, , w]] of Object.entries(rects)) if (x + w > 1280.5) problems.push(`${name}: ${id} ends at ${x + w}`);
    }
  }
  assertEqual(problems.join("\n"), "", "widgets inside the window at 200 %");
}

// A phone at 200 % text: the section drop-down shortens the long title it shows, and its open list
// wraps every entry inside the screen.
export async function text_200_percent_phone_drop_down_fits_the_screen(t) {
  const settings = { lang: "pl", text_scale: 2.0, theme: "light", last_place: "" };
  const { page } = await open(t, { urlPath: "/?test=1#/pl/unit/3/crm_implementation", viewport: { width: 390, height: 844 }, settings });
  const combo = await page.evaluate(() => window.crbTest.rects["nav/combo"]);
  assert(combo && combo[0] + combo[2] <= 390.5, `the drop-down (${combo}) is inside the screen`);
  await page.mouse.click(combo[0] + combo[2] / 2, combo[1] + combo[3] / 2);
  await settle(page);
  await screenshot(page, "a11y-text200-pl-phone-drop-down");
  const rects = await page.evaluate(() => window.crbTest.rects);
  const items = Object.keys(rects).filter((k) => k.startsWith("nav/item/"));
  assert(items.length >= 4, `the open list shows its entries (${items.join(", ")})`);
  for (const k of items) assert(rects[k][0] + rects[k][2] <= 390.5, `${k} (${rects[k]}) ends inside the screen`);
  const tall = items.filter((k) => rects[k][3] > 1.6 * rects["nav/item/overview"][3]);
  assert(tall.length >= 1, "a long exercise title wraps onto a second line");
}

export async function text_200_percent_en(t) { await textScaleShots(t, "en"); }
export async function text_200_percent_pl(t) { await textScaleShots(t, "pl"); }
