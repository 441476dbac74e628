// The app loads, draws its first screen in either language without console errors, and the canvas
// shows something (not one flat colour). Screenshots are kept in build/browser-artifacts/.
import { assert, assertEqual, colourStats, decodePng, openApp, screenshot } from "./helpers.mjs";

async function checkRendered(page, name) {
  const { buffer, file } = await screenshot(page, name);
  const stats = colourStats(decodePng(buffer));
  // Anti-aliased text in several sizes gives dozens of colours; a blank canvas gives one or two.
  assert(stats.distinct >= 16, `${file}: only ${stats.distinct} colours, canvas looks blank`);
  assert(stats.nonBackground > 0.002, `${file}: ${(stats.nonBackground * 100).toFixed(2)} % drawn, looks blank`);
}

export async function loads_in_english_without_errors(t) {
  const { page, errors } = await openApp(t, { path: "/", locale: "en-US" });
  await checkRendered(page, "smoke-en");
  assertEqual(await page.evaluate(() => document.documentElement.lang), "en", "html lang");
  assertEqual(await page.title(), "Customer Relationship Building", "document title");
  assert(await page.evaluate(() => window.crbFramesDrawn > 0), "crbFramesDrawn counts frames");
  assert(await page.evaluate(() => getComputedStyle(document.getElementById("loading")).display === "none"),
         "loading indicator hidden once ready");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function lang_pl_query_renders_polish(t) {
  const { page, errors } = await openApp(t, { path: "/?lang=pl", locale: "en-US" });
  await checkRendered(page, "smoke-pl");
  assertEqual(await page.evaluate(() => document.documentElement.lang), "pl", "html lang");
  assertEqual(await page.title(), "Budowanie relacji z klientem", "document title");
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function language_from_hash_and_browser(t) {
  // Precedence (app/ui/app.cpp): the address (#/pl...) wins, then ?lang=, then the learner's last
  // choice, then navigator.language, then English.
  const fromHash = await openApp(t, { path: "/#/pl", locale: "en-US" });
  assertEqual(await fromHash.page.evaluate(() => document.documentElement.lang), "pl", "#/pl");
  const fromBrowser = await openApp(t, { path: "/", locale: "pl-PL" });
  assertEqual(await fromBrowser.page.evaluate(() => document.documentElement.lang), "pl", "navigator.language pl-PL");
  const queryBeatsBrowser = await openApp(t, { path: "/?lang=en", locale: "pl-PL" });
  assertEqual(await queryBeatsBrowser.page.evaluate(() => document.documentElement.lang), "en", "?lang=en over pl-PL");
}
