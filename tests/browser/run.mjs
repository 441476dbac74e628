// Browser test runner: serves dist/ on a free loopback port, starts Debian's Chromium headless
// (flags from docs/toolchain.md, pitfall 6), and runs every tests/browser/*.test.mjs.
//
// A test file exports async functions; each exported function is one test, called with a context
// `t` = { browser, baseUrl, name, pages, contexts } (use helpers.mjs: openApp(t, ...) gives a fresh
// context = fresh storage). Exports whose names start with "_" are not tests.
// Output: `ok - file: name` / `not ok - file: name` per test, a screenshot of each failing test's
// last page in build/browser-artifacts/, and a final line `N passed, N failed`.
//
//   node tests/browser/run.mjs [FILTER]     (FILTER: substring of "file: name")
import { readdirSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../tools/chromium.mjs";
import { startServer } from "../../tools/serve.mjs";
import { ARTIFACTS_DIR, REPO_ROOT } from "./helpers.mjs";

const TEST_TIMEOUT_MS = 60000;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const filter = process.argv[2] || "";
  const testDir = path.join(REPO_ROOT, "tests", "browser");
  const files = readdirSync(testDir).filter((f) => f.endsWith(".test.mjs")).sort();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  const server = await startServer({ root: path.join(REPO_ROOT, "dist"), port: 0 });
  // chromium.launch gives every run its own temporary profile (user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let passed = 0, failed = 0;
  try {
    for (const file of files) {
      const mod = await import(pathToFileURL(path.join(testDir, file)).href);
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || name.startsWith("_")) continue;
        const title = `${file.replace(/\.test\.mjs$/, "")}: ${name}`;
        if (filter && !title.includes(filter)) continue;
        const t = { browser, baseUrl: server.url, name: title, pages: [], contexts: [] };
        try {
          await withTimeout(fn(t), TEST_TIMEOUT_MS, title);
          passed++;
          console.log(`ok - ${title}`);
        } catch (err) {
          failed++;
          console.log(`not ok - ${title}`);
          console.log(String(err && err.stack ? err.stack : err).split("\n").map((l) => `  # ${l}`).join("\n"));
          const page = t.pages[t.pages.length - 1];
          if (page && !page.isClosed()) {
            const shot = path.join(ARTIFACTS_DIR, `FAILED-${title.replace(/[^A-Za-z0-9_-]+/g, "_")}.png`);
            await page.screenshot({ path: shot }).then(() => console.log(`  # screenshot: ${shot}`), () => {});
          }
        } finally {
          for (const c of t.contexts) await c.close().catch(() => {});
        }
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
