// Screenshots for looking at the UI by eye: node tools/shots.mjs OUT_DIR "name|/path?query#hash|WxH[|script]" ...
// Serves dist/, opens each URL in a fresh context (test mode on), waits for the app to settle,
// optionally runs a small script (clicks by test id: "click:<id>;type:<text>;wait:<ms>;settings:<json>")
// and saves OUT_DIR/<name>.png. A developer tool, not a test.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, framesQuiet } from "./chromium.mjs";
import { startServer } from "./serve.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = process.argv[2];
mkdirSync(out, { recursive: true });
const server = await startServer({ root: path.join(root, "dist"), port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const settle = (page) => framesQuiet(page, 150, 7500);
for (const spec of process.argv.slice(3)) {
  const [name, url, size = "1200x800", script = ""] = spec.split("|");
  const [w, h] = size.split("x").map(Number);
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`[${name}] ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`[${name}] pageerror: ${e.message}`));
  const u = new URL(url, server.url);
  if (!u.searchParams.has("test")) u.searchParams.set("test", "1");
  await page.goto(u.href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
  await settle(page);
  for (const step of script.split(";").filter(Boolean)) {
    const [op, ...rest] = step.split(":");
    const arg = rest.join(":");
    if (op === "click") {
      const r = await page.evaluate((id) => window.crbTest && window.crbTest.rects[id], arg);
      if (!r) { console.log(`[${name}] no rect for ${arg}`); continue; }
      await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
    } else if (op === "type") {
      await page.keyboard.type(arg);
    } else if (op === "key") {
      await page.keyboard.press(arg);
    } else if (op === "wheel") {
      await page.mouse.move(w / 2, h / 2);
      await page.mouse.wheel(0, Number(arg));
    } else if (op === "settings") {  // settings:{"text_scale":2} -> stored, then the page reloads
      await page.evaluate((json) => localStorage.setItem("crb:settings", json), arg);
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 20000 });
    } else if (op === "wait") {
      await page.waitForTimeout(Number(arg));
    }
    await settle(page);
  }
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await ctx.close();
}
await browser.close();
await server.close();
