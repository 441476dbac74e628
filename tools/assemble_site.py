#!/usr/bin/env python3
"""Make OUT_DIR hold exactly the given files (by base name), nothing else.

Called by the `site` target: the linked app (index.js, index.wasm), the files of web/ and the
generated icons. Files are copied only when their content changed, so the web server keeps caching.

Usage: assemble_site.py --out DIR --stamp FILE FILE...
"""
import argparse
import filecmp
import os
import shutil


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--stamp", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    wanted = {}
    for path in args.files:
        if os.path.isfile(path):
            wanted[os.path.basename(path)] = path
    for name in os.listdir(args.out):
        target = os.path.join(args.out, name)
        if name not in wanted:
            shutil.rmtree(target) if os.path.isdir(target) and not os.path.islink(target) else os.remove(target)
    for name, src in wanted.items():
        dst = os.path.join(args.out, name)
        if not os.path.exists(dst) or not filecmp.cmp(src, dst, shallow=False):
            shutil.copyfile(src, dst + ".tmp")
            os.replace(dst + ".tmp", dst)
    with open(args.stamp, "w") as f:
        f.write("\n".join(sorted(wanted)) + "\n")


if __name__ == "__main__":
    main()
