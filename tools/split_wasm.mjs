// Splits the linked app into the part its first screen needs and the rest (Emscripten SPLIT_MODULE
// with Binaryen's wasm-split, guided by a profile). Run by the web build (CMakeLists.txt, right after `app`):
//
//   node tools/split_wasm.mjs --linked DIR --web DIR --out DIR --wasm-split PROGRAM
//
// DIR of --linked holds what `em++ -sSPLIT_MODULE=1` wrote: index.js, index.wasm (instrumented: it
// records which functions ran) and index.wasm.orig (the real module). The instrumented app is
// started in headless Chromium on every way a first visit can begin (home in English and Polish, a
// language given in the address, embedded, test mode, wide and phone screens); once its first
// frames are drawn, the profile
// is read out of its memory. wasm-split then writes, into --out:
//   index.wasm           the functions those first frames ran (plus the data: fonts and content)
//   index.deferred.wasm  every other function; web/shell.js fetches it after the first frame, and
//                        loads it on the spot if the app calls into it earlier (Emscripten's
//                        placeholder functions stand in for the split-off ones until then).
// Any failure stops the build with the reason; there is no silent fallback to an unsplit module.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, framesQuiet } from "./chromium.mjs";
import { startServer } from "./serve.mjs";

// Every first screen a first visit (empty storage) can start on without a link into a unit, on a
// wide and on a phone screen. web/shell.js starts a link into a unit, and a returning visitor,
// with both modules.
const WIDE = { width: 1200, height: 800 };
const PHONE = { width: 390, height: 844 };
const ROUTES = [["/", WIDE], ["/#/pl", WIDE], ["/?lang=pl", WIDE], ["/?embed=1", WIDE], ["/?test=1", WIDE],
  ["/?test=1#/pl", WIDE], ["/", PHONE], ["/#/pl", PHONE], ["/?test=1", PHONE]];
const FEATURES = ["--enable-mutable-globals", "--enable-bulk-memory", "--enable-sign-ext",
  "--enable-nontrapping-float-to-int"];

function die(message) {
  console.error(`split_wasm: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!["linked", "web", "out", "wasm-split"].includes(key) || argv[i + 1] === undefined) die(`bad argument ${argv[i]}`);
    opts[key] = path.resolve(argv[i + 1]);
  }
  for (const key of ["linked", "web", "out", "wasm-split"]) if (!opts[key]) die(`--${key} is required`);
  return opts;
}

// The profile of one visit: wasm-split's bytes, written by the instrumented module's
// __write_profile export into a buffer of the app's own heap.
async function profileOf(browser, baseUrl, route, viewport) {
  const context = await browser.newContext({ serviceWorkers: "block", viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(new URL(route, baseUrl).href);
    await page.waitForFunction(() => (window.crbFramesDrawn || 0) >= 1, null, { timeout: 60000 });
    // The frames right after the first (layout settling, the loop pausing) belong to start-up too.
    await framesQuiet(page, 150, 6000);
    if (errors.length) throw new Error(errors.join("; "));
    const bytes = await page.evaluate(() => {
      const exports = window.Module.asm;
      const write = exports.__write_profile;
      const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      if (typeof write !== "function" || !memory) return null;
      const size = 1 << 20;
      const ptr = window.Module._malloc(size);
      const n = write(ptr, size);
      const out = Array.from(new Uint8Array(memory.buffer, ptr, n));
      window.Module._free(ptr);
      return out;
    });
    if (!bytes || bytes.length === 0) throw new Error("the module has no __write_profile export (not linked with -sSPLIT_MODULE=1?)");
    return Buffer.from(bytes);
  } finally {
    await context.close();
  }
}

const opts = parseArgs(process.argv.slice(2));
const orig = path.join(opts.linked, "index.wasm.orig");
for (const f of ["index.js", "index.wasm", "index.wasm.orig"]) {
  try { statSync(path.join(opts.linked, f)); } catch { die(`${path.join(opts.linked, f)} is missing`); }
}

// A throw-away site: the page files of web/ with the instrumented app.
const tmp = mkdtempSync(path.join(os.tmpdir(), "crb-split-"));
let browser = null;
let server = null;
let failure = null;
try {
  for (const name of readdirSync(opts.web)) copyFileSync(path.join(opts.web, name), path.join(tmp, name));
  copyFileSync(path.join(opts.linked, "index.js"), path.join(tmp, "index.js"));
  copyFileSync(path.join(opts.linked, "index.wasm"), path.join(tmp, "index.wasm"));
  server = await startServer({ root: tmp, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const profiles = [];
  for (const [i, [route, viewport]] of ROUTES.entries()) {
    let data;
    try {
      data = await profileOf(browser, server.url, route, viewport);
    } catch (e) {
      throw new Error(`profiling ${route} failed: ${e.message.split("\n")[0]}`);
    }
    const file = path.join(tmp, `visit${i}.prof`);
    writeFileSync(file, data);
    profiles.push(file);
  }
  const merged = path.join(tmp, "merged.prof");
  execFileSync(opts["wasm-split"], ["--merge-profiles", ...profiles, "-o", merged], { stdio: "inherit" });
  mkdirSync(opts.out, { recursive: true });
  const primary = path.join(opts.out, "index.wasm");
  const deferred = path.join(opts.out, "index.deferred.wasm");
  execFileSync(opts["wasm-split"], [...FEATURES, "--export-prefix=%", orig, "-o1", primary, "-o2", deferred,
    `--profile=${merged}`], { stdio: "inherit" });
  const kb = (f) => `${(statSync(f).size / 1024).toFixed(1)} KB`;
  console.log(`split_wasm: ${kb(orig)} -> first screen ${kb(primary)} + deferred ${kb(deferred)} ` +
    `(profiled ${ROUTES.length} start-ups)`);
} catch (e) {
  failure = e.message.split("\n")[0];
} finally {
  if (browser) await browser.close();
  if (server) await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
if (failure) die(failure);
