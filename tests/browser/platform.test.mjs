// The web platform layer: hi-DPI backing store, render on demand (the loop pauses when idle and
// input wakes it), and the text agent (typed, IME-style and pasted text reach ImGui).
import { assert, assertEqual, decodePng, framesDrawn, openApp, pixelDifference, screenshot, waitForIdle }
  from "./helpers.mjs";

// The placeholder screen's text field (CSS px): below the title, subtitle and test line.
const FIELD = { x: 120, y: 95 };

export async function hidpi_backing_store_matches_device_pixels(t) {
  const { page } = await openApp(t, { deviceScaleFactor: 2, viewport: { width: 640, height: 400 } });
  const size = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assertEqual(size.cssW, 640, "canvas fills the window (CSS width)");
  assertEqual(size.w, 1280, "backing store width = CSS width x devicePixelRatio");
  assertEqual(size.h, 800, "backing store height = CSS height x devicePixelRatio");
  await screenshot(page, "hidpi-2x");
}

export async function idle_loop_pauses_and_input_wakes_it(t) {
  const { page } = await openApp(t);
  const idle = await waitForIdle(page);
  await page.waitForTimeout(700);
  assertEqual(await framesDrawn(page), idle, "no frames while idle");
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForFunction((n) => window.crbFramesDrawn > n, idle, { timeout: 5000 });
  const after = await waitForIdle(page);
  assert(after - idle <= 20, `a mouse move draws a few frames, not ${after - idle}`);
}

export async function text_agent_types_polish_and_pastes(t) {
  const { page, errors } = await openApp(t, { path: "/?lang=pl" });
  await waitForIdle(page);
  const before = decodePng((await screenshot(page, "text-agent-before")).buffer);

  await page.mouse.click(FIELD.x, FIELD.y);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "crb-text-agent",
                             null, { timeout: 5000 });
  await page.keyboard.type("Ab ");              // keydown/keypress/input: typed once, not twice
  await page.keyboard.insertText("łódź");       // like an IME commit: input events only
  await page.evaluate(() => {                    // a paste event, as Ctrl+V produces
    const data = new DataTransfer();
    data.setData("text/plain", " — 20 €");
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  });
  await page.waitForTimeout(300);
  assertEqual(await page.evaluate(() => document.activeElement.value), "", "agent emptied after each input");
  const typed = decodePng((await screenshot(page, "text-agent-typed")).buffer);
  assert(pixelDifference(before, typed) > 0.0005, "typed text shows in the field");

  // While a text field is active the loop keeps drawing slowly (caret), not at full rate.
  const f0 = await framesDrawn(page);
  await page.waitForTimeout(1000);
  const perSecond = (await framesDrawn(page)) - f0;
  assert(perSecond >= 2 && perSecond <= 8, `caret redraws ~4 fps while editing, got ${perSecond}`);

  // Clicking outside the field ends text input: the agent gives up focus and the loop goes idle.
  await page.mouse.click(600, 400);
  await page.waitForFunction(() => !document.activeElement || document.activeElement.id !== "crb-text-agent",
                             null, { timeout: 5000 });
  await waitForIdle(page);
  assertEqual(errors.join("\n"), "", "console errors");
}

export async function device_pixel_ratio_change_resizes_and_redraws(t) {
  const { page, context, errors } = await openApp(t, { viewport: { width: 640, height: 400 } });
  await waitForIdle(page);
  assertEqual(await page.evaluate(() => document.getElementById("canvas").width), 640, "dpr 1 backing store");
  const cdp = await context.newCDPSession(page);  // like moving the window to a 2x screen / zooming
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  // Headless Chromium sends neither resize nor a media query change here; the next input at the
  // latest makes the app notice (real browsers also fire the media query listener).
  await page.mouse.move(200, 200);
  await page.waitForFunction(() => document.getElementById("canvas").width === 1280, null, { timeout: 5000 });
  await waitForIdle(page);
  await screenshot(page, "dpr-change-2x");
  assertEqual(errors.join("\n"), "", "console errors");
}
