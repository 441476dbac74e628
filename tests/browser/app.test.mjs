// The learner's experience through real mouse and keyboard input (issue: App). Widgets are found
// through the app's test-only map of stable ids to screen rectangles (?test=1); every click and
// keystroke still goes through the browser's input events.
import { assert, assertEqual, framesCaughtUp, decodePng, openApp, pixelDifference, screenshot, waitForIdle, settle, rectOf, storedAnswer } from "./helpers.mjs";

const BIG = { width: 1200, height: 1000 };

// Settles first: after typing, a field may grow and move the widgets below it, and the rectangles
// are those of the last drawn frame.
export async function _click(page, id) {
  await framesCaughtUp(page);
  const [x, y, w, h] = await rectOf(page, id);
  await page.mouse.click(x + w / 2, y + h / 2);
  await settle(page);
}
const click = _click;

async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await settle(page);
}

async function state(page) {
  return page.evaluate(() => window.crbTest.state);
}

async function waitSaved(page) {
  await page.waitForFunction(() => window.crbTest && window.crbTest.state.dirty === false, null, { timeout: 5000 });
}

export async function nps_typed_scores_update_summary_and_survive_reload(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  const scores = [10, 9, 9, 8, 7, 6, 3, 10, 0, 9];
  for (let i = 0; i < scores.length; i++) await typeInto(page, `unit2/nps/r${i + 1}/score`, String(scores[i]));
  await waitSaved(page);
  const r = (await state(page)).result;
  // 5 promoters (10,9,9,10,9), 2 passives (8,7), 3 detractors (6,3,0): NPS = 50 - 30 = 20.
  assertEqual(r.answered, 10, "answered");
  assertEqual(Math.round(r.nps * 10) / 10, 20, "NPS");
  await screenshot(page, "nps-filled-en");
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await waitForIdle(page);
  const after = await state(page);
  assertEqual(after.hash, "#/en/unit/2/nps", "same place after reload");
  assertEqual(Math.round(after.result.nps * 10) / 10, 20, "NPS after reload");
  const answer = await storedAnswer(page, "unit2/nps");
  assertEqual(answer.respondents.map((x) => x.score).join(","), scores.join(","), "stored scores");
  // Names never typed stay unnamed (shown as "Respondent N" hints), as the accessible view has them.
  assertEqual(answer.respondents.map((x) => x.name).join(""), "", "no made-up names stored");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function out_of_range_score_is_refused_not_stored(t) {
  const { page } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  await typeInto(page, "unit2/nps/r1/score", "7");
  await typeInto(page, "unit2/nps/r2/score", "11");
  await waitSaved(page);
  const answer = await storedAnswer(page, "unit2/nps");
  assertEqual(answer.respondents[0].score, 7, "valid score stored");
  assertEqual(answer.respondents[1].score, null, "11 is refused, never stored");
  await screenshot(page, "nps-refused-11");
}

// Ctrl+A pressed and released between two frames (a quick shortcut on a busy device): Dear ImGui 1.86
// reads keys once per frame, so the platform layer holds the release back a frame; the modifier
// comes with the key's own event even though Ctrl is already up again when the frame is built.
export async function a_shortcut_pressed_and_released_within_one_frame_still_acts(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  await click(page, "unit2/nps/r2/name");
  await page.keyboard.insertText("Ann Kowalska");  // a name for select-all to replace
  await settle(page);
  await page.evaluate(() => {
    const target = document.activeElement || window;
    const key = (type, init) => target.dispatchEvent(new KeyboardEvent(type, { bubbles: true, cancelable: true, ...init }));
    key("keydown", { key: "Control", code: "ControlLeft", ctrlKey: true });
    key("keydown", { key: "a", code: "KeyA", ctrlKey: true });
    key("keyup", { key: "a", code: "KeyA", ctrlKey: true });
    key("keyup", { key: "Control", code: "ControlLeft" });
  });
  await settle(page);
  await page.keyboard.insertText("Zofia");
  await page.keyboard.press("Tab");
  await settle(page);
  await waitSaved(page);
  const answer = await storedAnswer(page, "unit2/nps");
  assertEqual(answer.respondents[1].name, "Zofia", "select-all replaced the whole name");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function polish_text_typed_and_composed_reaches_the_answer(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/pl/unit/1/satisfaction", viewport: BIG });
  const text = "Zażółć gęślą jaźń — 20 €";
  await click(page, "unit1/satisfaction/e1/what_pleased");
  await page.keyboard.type(text);
  await click(page, "unit1/satisfaction/e1/recurring_factor");
  await page.keyboard.insertText(text);  // like an IME commit: input events only, no keys
  await click(page, "unit1/satisfaction/e1/title");
  await waitSaved(page);
  const answer = await storedAnswer(page, "unit1/satisfaction");
  assertEqual(answer.entries[0].answers.what_pleased, text, "typed text stored exactly");
  assertEqual(answer.entries[0].answers.recurring_factor, text, "composed text stored exactly");
  await screenshot(page, "reflection-polish-pl");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function switching_language_keeps_answers_and_place(t) {
  const { page } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  await typeInto(page, "unit2/nps/r1/score", "9");
  await typeInto(page, "unit2/nps/r2/score", "4");
  await click(page, "top/lang/pl");
  const s = await state(page);
  assertEqual(s.lang, "pl", "language");
  assertEqual(s.hash, "#/pl/unit/2/nps", "same exercise");
  assertEqual(s.answer.respondents[0].score, 9, "answers kept");
  assertEqual(s.answer.respondents[1].score, 4, "answers kept");
  assertEqual(await page.evaluate(() => document.documentElement.lang), "pl", "<html lang>");
  await screenshot(page, "nps-switched-to-pl");
}

export async function second_workbook_leaves_the_first_unchanged(t) {
  const { page } = await openApp(t, { path: "/?test=1#/en/unit/2/nps", viewport: BIG });
  await typeInto(page, "unit2/nps/r1/score", "9");
  await waitSaved(page);
  const first = (await state(page)).workbook;
  await click(page, "top/workbook");
  await click(page, "wb/new");
  const second = (await state(page)).workbook;
  assert(second !== first, "a new workbook is current");
  assertEqual((await state(page)).answer, null, "the new workbook is empty");
  await typeInto(page, "unit2/nps/r1/score", "2");
  await waitSaved(page);
  await click(page, "top/workbook");
  await click(page, "wb/switch/1");
  const s = await state(page);
  assertEqual(s.workbook, first, "switched back");
  assertEqual(s.answer.respondents[0].score, 9, "first workbook unchanged");
  const raw = await page.evaluate((id) => JSON.parse(localStorage.getItem("crb:wb:" + id)), second);
  assertEqual(raw.answers["unit2/nps"].respondents[0].score, 2, "second workbook kept its own answer");
}

export async function weighted_audit_shows_hint_until_weights_sum_to_one(t) {
  const { page } = await openApp(t, { path: "/?test=1#/en/unit/3/crm_audit", viewport: { width: 1400, height: 1000 } });
  const rows = ["active_use", "functions_used", "fulfils_functions", "strategy_change", "optimisation_need"];
  const ids = await page.evaluate(() => Object.keys(window.crbTest.rects).filter((k) => k.endsWith("/rating/4")));
  assertEqual(ids.length, 5, `five rows with rating buttons (${ids.join(", ")})`);
  for (const id of ids) await click(page, id);
  const weights = ["0.2", "0.2", "0.2", "0.2", "0.1"];
  const weightIds = ids.map((id) => id.replace(/\/rating\/4$/, "/weight"));
  for (let i = 0; i < 5; i++) await typeInto(page, weightIds[i], weights[i]);
  // A typed weight is committed when its field lets go of the focus: under load that frame can come
  // after typeInto returns, so the result is read once it reflects the last weight (or after 5 s).
  const resultWhen = (pred) => page.waitForFunction(pred, null, { timeout: 5000 }).catch(() => {}).then(() => state(page));
  let s = await resultWhen(() => Math.round((window.crbTest.state.result || {}).weight_sum * 100) === 90);
  assertEqual(Math.round(s.result.weight_sum * 100) / 100, 0.9, "sum of weights");
  assertEqual(s.result.weights_ok, false, "weights not ok");
  assert(!(await page.evaluate(() => "unit3/crm_audit/verdict" in window.crbTest.rects)), "no verdict while the sum is 0.9");
  await screenshot(page, "audit-hint-0.9");
  await typeInto(page, weightIds[4], "0.2");
  s = await resultWhen(() => (window.crbTest.state.result || {}).weights_ok === true);
  assertEqual(s.result.weights_ok, true, "weights ok");
  await rectOf(page, "unit3/crm_audit/verdict");
  await screenshot(page, "audit-verdict");
  void rows;
}

// One exercise of every kind, home and a unit summary, in both languages: kept as artefacts under
// build/browser-artifacts/screens/ for people to look at, and checked for console errors.
const ONE_OF_EACH_KIND = [
  "1/influence_map", "1/satisfaction", "1/channels", "1/loyalty", "1/quiz", "2/website_blog",
  "2/content_forms", "2/nps", "3/crm_strategy", "3/roi", "3/crm_audit", "3/cloud_survey",
  "4/voicebot_medical", "4/risk_register",
];

async function screensOfEveryKind(t, lang) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/en", viewport: { width: 1280, height: 860 } });
  // Some answers so that results panels and the summary have something to show.
  await page.evaluate(() => { location.hash = "#/en/unit/2/nps"; });
  await waitForIdle(page);
  for (const [i, v] of [9, 10, 7, 3].entries()) await typeInto(page, `unit2/nps/r${i + 1}/score`, String(v));
  await waitSaved(page);
  {
    const hashes = [`#/${lang}`, ...ONE_OF_EACH_KIND.map((p) => `#/${lang}/unit/${p.replace("/", "/")}`), `#/${lang}/unit/2/summary`];
    for (const h of hashes) {
      await page.evaluate((x) => { location.hash = x; }, h);
      await page.waitForFunction((x) => window.crbTest.state.hash === x, h, { timeout: 5000 });
      await waitForIdle(page);
      const name = `screens-${lang}-${h.split("/").slice(2).join("-") || "home"}`;
      await screenshot(page, name);
    }
  }
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function screens_of_every_kind_in_english(t) { await screensOfEveryKind(t, "en"); }
export async function screens_of_every_kind_in_polish(t) { await screensOfEveryKind(t, "pl"); }

// Phones: dragging on text (not on a control) scrolls it. SDL turns touches into mouse events, so a
// mouse drag on the reading text exercises the same path; a touch drag is tried too via CDP.
export async function dragging_the_reading_text_scrolls_it(t) {
  const { page } = await openApp(t, { path: "/?test=1#/en/unit/1/read", viewport: { width: 390, height: 760 }, });
  await waitForIdle(page);
  const before = decodePng((await screenshot(page, "drag-before")).buffer);
  await page.mouse.move(200, 600);
  await page.mouse.down();
  for (let y = 600; y >= 300; y -= 30) await page.mouse.move(200, y);
  await page.mouse.up();
  await waitForIdle(page);
  const after = decodePng((await screenshot(page, "drag-after")).buffer);
  assert(pixelDifference(before, after) > 0.05, "the text moved");
  // A phone: a touch-enabled context, a real touch drag through the DevTools protocol.
  const phone = await t.browser.newContext({ viewport: { width: 390, height: 760 }, hasTouch: true, isMobile: true });
  t.contexts.push(phone);
  const tp = await phone.newPage();
  t.pages.push(tp);
  await tp.goto(new URL("/?test=1#/en/unit/1/read", t.baseUrl).href);
  await tp.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await waitForIdle(tp);
  const beforeTouch = decodePng((await screenshot(tp, "drag-before-touch")).buffer);
  const cdp = await phone.newCDPSession(tp);
  const touch = async (type, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: 200, y }] });
  await touch("touchStart", 600);
  for (let y = 570; y >= 300; y -= 30) await touch("touchMove", y);
  await touch("touchEnd", 300);
  await waitForIdle(tp);
  const afterTouch = decodePng((await screenshot(tp, "drag-after-touch")).buffer);
  assert(pixelDifference(beforeTouch, afterTouch) > 0.05, "a touch drag moves the text too");
}

