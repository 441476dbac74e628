// Performance benchmark: the app against a bare Dear ImGui + SDL2 baseline (bench/baseline/), both
// built by `./dev bench` with the same toolchain and flags, served on loopback and loaded in
// headless Chromium. For each site it takes the median of several runs (a fresh browser per run,
// app and baseline interleaved, in alternating order, so that machine load hits both alike) of:
//   transfer    raw / gzip -9 / brotli q11 of every response the page requested before its first
//               drawn frame (bodies compressed here with node:zlib, the server sends them raw);
//               also, not budgeted, the gzip total of everything loaded by the end of the run
//               (the app's second module, fetched after its first frame, included);
//   first frame performance.now() (relative to navigation start) when window.crbFramesDrawn is
//               first set, i.e. right after the first frame was drawn; also <html data-ready>.
//               Single loads vary by +-40 % here (most of it Chromium setting up WebGL, the same
//               for both sites), so besides the full runs each site is loaded `--loads` more times
//               (fresh browser each, interleaved) for these two figures alone: their medians are
//               over all loads;
//   idle        frames drawn and CPU used during `--idle` seconds without input, starting 2 s after
//               data-ready, as % of one core: the page's main thread (CDP Performance.getMetrics
//               TaskDuration, the wall time of its tasks) and all processes of the browser (CDP
//               SystemInfo.getProcessInfo), both budgeted; shown too: the renderer processes
//               and the GPU process (headless Chromium rasterises WebGL there, in software, so a
//               redrawing page costs little in its own renderer process). Process CPU comes in
//               10 ms ticks: over 10 s one tick is 0.1 %.
//   wasm heap   WebAssembly.Memory byteLength after visiting every screen (app: every unit's
//               overview, read, listen, summary and exercise page in English and Polish through
//               location.hash; baseline: after the idle period). The memory is found by wrapping
//               WebAssembly.instantiate* in an init script, so no hook is needed in the app.
// Then it runs the native frame benchmark (bench/frame_bench.cpp) when given, prints one table with
// the budgets from issue 8 and writes everything to a JSON file.
//
//   node tools/bench.mjs --app dist --baseline build/web/baseline [--runs 9] [--loads 16] [--idle 10]
//        [--frame-bench build/bench-native/frame_bench] [--out build/bench/results.json]
//
// Service workers are blocked: the app's worker precaches the site after load, in its own thread,
// which is neither "before the first frame" nor the page being idle.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, framesQuiet as waitQuiet } from "./chromium.mjs";
import { startServer } from "./serve.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VIEWPORT = { width: 1280, height: 720 };
const SETTLE_MS = 2000;  // after data-ready, before the idle window starts

const BUDGETS = {
  transferGzip: 400 * 1024,  // bytes, everything before the first frame
  transferRatio: 2.0,        // x baseline (gzip)
  firstFrameRatio: 1.3,      // x baseline
  idleFrames: 0,             // frames in the idle window
  idleCpuShare: 0.02,        // app / baseline, for the page's main thread and for all processes
  frameMs: 1.0,              // native heaviest-screen frame build, median
  heapBytes: 32 * 1024 * 1024,
};

