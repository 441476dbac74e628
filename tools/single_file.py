#!/usr/bin/env python3
"""Turn the assembled site (dist/) into ONE self-contained HTML file that works from file://.

The page is dist/index.html with everything it links put inside it: the stylesheets as <style>,
icons as data: URIs, the scripts (crb-config.js, shell.js, index.js) as inline <script>s at the end
of <body> (in their original order), and the whole app module (--wasm: the linked index.wasm.orig,
not the site's first-screen part, so there is no second module to load) as base64 in a data block
that a small script decodes into Module["wasmBinary"] (Emscripten then instantiates those bytes
instead of fetching index.wasm; closure keeps that property name). Fonts and content are inside the wasm already.
There is no service worker and no manifest. The Content-Security-Policy allows exactly these inline
scripts and styles by hash, plus 'wasm-unsafe-eval'; nothing is loaded from anywhere.

Usage: single_file.py --dist dist --report-source core/report.cpp --out FILE --wasm index.wasm.orig
"""
import argparse
import base64
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from assemble_site import csp_hash, report_style  # noqa: E402

MIME = {".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}

WASM_LOADER = """(function () {
  // index.wasm, inlined: decode it for Emscripten (Module["wasmBinary"]), then drop the text.
  var block = document.getElementById("crb-wasm");
  var text = atob(block.textContent.trim());
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  block.remove();
  window["Module"]["wasmBinary"] = bytes;
})();
"""

NO_SERVICE_WORKER = '\nwindow["crbConfig"]["serviceWorker"] = false;  // single file: nothing to cache\n'


def read(dist: str, name: str) -> bytes:
    with open(os.path.join(dist, name), "rb") as f:
        return f.read()


def inline_script(text: str, name: str) -> str:
    # Inside <script> the HTML parser only looks for "</script" (and "<!--" changes its state).
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise SystemExit(f"single_file: {name} contains '</script' or '<!--' and cannot be inlined")
    return text


def replace_once(pattern: str, repl, text: str, what: str) -> str:
    out, n = re.subn(pattern, repl, text, count=1)
    if n != 1:
        raise SystemExit(f"single_file: index.html has no {what}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", required=True)
    ap.add_argument("--report-source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--wasm", required=True)
    args = ap.parse_args()

    html = read(args.dist, "index.html").decode("utf-8")

    # Scripts, in page order, leave <head>; they run at the end of <body> instead of deferred.
    script_names = re.findall(r'<script src="([^"]+)"[^>]*></script>\n?', html)
    html = re.sub(r'<script src="[^"]+"[^>]*></script>\n?', "", html)
    if script_names[-1:] != ["index.js"] or "shell.js" not in script_names:
        raise SystemExit(f"single_file: unexpected scripts in index.html: {script_names}")
    scripts = []
    for name in script_names:
        text = read(args.dist, name).decode("utf-8")
        if name == "crb-config.js":
            text += NO_SERVICE_WORKER
        if name == "index.js":
            scripts.append(WASM_LOADER)
        scripts.append(inline_script(text, name))

    styles = []

    def inline_style(m: re.Match) -> str:
        css = read(args.dist, m.group(1)).decode("utf-8")
        if re.search(r"</style", css, re.IGNORECASE):
            raise SystemExit(f"single_file: {m.group(1)} contains '</style' and cannot be inlined")
        styles.append(css)
        return f"<style>{css}</style>"
    html = re.sub(r'<link rel="stylesheet" href="([^":]+)">', inline_style, html)
    if not styles:
        raise SystemExit("single_file: index.html links no stylesheet")
    html = re.sub(r'<link rel="manifest"[^>]*>\n?', "", html)
    # The module is inside the page: nothing to fetch ahead of index.js.
    html = replace_once(r'<link rel="preload" href="index.wasm"[^>]*>\n?', "", html, "preload of index.wasm")

    def data_uri(m: re.Match) -> str:
        name = m.group(2)
        mime = MIME[os.path.splitext(name)[1]]
        return f'{m.group(1)}data:{mime};base64,{base64.b64encode(read(args.dist, name)).decode("ascii")}"'
    html = re.sub(r'(<link rel="(?:icon|apple-touch-icon)"[^>]*? href=")([^":]+)"', data_uri, html)

    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(f"'{csp_hash(s)}'" for s in scripts) + " 'wasm-unsafe-eval'",
        "style-src " + " ".join(f"'{csp_hash(c)}'" for c in styles + [report_style(args.report_source)]),
        "img-src data: blob:",
        "object-src 'none'", "base-uri 'none'", "form-action 'none'",
    ])
    html = replace_once(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                        lambda _: f'<meta http-equiv="Content-Security-Policy" content="{csp}">', html, "CSP meta")

    with open(args.wasm, "rb") as f:
        wasm = base64.b64encode(f.read()).decode("ascii")
    body_end = (f'<script type="application/octet-stream" id="crb-wasm">{wasm}</script>\n' +
                "".join(f"<script>{s}</script>\n" for s in scripts))
    html = replace_once(r"</body>", lambda _: body_end + "</body>", html, "</body>")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "wb") as f:
        f.write(html.encode("utf-8"))
    os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