// A chosen rating is marked by more than its fill colour: a ring in the button's text colour runs
// inside its edge (checked in the pixels of the light and the high-contrast theme: about 10-12 % of
// the button is in the text colour with the ring, 1-2 % (the digit alone) without).
export async function a_chosen_rating_has_a_ring_not_only_a_fill(t) {
  for (const theme of ["light", "high_contrast"]) {
    const { page } = await openApp(t, { path: "/?test=1#/en/unit/2/content_forms", viewport: BIG });
    if (theme !== "light") {
      await click(page, "top/settings");
      await click(page, `settings/theme/${theme}`);
      await page.keyboard.press("Escape");
      await waitForIdle(page, { quietMs: 200 });
    }
    await click(page, "unit2/content_forms/guide/time/3");
    await waitForIdle(page, { quietMs: 200 });
    const share = async (id) => {
      const r = await rectOf(page, id);
      const png = decodePng(await page.screenshot({ clip: { x: r[0], y: r[1], width: r[2], height: r[3] } }));
      // Pixels of the chosen button's text colour: white in light, black in high contrast.
      let n = 0;
      for (let i = 0; i < png.pixels.length; i += 4) {
        const [red, green, blue] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
        const light = red > 225 && green > 225 && blue > 225, dark = red < 30 && green < 30 && blue < 30;
        if (theme === "high_contrast" ? dark : light) ++n;
      }
      return n / (png.width * png.height);
    };
    const chosen = await share("unit2/content_forms/guide/time/3");
    assert(chosen > 0.06, `${theme}: the chosen button carries a ring of its text colour (${(chosen * 100).toFixed(1)} % of its pixels)`);
  }
}

