// Helpers for browser tests: open the app in a fresh context, wait until it is ready, collect
// console errors, take screenshots into build/browser-artifacts/, and look at the pixels.
import { inflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const ARTIFACTS_DIR = path.join(REPO_ROOT, "build", "browser-artifacts");

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`assertion failed: ${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// A fresh browser context (empty storage, cookies, cache) with the app loaded and ready
// (<html data-ready="1">). `errors` collects console errors, uncaught exceptions and failed requests.
export async function openApp(t, { path: urlPath = "/", viewport = { width: 900, height: 540 },
                                   deviceScaleFactor = 1, locale = "en-US", timeout = 20000, hasTouch = false } = {}) {
  const context = await t.browser.newContext({ viewport, deviceScaleFactor, locale, hasTouch });
  t.contexts.push(context);
  const page = await context.newPage();
  t.pages.push(page);
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`console: ${msg.text()}`); });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  page.on("response", (res) => { if (res.status() >= 400) errors.push(`http ${res.status()}: ${res.url()}`); });
  await page.goto(new URL(urlPath, t.baseUrl).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout });
  return { page, context, errors };
}

// The rectangle [x, y, w, h] of widget `id` (ui::tid), waiting for it to be on screen.
export async function rectOf(target, id, timeout = 5000) {
  const handle = await target.waitForFunction((name) => window.crbTest && window.crbTest.rects[name], id, { timeout })
    .catch(() => null);
  assert(handle, `widget ${id} is on screen`);
  return handle.jsonValue();
}

// The answer of exercise `key` as stored in localStorage for the current workbook, or null.
export async function storedAnswer(target, key) {
  return target.evaluate((k) => {
    const index = JSON.parse(localStorage.getItem("crb:index") || "null");
    const wb = index && JSON.parse(localStorage.getItem("crb:wb:" + index.current) || "null");
    return wb && wb.answers[k] !== undefined ? wb.answers[k] : null;
  }, key);
}

// Waits until the stored answer of `key` satisfies `ok` (checked in Node); throws `what` after `timeout`.
export async function waitForStoredAnswer(target, key, ok, what, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const answer = await storedAnswer(target, key);
    if (answer !== null && ok(answer)) return answer;
    if (Date.now() > end) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function framesDrawn(page) {
  return page.evaluate(() => window.crbFramesDrawn || 0);
}

// Polls the frame counter every `pollMs` until no frame has been drawn for `quietMs`: the count
// then, or null when `timeout` passed first.
async function quietFrames(page, quietMs, timeout, pollMs) {
  const end = Date.now() + timeout;
  let last = await framesDrawn(page);
  let since = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(pollMs);
    const now = await framesDrawn(page);
    if (now !== last) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return last;
  }
  return null;
}

// Before reading a widget's rectangle: the rectangles are those of the last drawn frame, so let the
// frames that follow recent input be drawn first (no new frame for `quietMs`, at most `timeout`; a
// focused text field's caret keeps drawing slowly, so this does not wait for a full pause).
export async function framesCaughtUp(page, { quietMs = 120, timeout = 1500 } = {}) {
  await quietFrames(page, quietMs, timeout, 40);
}

// After input: the app draws a few frames (ImGui needs them to open a popup or move focus). Waits for
// two more frames than now, then until none has been drawn for a moment, so that the rectangles and
// state read next are those of the settled frame (a fixed short wait after two frames raced a slow
// third frame on a loaded machine).
export async function settle(target, { timeout = 5000 } = {}) {
  const n = await framesDrawn(target);
  await target.waitForFunction((m) => (window.crbFramesDrawn || 0) >= m + 2, n, { timeout }).catch(() => {});
  await framesCaughtUp(target);
}

// Wait until no frame has been drawn for `quietMs` (the main loop paused itself).
export async function waitForIdle(page, { quietMs = 500, timeout = 10000 } = {}) {
  const frames = await quietFrames(page, quietMs, timeout, 100);
  if (frames === null) throw new Error(`app still drawing after ${timeout} ms (frames: ${await framesDrawn(page)})`);
  return frames;
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const buffer = await page.screenshot();
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  writeFileSync(file, buffer);
  return { buffer, file };
}

// Minimal PNG decoder (8-bit RGB/RGBA, not interlaced: what Chromium writes) -> RGBA pixels.
export function decodePng(buffer) {
  const sig = "89504e470d0a1a0a";
  if (buffer.subarray(0, 8).toString("hex") !== sig) throw new Error("not a PNG");
  let offset = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colorType = data[9];
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${data[12]})`);
      }
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = line[x * bpp];
      out[(y * width + x) * 4 + 1] = line[x * bpp + 1];
      out[(y * width + x) * 4 + 2] = line[x * bpp + 2];
      out[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, pixels: out };
}

// Number of distinct colours and the share of pixels that differ from the most common colour.
export function colourStats(png) {
  const counts = new Map();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const key = png.pixels.readUInt32BE(i);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  const total = png.width * png.height;
  return { distinct: counts.size, nonBackground: (total - top) / total };
}

// Fraction of pixels that differ between two decoded PNGs of the same size.
export function pixelDifference(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let diff = 0;
  for (let i = 0; i < a.pixels.length; i += 4) {
    if (a.pixels.readUInt32BE(i) !== b.pixels.readUInt32BE(i)) diff++;
  }
  return diff / (a.width * a.height);
}

// A speechSynthesis stand-in for headless Chromium (which has no voices), for addInitScript with
// the voice languages as argument: it records what it is asked to say (window.crbSaid) and ends each
// utterance after a short delay, like a real voice would.
export function installSpeech() {
  return (langs) => {
    const said = [];
    window.crbSaid = said;
    const synth = {
      speaking: false, pending: false, paused: false, current: null,
      getVoices: () => langs.map((l) => ({ lang: l, name: "Test " + l })),
      addEventListener: () => {},
      speak(u) {
        this.speaking = true; this.current = u;
        said.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.lang });
        const me = u;
        setTimeout(() => { if (synth.current === me && !synth.paused) { synth.speaking = false; synth.current = null; me.onend && me.onend(); } }, 150);
      },
      cancel() { this.speaking = false; this.current = null; },
      pause() { this.paused = true; },
      resume() { this.paused = false; },
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.rate = 1; };
  };
}