function parseArgs(argv) {
  const o = { app: "dist", baseline: "build/web/baseline", runs: 9, loads: 16, idle: 10, frameBench: "",
              out: "build/bench/results.json", frameBenchArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split("=", 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (key === "--app") o.app = value();
    else if (key === "--baseline") o.baseline = value();
    else if (key === "--runs") o.runs = Number(value());
    else if (key === "--loads") o.loads = Number(value());
    else if (key === "--idle") o.idle = Number(value());
    else if (key === "--frame-bench") o.frameBench = value();
    else if (key === "--out") o.out = value();
    else throw new Error(`bench: unknown argument ${argv[i]}`);
  }
  if (!(o.runs >= 1) || !(o.idle > 0)) throw new Error("bench: --runs and --idle must be positive");
  if (!Number.isInteger(o.loads) || o.loads < 0) throw new Error("bench: --loads must be 0 or more");
  return o;
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// Runs in the page before any of its scripts: first-frame time, and the wasm memory.
function pageProbe() {
  const probe = (window.__crbBench = { firstFrame: null, ready: null, memory: null });
  let frames;
  Object.defineProperty(window, "crbFramesDrawn", {
    configurable: true,
    get() { return frames; },
    set(v) {
      if (probe.firstFrame === null && v >= 1) probe.firstFrame = performance.now();
      frames = v;
    },
  });
  new MutationObserver(() => {
    const html = document.documentElement;
    if (probe.ready === null && html && html.dataset.ready) probe.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
  const remember = (instance) => {
    if (!instance || probe.memory) return;
    for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) probe.memory = v;
  };
  const wrap = (name) => {
    const orig = WebAssembly[name];
    if (!orig) return;
    WebAssembly[name] = function (...args) {
      return orig.apply(this, args).then((r) => {
        remember(r instanceof WebAssembly.Instance ? r : r.instance);
        return r;
      });
    };
  };
  wrap("instantiate");
  wrap("instantiateStreaming");
  const origMemory = WebAssembly.Memory;  // imported memory (not Emscripten's default) also counts
  WebAssembly.Memory = function (desc) {
    const m = new origMemory(desc);
    if (!probe.memory) probe.memory = m;
    return m;
  };
  WebAssembly.Memory.prototype = origMemory.prototype;
}

// Every screen of the course: overview, read, listen, summary and each exercise, in both languages.
function allHashes() {
  const out = [];
  const units = [];
  for (let n = 1; n <= 99; n++) {
    let unit;
    try {
      unit = JSON.parse(readFileSync(path.join(REPO_ROOT, "content", `unit${n}.json`), "utf8"));
    } catch {
      break;
    }
    units.push(unit);
  }
  for (const lang of ["en", "pl"]) {
    for (const u of units) {
      const base = `#/${lang}/unit/${u.number}`;
      out.push(base, `${base}/read`, `${base}/listen`, `${base}/summary`);
      for (const ex of u.exercises) out.push(`${base}/${ex.id}`);
    }
  }
  return out;
}

// CPU seconds so far of the renderer processes, the GPU process and all processes of this browser.
// Renderers are summed: which one hosts the page is not exposed, and the others (a spare, one for
// Chromium's own UI) stay at 0 while nothing happens, which is the point of the measurement.
async function processCpu(cdp) {
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  const sum = (type) => processInfo.filter((p) => p.type === type).reduce((s, p) => s + p.cpuTime, 0);
  return { renderer: sum("renderer"), gpu: sum("GPU"), total: processInfo.reduce((s, p) => s + p.cpuTime, 0) };
}

// A fresh browser with one page that has the probe, as every measurement starts.
async function openPage() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: "en-US",
                                               serviceWorkers: "block" });
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    return { browser, context, page, errors };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

// Opens `url` and waits for the start-up signals: the first drawn frame and <html data-ready>.
async function startUp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 60000 });
  await page.waitForFunction(() => window.__crbBench.firstFrame !== null, null, { timeout: 10000 });
  return page.evaluate(() => ({ firstFrameMs: window.__crbBench.firstFrame, readyMs: window.__crbBench.ready }));
}

// One more load for the start-up times only (--loads).
async function startUpOnce(kind, url) {
  const { browser, page, errors } = await openPage();
  try {
    const times = await startUp(page, url);
    if (errors.length) throw new Error(`${kind}: page errors: ${errors.join("; ")}`);
    return times;
  } finally {
    await browser.close().catch(() => {});
  }
}

