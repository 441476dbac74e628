// Headless Chromium as this project drives it (Debian's chromium through npm's playwright-core):
// the binary, the flags that work here (docs/toolchain.md pitfall 6) and a wait for the app's frames
// to stop. Shared by the browser tests (tests/browser/run.mjs), the bench, the screenshot tool and
// the build's wasm split.
export const CHROMIUM = process.env.CRB_CHROMIUM || "/usr/lib/chromium/chromium";
export const CHROMIUM_ARGS = [
  "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

// Waits until the app has drawn no frame (window.crbFramesDrawn unchanged) for `quietMs`, at most
// `timeoutMs`; true when it went quiet.
export async function framesQuiet(page, quietMs, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let last = await page.evaluate(() => window.crbFramesDrawn || 0);
  let since = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(50);
    const now = await page.evaluate(() => window.crbFramesDrawn || 0);
    if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return true;
  }
  return false;
}