// A phone (390 px): long exercise titles on the overview wrap instead of running off the screen,
// the book button goes under "Start reading" when both do not fit, and the quadrant map stays
// inside the content column (its right edge no further than the full-width fields above it).
export async function phone_overview_and_map_stay_inside_the_screen(t) {
  const { page, errors } = await openApp(t, { path: "/?test=1#/pl/unit/4", viewport: { width: 390, height: 844 } });
  await waitForIdle(page);
  const rects = await page.evaluate(() => window.crbTest.rects);
  const right = (r) => r[0] + r[2];
  const read = await rectOf(page, "overview/read"), book = await rectOf(page, "overview/book");
  assert(book[1] > read[1] + read[3] - 1, `the book button is on its own line (read ${read}, book ${book})`);
  const links = Object.keys(rects).filter((k) => k.startsWith("overview/ex/"));
  assert(links.length >= 2, `exercise links on screen (${links.join(", ")})`);
  const column = await rectOf(page, "nav/combo");  // the full-width section menu above the page
  for (const k of [...links, "overview/book"]) assert(right(rects[k]) <= right(column), `${k} (${rects[k]}) ends inside the column (${column})`);
  assert(links.some((k) => rects[k][3] > 1.6 * rects["overview/read"][3] - 12), "a long title wraps onto a second line");

  await page.evaluate(() => { location.hash = "#/pl/unit/1/influence_map"; });
  await waitForIdle(page);
  await click(page, "unit1/influence_map/add");
  await page.mouse.move(200, 500);
  await page.mouse.wheel(0, 420);
  await waitForIdle(page);
  const slider = await rectOf(page, "unit1/influence_map/item1/interest");
  const board = await rectOf(page, "unit1/influence_map/board");
  assert(right(board) <= right(slider) + 1, `the map (${board}) ends where the fields end (${slider})`);

  // The Listen page's section list wraps long headings; NPS's row of buttons wraps onto a new line.
  await page.evaluate(() => { location.hash = "#/pl/unit/2/listen"; });
  await waitForIdle(page);
  const first = await rectOf(page, "listen/section/1"), second = await rectOf(page, "listen/section/2");
  assert(right(first) <= right(column), `the first section (${first}) ends inside the column (${column})`);
  assert(first[3] > 1.4 * second[3], `its long heading wraps (${first} against ${second})`);
  await page.setViewportSize({ width: 390, height: 1500 });
  await page.evaluate(() => { location.hash = "#/pl/unit/2/nps"; });
  await waitForIdle(page);
  const csv = await rectOf(page, "unit2/nps/csv");
  assert(right(csv) <= right(await rectOf(page, "nav/combo")), `"Export table as CSV" (${csv}) is on screen`);
  assertEqual(errors.join("\n"), "", "console errors");
}

// The page's "Accessible view" button sits over the canvas's bottom-right corner: scrolled to the
// end, the last control of a page (the quiz link of unit IV's overview on a phone) ends above it.
export async function the_last_control_scrolls_clear_of_the_accessible_view_button(t) {
  const { page } = await openApp(t, { path: "/?test=1#/pl/unit/4", viewport: { width: 390, height: 700 } });
  await waitForIdle(page);
  await page.mouse.move(200, 400);
  let last = "";
  for (let i = 0; i < 40; ++i) {  // wheel until the page stops moving
    await page.mouse.wheel(0, 400);
    await framesCaughtUp(page);
    const now = JSON.stringify(await page.evaluate(() => window.crbTest.rects));
    if (now === last) break;
    last = now;
  }
  const open = await rectOf(page, "overview/ex/quiz");
  const toggle = await page.evaluate(() => { const r = document.getElementById("crb-view-toggle").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; });
  assert(open[1] + open[3] <= toggle[1], `the quiz link (${open}) ends above the button (${toggle})`);
}