async function measureOnce(kind, url, opts) {
  const { browser, context, page, errors } = await openPage();
  try {
    const bodies = new Map();  // url -> Promise<Buffer>
    page.on("response", (res) => {
      if (res.status() < 300) bodies.set(res.url(), res.body().catch(() => null));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const browserCdp = await browser.newBrowserCDPSession();

    const times = await startUp(page, url);
    // Everything the page requested before its first frame (the document itself included).
    const resources = await page.evaluate(() => [location.href.split("#")[0]].concat(
      performance.getEntriesByType("resource")
        .filter((e) => e.startTime <= window.__crbBench.firstFrame).map((e) => e.name)));

    // Transfer: each body compressed on its own, as a server would send it.
    const sizes = async (urls) => {
      const out = [];
      for (const u of new Set(urls)) {
        const body = bodies.has(u) ? await bodies.get(u) : null;
        if (!body) continue;
        out.push({
          url: new URL(u).pathname,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          brotli: brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 11,
                                                       [zc.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
        });
      }
      return out;
    };
    const files = await sizes(resources);
    const total = (k) => files.reduce((s, f) => s + f[k], 0);

    // Idle window: no input at all.
    await page.waitForTimeout(SETTLE_MS);
    const metric = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const get = (n) => (metrics.find((m) => m.name === n) || {}).value || 0;
      return { task: get("TaskDuration"), script: get("ScriptDuration") };
    };
    const f0 = await page.evaluate(() => window.crbFramesDrawn || 0);
    const m0 = await metric();
    const c0 = await processCpu(browserCdp);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, opts.idle * 1000));
    const c1 = await processCpu(browserCdp);
    const m1 = await metric();
    const t1 = Date.now();
    const f1 = await page.evaluate(() => window.crbFramesDrawn || 0);
    const secs = (t1 - t0) / 1000;
    const pct = (a, b) => (100 * (b - a)) / secs;

    // Memory after every screen (the app), or after idling (the baseline: it has one screen).
    let visited = 0;
    if (kind === "app") {
      for (const h of allHashes()) {
        await page.evaluate((hash) => { location.hash = hash; }, h);
        await waitQuiet(page, 150, 5000);
        visited++;
      }
      await page.evaluate(() => { location.hash = "#/en"; });
      await waitQuiet(page, 150, 5000);
    }
    const heap = await page.evaluate(() => (window.__crbBench.memory ? window.__crbBench.memory.buffer.byteLength : null));
    // Everything the page loaded by now, the app's second module (fetched after the first frame)
    // included: shown beside the budgeted figure, not budgeted itself.
    const allFiles = await sizes(await page.evaluate(() => [location.href.split("#")[0]].concat(
      performance.getEntriesByType("resource").map((e) => e.name))));
    if (errors.length) throw new Error(`${kind}: page errors: ${errors.join("; ")}`);
    return {
      files,
      transfer: { raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") },
      transferAllGzip: allFiles.reduce((sum, f) => sum + f.gzip, 0),
      laterFiles: allFiles.filter((f) => !files.some((g) => g.url === f.url)),
      firstFrameMs: times.firstFrameMs,
      readyMs: times.readyMs,
      idle: {
        seconds: secs,
        frames: f1 - f0,
        rendererCpuPct: pct(c0.renderer, c1.renderer),
        gpuCpuPct: pct(c0.gpu, c1.gpu),
        allProcessesCpuPct: pct(c0.total, c1.total),
        mainThreadTaskPct: pct(m0.task, m1.task),
        mainThreadScriptPct: pct(m0.script, m1.script),
      },
      heapBytes: heap,
      screensVisited: visited,
    };
  } finally {
    await browser.close().catch(() => {});
  }
}

function summarise(runs, extraLoads) {
  const pick = (f) => median(runs.map(f));
  const loads = runs.concat(extraLoads);  // every load has the start-up times
  return {
    runs: runs.length,
    startUpLoads: loads.length,
    transfer: { raw: pick((r) => r.transfer.raw), gzip: pick((r) => r.transfer.gzip), brotli: pick((r) => r.transfer.brotli) },
    files: runs[0].files,
    transferAllGzip: pick((r) => r.transferAllGzip),
    laterFiles: runs[0].laterFiles,
    firstFrameMs: median(loads.map((r) => r.firstFrameMs)),
    readyMs: median(loads.map((r) => r.readyMs)),
    idle: Object.fromEntries(Object.keys(runs[0].idle).map((k) => [k, pick((r) => r.idle[k])])),
    heapBytes: pick((r) => r.heapBytes),
    screensVisited: runs[0].screensVisited,
  };
}

function runFrameBench(binary) {
  if (!binary) return null;
  const out = execFileSync(binary, ["--json"], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop());
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v) => `${v.toFixed(v < 10 ? 3 : 1)} ms`;
const pctf = (v) => `${v.toFixed(2)} %`;

function table(app, base, frame) {
  const rows = [];
  const row = (name, a, b, ratio, budget, pass) => rows.push([name, a, b, ratio, budget, pass === null ? "-" : pass ? "PASS" : "FAIL"]);
  const r = (a, b) => (b ? `${(a / b).toFixed(a / b < 0.1 ? 4 : 2)}x` : "-");
  row("transfer before 1st frame, gzip", kb(app.transfer.gzip), kb(base.transfer.gzip), r(app.transfer.gzip, base.transfer.gzip),
      `<= ${kb(BUDGETS.transferGzip)}`, app.transfer.gzip <= BUDGETS.transferGzip);
  row("  ... ratio to baseline", "", "", r(app.transfer.gzip, base.transfer.gzip), `<= ${BUDGETS.transferRatio.toFixed(1)}x`,
      app.transfer.gzip <= BUDGETS.transferRatio * base.transfer.gzip);
  row("transfer incl. later (all screens), gzip", kb(app.transferAllGzip), kb(base.transferAllGzip),
      r(app.transferAllGzip, base.transferAllGzip), "", null);
  row("transfer, brotli", kb(app.transfer.brotli), kb(base.transfer.brotli), r(app.transfer.brotli, base.transfer.brotli), "", null);
  row("transfer, raw", kb(app.transfer.raw), kb(base.transfer.raw), r(app.transfer.raw, base.transfer.raw), "", null);
  row(`first frame (from navigation), ${app.startUpLoads} loads`, ms(app.firstFrameMs), ms(base.firstFrameMs), r(app.firstFrameMs, base.firstFrameMs),
      `<= ${BUDGETS.firstFrameRatio}x`, app.firstFrameMs <= BUDGETS.firstFrameRatio * base.firstFrameMs);
  row(`data-ready (from navigation), ${app.startUpLoads} loads`, ms(app.readyMs), ms(base.readyMs), r(app.readyMs, base.readyMs), "", null);
  row(`frames drawn, ${app.idle.seconds.toFixed(0)} s idle`, String(app.idle.frames), String(base.idle.frames),
      r(app.idle.frames, base.idle.frames), `= ${BUDGETS.idleFrames}`, app.idle.frames <= BUDGETS.idleFrames);
  const share = `<= ${(BUDGETS.idleCpuShare * 100).toFixed(0)} % of baseline`;
  row("idle CPU, page main thread (tasks)", pctf(app.idle.mainThreadTaskPct), pctf(base.idle.mainThreadTaskPct),
      r(app.idle.mainThreadTaskPct, base.idle.mainThreadTaskPct), share,
      app.idle.mainThreadTaskPct <= BUDGETS.idleCpuShare * base.idle.mainThreadTaskPct);
  row("idle CPU, all browser processes", pctf(app.idle.allProcessesCpuPct), pctf(base.idle.allProcessesCpuPct),
      r(app.idle.allProcessesCpuPct, base.idle.allProcessesCpuPct), share,
      app.idle.allProcessesCpuPct <= BUDGETS.idleCpuShare * base.idle.allProcessesCpuPct);
  row("  of which renderer processes", pctf(app.idle.rendererCpuPct), pctf(base.idle.rendererCpuPct),
      r(app.idle.rendererCpuPct, base.idle.rendererCpuPct), "", null);
  row("  of which GPU process", pctf(app.idle.gpuCpuPct), pctf(base.idle.gpuCpuPct), r(app.idle.gpuCpuPct, base.idle.gpuCpuPct), "", null);
  row(`wasm heap (app: ${app.screensVisited} screens)`, kb(app.heapBytes), kb(base.heapBytes), r(app.heapBytes, base.heapBytes),
      `<= ${kb(BUDGETS.heapBytes)}`, app.heapBytes !== null && app.heapBytes <= BUDGETS.heapBytes);
  if (frame) {
    row(`native frame build, median of ${frame.frames}`, ms(frame.median_ms), "", "", `<= ${BUDGETS.frameMs} ms`,
        frame.median_ms <= BUDGETS.frameMs);
    row(`  (${frame.screen}; p95, max)`, `${ms(frame.p95_ms)}, ${ms(frame.max_ms)}`, "", "", "", null);
  }
  const head = ["measure", "app", "baseline", "ratio", "budget", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const appServer = await startServer({ root: path.resolve(REPO_ROOT, opts.app), port: 0 });
  const baseServer = await startServer({ root: path.resolve(REPO_ROOT, opts.baseline), port: 0 });
  const runs = { app: [], baseline: [] };
  const extraLoads = { app: [], baseline: [] };  // start-up times only (--loads)
  try {
    // Which site goes first alternates, so that neither always starts right after the other's
    // browser closed.
    const order = (i) => (i % 2 ? [["baseline", baseServer], ["app", appServer]] : [["app", appServer], ["baseline", baseServer]]);
    for (let i = 0; i < opts.runs; i++) {
      for (const [kind, server] of order(i)) {
        const r = await measureOnce(kind, server.url, opts);
        runs[kind].push(r);
        console.error(`run ${i + 1}/${opts.runs} ${kind.padEnd(8)} gzip ${kb(r.transfer.gzip)}, first frame ${ms(r.firstFrameMs)}, ` +
                      `idle ${r.idle.frames} frames, CPU ${pctf(r.idle.mainThreadTaskPct)} main thread / ` +
                      `${pctf(r.idle.allProcessesCpuPct)} all, heap ${kb(r.heapBytes || 0)}`);
      }
    }
    for (let i = 0; i < opts.loads; i++) {
      for (const [kind, server] of order(i)) {
        extraLoads[kind].push(await startUpOnce(kind, server.url));
      }
      console.error(`load ${i + 1}/${opts.loads} first frame: app ${ms(extraLoads.app[i].firstFrameMs)}, ` +
                    `baseline ${ms(extraLoads.baseline[i].firstFrameMs)}`);
    }
  } finally {
    await appServer.close();
    await baseServer.close();
  }
  const app = summarise(runs.app, extraLoads.app);
  const base = summarise(runs.baseline, extraLoads.baseline);
  const frame = runFrameBench(opts.frameBench);
  const text = table(app, base, frame);
  console.log(text);
  const results = { date: new Date().toISOString(), budgets: BUDGETS, viewport: VIEWPORT, idleSeconds: opts.idle,
                    app, baseline: base, frameBench: frame, runs, extraLoads, table: text };
  const out = path.resolve(REPO_ROOT, opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nresults: ${path.relative(REPO_ROOT, out)}`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 1;
});
