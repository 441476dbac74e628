#!/usr/bin/env python3
"""Make OUT_DIR hold exactly the given files (by base name), nothing else, ready to serve.

Called by the `site` target: the linked app (index.js, index.wasm), the files of web/ and the
generated icons. Files are written only when their content changed, so the web server keeps caching.
Two files are filled in on the way:
- sw.js: its `const BUILD = ...;` line gets this build's version (a hash of every other file and of
  the sw.js template) and the list of files to precache. Any change to the site makes a new sw.js,
  which is how browsers notice a new deployment.
- index.deferred.wasm (the functions the first screen does not run, tools/split_wasm.mjs) is
  published as index.deferred.<hash>.wasm, the hash taken over both modules, and shell.js gets that
  name in place of 'CRB_DEFERRED_WASM'. A page of one build therefore never loads the second
  module of another build (a deployment while a tab is open): it gets that build's own or a 404.
- *.html: the placeholder 'sha256-CRB_REPORT_STYLE_HASH' in the Content-Security-Policy becomes the
  hash of the stylesheet core/report.cpp puts into every report and book. Those documents are shown
  in an iframe (srcdoc) or a blob: tab, which inherit the page's policy, so their one <style>
  element must be allowed by hash (no 'unsafe-inline').

Usage: assemble_site.py --out DIR --stamp FILE --report-source core/report.cpp FILE...
"""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil

STYLE_PLACEHOLDER = "sha256-CRB_REPORT_STYLE_HASH"
BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
SERVICE_WORKER = "sw.js"
DEFERRED = "index.deferred.wasm"
DEFERRED_PLACEHOLDER = "CRB_DEFERRED_WASM"
SHELL = "shell.js"


def csp_hash(text: str) -> str:
    """'sha256-…' source for an inline <script> or <style> whose content is exactly `text`."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def report_style(report_source: str) -> str:
    """The report stylesheet: the raw string literal `kStyle = R"css(...)css"` of core/report.cpp."""
    with open(report_source, encoding="utf-8") as f:
        source = f.read()
    m = re.search(r'kStyle\s*=\s*R"css\((.*?)\)css"', source, re.DOTALL)
    if not m:
        raise SystemExit(f"assemble_site: no kStyle = R\"css(...)css\" literal in {report_source}; "
                         "the report stylesheet's CSP hash cannot be computed")
    return m.group(1)


def fill_html(text: str, style_hash: str) -> str:
    return text.replace(STYLE_PLACEHOLDER, style_hash)


def fill_service_worker(template: str, version: str, files: list) -> str:
    build = json.dumps({"version": version, "files": files}, separators=(", ", ": "))
    filled, n = BUILD_LINE.subn(lambda _: f"const BUILD = {build};", template, count=1)
    if n != 1:
        raise SystemExit("assemble_site: sw.js has no `const BUILD = ...;` line")
    return filled


def write_if_changed(path: str, data: bytes) -> None:
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--stamp", required=True)
    ap.add_argument("--report-source", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    style_hash = csp_hash(report_style(args.report_source))
    wanted = {}
    for path in args.files:
        if os.path.isfile(path):
            wanted[os.path.basename(path)] = path

    contents = {}
    for name, src in wanted.items():
        with open(src, "rb") as f:
            data = f.read()
        if name.endswith(".html"):
            data = fill_html(data.decode("utf-8"), style_hash).encode("utf-8")
        contents[name] = data

    if DEFERRED in contents:
        if "index.wasm" not in contents or SHELL not in contents:
            raise SystemExit(f"assemble_site: {DEFERRED} needs index.wasm and {SHELL} beside it")
        pair = hashlib.sha256(contents["index.wasm"] + b"\0" + contents[DEFERRED]).hexdigest()[:12]
        name = f"index.deferred.{pair}.wasm"
        contents[name] = contents.pop(DEFERRED)
        shell = contents[SHELL].decode("utf-8")
        if shell.count(DEFERRED_PLACEHOLDER) != 1:
            raise SystemExit(f"assemble_site: {SHELL} must contain '{DEFERRED_PLACEHOLDER}' exactly once")
        contents[SHELL] = shell.replace(DEFERRED_PLACEHOLDER, name).encode("utf-8")

    if SERVICE_WORKER in contents:
        precache = sorted(n for n in contents if n != SERVICE_WORKER)
        digest = hashlib.sha256()
        for name in precache + [SERVICE_WORKER]:
            digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(contents[name]).digest())
        version = digest.hexdigest()[:16]
        contents[SERVICE_WORKER] = fill_service_worker(
            contents[SERVICE_WORKER].decode("utf-8"), version, precache).encode("utf-8")

    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        target = os.path.join(args.out, name)
        if name not in contents:
            shutil.rmtree(target) if os.path.isdir(target) and not os.path.islink(target) else os.remove(target)
    for name, data in contents.items():
        write_if_changed(os.path.join(args.out, name), data)
    with open(args.stamp, "w") as f:
        f.write("\n".join(sorted(contents)) + "\n")


if __name__ == "__main__":
    main()
