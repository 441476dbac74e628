// Narration ("audiobook"): the Listen page reads the unit section by section with the browser's
// speech synthesis, in the chosen language. Chromium headless has no voices, so the tests install
// a small speechSynthesis stand-in that records what it is asked to say and finishes each utterance
// after a short delay, like a real voice would.
import { assert, assertEqual, installSpeech, openApp, waitForIdle } from "./helpers.mjs";

async function clickId(page, id) {
  const r = await page.waitForFunction((n) => window.crbTest && window.crbTest.rects[n], id, { timeout: 5000 }).then((h) => h.jsonValue());
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
}

// A page on `hash` (test mode) whose speech synthesis is the stand-in with voices for `langs`.
async function openWithVoices(t, hash, langs) {
  const context = await t.browser.newContext({ viewport: { width: 1200, height: 800 } });
  t.contexts.push(context);
  await context.addInitScript(installSpeech(), langs);
  const page = await context.newPage();
  t.pages.push(page);
  await page.goto(new URL("/?test=1" + hash, t.baseUrl).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await waitForIdle(page);
  return page;
}

export async function listen_reads_sections_in_order_in_polish(t) {
  const page = await openWithVoices(t, "#/pl/unit/2/listen", ["pl-PL", "en-GB"]);
  await clickId(page, "listen/play");
  // The title chunk, then the first section follow by themselves once each utterance ends.
  await page.waitForFunction(() => window.crbSaid.length >= 3, null, { timeout: 8000 });
  const said = await page.evaluate(() => window.crbSaid);
  assert(said[0].text.startsWith("Moduł 2."), `starts with the unit title line, got ${said[0].text.slice(0, 40)}`);
  assertEqual(said[0].lang, "pl-PL", "Polish utterance");
  assertEqual(said[0].voice, "pl-PL", "a Polish voice is chosen");
  assert(said[1].text !== said[0].text && said[1].text.length > 100, "the next section follows");
  await clickId(page, "listen/section/5");  // jump to a section while playing
  await page.waitForFunction((n) => window.crbSaid.length > n, said.length, { timeout: 5000 });
  const s2 = await page.evaluate(() => window.crbSaid);
  assert(s2.some((x) => x.text === s2[s2.length - 1].text), "jumped section is read");
}

export async function listen_says_clearly_when_no_voice_exists(t) {
  const page = await openWithVoices(t, "#/pl/unit/1/listen", ["en-GB"]);  // no Polish voice
  await clickId(page, "listen/play");
  await page.waitForTimeout(400);
  assertEqual(await page.evaluate(() => window.crbSaid.length), 0, "nothing is spoken without a Polish voice");
  assert(await page.evaluate(() => "listen/no_voice" in window.crbTest.rects), "the page says there is no Polish voice");
}

// The accessible view's Listen page: Play on one section reads it and then the following sections,
// like the canvas; Stop ends the reading.
export async function listen_in_the_accessible_view_reads_on_until_stopped(t) {
  const page = await openWithVoices(t, "#/pl/unit/2/listen", ["pl-PL", "en-GB"]);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");  // the skip link: the accessible view
  await page.waitForFunction(() => document.documentElement.classList.contains("crb-a11y"));
  await page.waitForFunction(() => document.getElementById("b-listen-3"), null, { timeout: 5000 });
  const heading = (i) => page.evaluate((n) => document.getElementById(`m-listen-${n}`).textContent, i);
  await page.focus("#b-listen-1");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.crbSaid.length >= 3, null, { timeout: 8000 });
  const said = await page.evaluate(() => window.crbSaid);
  for (let i = 0; i < 3; ++i) {
    const h = await heading(i + 1);
    assert(said[i].text.startsWith(h), `utterance ${i + 1} reads section ${i + 1} ("${h}"), got "${said[i].text.slice(0, 40)}"`);
    assertEqual(said[i].lang, "pl-PL", "Polish utterance");
  }
  await page.focus("#b-listen-stop");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  const n = await page.evaluate(() => window.crbSaid.length);
  await page.waitForTimeout(700);  // several utterance lengths of the stand-in voice
  assertEqual(await page.evaluate(() => window.crbSaid.length), n, "nothing more is read after Stop");
}

// The accessible view's Listen page marks the section being read (aria-current, bold, a border) and
// moves the mark as the reading goes on, without taking focus off the control in use.
export async function listen_in_the_accessible_view_marks_the_section_being_read(t) {
  const page = await openWithVoices(t, "#/en/unit/1/listen", ["en-GB", "pl-PL"]);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");  // the skip link: the accessible view
  await page.waitForFunction(() => document.getElementById("b-listen-2"), null, { timeout: 5000 });
  const marked = () => page.evaluate(() => {
    const items = [...document.querySelectorAll("#m-sections > li")];
    const on = items.map((li, i) => (li.getAttribute("aria-current") === "true" ? i : -1)).filter((i) => i >= 0);
    const weight = on.length ? getComputedStyle(items[on[0]]).fontWeight : "";
    return { on, weight, focus: document.activeElement && document.activeElement.id };
  });
  assertEqual(JSON.stringify((await marked()).on), "[]", "nothing is marked before Play");
  // The stand-in voice ends an utterance only when the test says so.
  await page.evaluate(() => speechSynthesis.pause());
  await page.focus("#b-listen-1");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#m-sections > li:nth-child(2)[aria-current='true']"), null, { timeout: 5000 });
  let m = await marked();
  assertEqual(JSON.stringify(m.on), "[1]", "the section played is the one marked");
  assertEqual(m.weight, "700", "the marked section is bold");
  assertEqual(m.focus, "b-listen-1", "focus stays on the Play button");
  await page.evaluate(() => { const s = speechSynthesis, u = s.current; s.speaking = false; s.current = null; u.onend(); });
  await page.waitForFunction(() => document.querySelector("#m-sections > li:nth-child(3)[aria-current='true']"), null, { timeout: 5000 });
  m = await marked();
  assertEqual(JSON.stringify(m.on), "[2]", "the mark moves on with the reading");
  assertEqual(m.focus, "b-listen-1", "focus still on the Play button");
  await page.focus("#b-listen-stop");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("#m-sections > li[aria-current]"), null, { timeout: 5000 });
}
