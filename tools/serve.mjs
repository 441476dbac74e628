// A small static file server for dist/ (no dependencies): correct MIME types (application/wasm
// for streaming compilation), no caching surprises while developing, loopback only by default.
//
//   node tools/serve.mjs [--root DIR] [--port N] [--host H]     (port 0 = any free port)
//   import { startServer } from "./serve.mjs";  const s = await startServer({ root, port: 0 });
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

async function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, "." + path.posix.normalize("/" + rel));
  if (file !== root && !file.startsWith(root + path.sep)) return null;  // no escaping the root
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) {
      const index = path.join(file, "index.html");
      const ist = await fs.stat(index);
      return { file: index, size: ist.size };
    }
    return { file, size: st.size };
  } catch {
    return null;
  }
}

export function startServer({ root = "dist", port = 8080, host = "127.0.0.1", log = false } = {}) {
  const absRoot = path.resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const found = await resolveFile(absRoot, req.url || "/");
    if (!found) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      if (log) console.log(`404 ${req.url}`);
      return;
    }
    const type = MIME_TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream";
    res.writeHead(200, {
      "Content-Type": type,
      "Content-Length": found.size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(found.file).pipe(res);
    if (log) console.log(`200 ${req.url}`);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({
        server,
        port: addr.port,
        url: `http://${host}:${addr.port}/`,
        // Stops listening and ends every connection, idle or not: a browser's keep-alive socket or a
        // request still in flight must not keep a test's "server is gone" step waiting.
        close: () => new Promise((r) => {
          server.close(() => r());
          server.closeAllConnections();
        }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: "dist", port: 8080, host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split("=", 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (key === "--root") opts.root = value();
    else if (key === "--port") opts.port = Number(value());
    else if (key === "--host") opts.host = value();
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error("bad --port");
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const s = await startServer({ ...opts, log: false });
  console.log(`Serving ${path.resolve(opts.root)} at ${s.url}  (Ctrl+C to stop)`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
