#!/usr/bin/env python3
"""Generate the C++ source that compiles fonts and content into the web app.

The web build has no file system (-sFILESYSTEM=0) and no fetches at start-up, so everything the app
reads is an array in the wasm. This script
  * subsets each font with pyftsubset to the characters the UI uses (Latin, Polish, a few symbols),
    dropping hinting and layout tables: ~20 KB per face instead of ~500 KB;
  * minifies each content JSON file (and fails on invalid JSON, naming the file);
and writes one .cpp that defines embedded_files() / find_embedded_file() (see app/platform/embedded.h).
Text entries get a terminating NUL that `size` does not count, so they can be used as C strings.

With --course-compiler (the app), the unit files (content/unit*.json) are not embedded as JSON: the
given program (tools/compile_course/main.cpp) checks them, minified as above, and writes the course
pack (core/course_pack.h), embedded as "content/course.bin". A content error stops the build there.

With --pack (the app) all files go into one raw LZMA1 stream (Python's lzma), unpacked once at start
by crb::lzma_decode (core/lzma.cpp): about 15 % smaller than the same bytes gzip-compressed inside
the wasm. Without it (the bench baseline) each file is a plain array, as a bare app would have it.

Usage: embed.py --out FILE.cpp --content-root DIR [--pack] [--course-compiler PROGRAM]
                [--font NAME=PATH ...] [content.json ...]
Content files are named by their path relative to --content-root, e.g. "content/unit1.json".
"""
import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile

# Keep in sync with the glyph ranges in app/platform/glyph_ranges.h.
UNICODES = ",".join([
    "U+0020-007E", "U+00A0-017F", "U+2013-2014", "U+2018-201E", "U+2022", "U+2026", "U+20AC",
    "U+2039-203A",
])


# Symbols Noto Sans lacks (arrows, check marks, the minus sign, small triangles), taken from DejaVu
# Sans and merged into every UI font by app/platform/ui_fonts.cpp. Keep in sync with glyphs::kSymbols.
SYMBOL_UNICODES = ",".join(["U+2190-2193", "U+2212", "U+2713", "U+2715", "U+25B2", "U+25B4", "U+25B6",
                            "U+25BC", "U+25BE", "U+25C0"])


def subset_font(path: str, tmpdir: str, unicodes: str = UNICODES) -> bytes:
    out = os.path.join(tmpdir, os.path.basename(path) + ".subset.ttf")
    cmd = ["pyftsubset", path, f"--unicodes={unicodes}", "--layout-features=", "--no-hinting",
           "--desubroutinize", "--drop-tables+=DSIG,GSUB,GPOS,GDEF",
           f"--output-file={out}"]
    try:
        subprocess.run(cmd, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit("embed.py: pyftsubset not found (Debian package fonttools); run ./dev setup")
    except subprocess.CalledProcessError as e:
        sys.exit(f"embed.py: pyftsubset failed for {path}:\n{e.stderr}")
    with open(out, "rb") as f:
        return f.read()


def used_unicodes(paths) -> str:
    """Printable ASCII plus every other character the strings of these JSON files use, as pyftsubset
    --unicodes. The bold face is subset to these: it draws headings and labels, which come from the
    content and the UI strings; ui_fonts.cpp merges the regular face under it for any other character
    (a name the learner typed), so nothing shows as a box."""
    chars = set(range(0x20, 0x7F))

    def walk(v):
        if isinstance(v, str):
            chars.update(ord(c) for c in v)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)

    for path in paths:
        with open(path, encoding="utf-8") as f:
            walk(json.load(f))
    chars -= {0x0A, 0x09}
    return ",".join(f"U+{c:04X}" for c in sorted(chars))


def minify_json(path: str) -> bytes:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        sys.exit(f"embed.py: {path}: invalid JSON: {e}")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compile_course(compiler: str, units) -> bytes:
    """units: (name, minified JSON) of every unit file. Returns the course pack."""
    with tempfile.TemporaryDirectory() as tmp:
        specs = []
        for i, (name, data) in enumerate(units):
            path = os.path.join(tmp, f"{i}.json")
            with open(path, "wb") as f:
                f.write(data)
            specs.append(f"{name}={path}")
        out = os.path.join(tmp, "course.bin")
        r = subprocess.run([compiler, out] + specs, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"embed.py: the content does not compile:\n{r.stderr}")
        with open(out, "rb") as f:
            return f.read()


def c_bytes(data: bytes) -> str:
    lines = []
    for i in range(0, len(data), 24):
        lines.append(",".join(str(b) for b in data[i:i + 24]))
    return ",\n".join(lines)


# The LZMA properties the generated code passes to crb::lzma_decode (the usual lc=3 lp=0 pb=2).
LZMA_LC, LZMA_LP, LZMA_PB = 3, 0, 2


def lzma_pack(data: bytes) -> bytes:
    filters = [{"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME, "lc": LZMA_LC, "lp": LZMA_LP,
                "pb": LZMA_PB, "dict_size": 1 << 20}]
    packed = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
    if lzma.decompress(packed, format=lzma.FORMAT_RAW, filters=filters)[:len(data)] != data:
        sys.exit("embed.py: LZMA round trip failed")
    return packed


def plain_source(entries) -> list:
    out = ["namespace {\n"]
    for i, (name, data, is_text) in enumerate(entries):
        body = data + (b"\0" if is_text else b"")
        out.append(f"// {name}: {len(data)} bytes\n")
        out.append(f"alignas(4) const unsigned char k_data_{i}[] = {{\n{c_bytes(body)}\n}};\n")
    out.append("const EmbeddedFile k_files[] = {\n")
    for i, (name, data, _) in enumerate(entries):
        out.append(f"    {{{json.dumps(name)}, k_data_{i}, {len(data)}u}},\n")
    out.append("    {nullptr, nullptr, 0u},\n};\n}  // namespace\n\n")
    out.append(f"const EmbeddedFile* embedded_files(unsigned* count) {{\n"
               f"    *count = {len(entries)}u;\n    return k_files;\n}}\n\n")
    return out


def packed_source(entries) -> list:
    blob = bytearray()
    table = []
    for name, data, is_text in entries:
        table.append((name, len(blob), len(data)))
        blob += data + (b"\0" if is_text else b"")
    packed = lzma_pack(bytes(blob))
    out = ['#include <new>\n\n#include "core/lzma.h"\n\nnamespace {\n']
    out.append("// " + ", ".join(f"{n} {size} bytes" for n, _, size in table) + "\n")
    out.append(f"// {len(blob)} bytes packed into {len(packed)} (raw LZMA1, lc={LZMA_LC} lp={LZMA_LP} pb={LZMA_PB})\n")
    out.append(f"const unsigned char k_packed[] = {{\n{c_bytes(packed)}\n}};\n")
    out.append(f"constexpr unsigned k_unpacked_size = {len(blob)}u;\n")
    out.append("struct Entry {\n    const char* name;\n    unsigned offset, size;\n};\n")
    out.append("const Entry k_entries[] = {\n")
    for name, offset, size in table:
        out.append(f"    {{{json.dumps(name)}, {offset}u, {size}u}},\n")
    out.append("};\n")
    out.append(f"EmbeddedFile g_files[{len(table) + 1}];\n}}  // namespace\n\n")
    out.append(
        "// Unpacked once into a buffer that lives as long as the program (fonts point into it). If the\n"
        "// stream does not unpack (a broken build), there are no files: the app says its content is missing.\n"
        "const EmbeddedFile* embedded_files(unsigned* count) {\n"
        "    static const unsigned ready = [] {\n"
        "        auto* bytes = new (std::nothrow) unsigned char[k_unpacked_size];\n"
        "        const crb::LzmaProps props{" + f"{LZMA_LC}, {LZMA_LP}, {LZMA_PB}" + "};\n"
        "        if (!bytes || !crb::lzma_decode(k_packed, sizeof k_packed, props, bytes, k_unpacked_size)) {\n"
        "            delete[] bytes;\n"
        "            return 0u;\n"
        "        }\n"
        "        unsigned n = 0;\n"
        "        for (const Entry& e : k_entries) g_files[n++] = EmbeddedFile{e.name, bytes + e.offset, e.size};\n"
        "        return n;\n"
        "    }();\n"
        "    *count = ready;\n"
        "    return g_files;\n"
        "}\n\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--content-root", required=True)
    ap.add_argument("--font", action="append", default=[], help="NAME=PATH")
    ap.add_argument("--pack", action="store_true", help="one LZMA stream, unpacked at start")
    ap.add_argument("--course-compiler", help="embed the unit files as a course pack made by this program")
    ap.add_argument("--content-glyphs-only", action="append", default=[], metavar="NAME",
                    help="subset this font to the characters the content files use (see used_unicodes)")
    ap.add_argument("content", nargs="*")
    args = ap.parse_args()

    entries = []  # (name, bytes, is_text)
    with tempfile.TemporaryDirectory() as tmp:
        for spec in args.font:
            name, _, path = spec.partition("=")
            unicodes = SYMBOL_UNICODES if name == "fonts/symbols.ttf" else UNICODES
            if name in args.content_glyphs_only:
                unicodes = used_unicodes(args.content)
            entries.append((name, subset_font(path, tmp, unicodes), False))
    root = os.path.abspath(args.content_root)
    units = []
    for path in sorted(set(args.content)):
        name = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
        if args.course_compiler and name.startswith("content/unit"):
            units.append((name, minify_json(path)))
        else:
            entries.append((name, minify_json(path), True))
    if units:
        entries.append(("content/course.bin", compile_course(args.course_compiler, units), False))

    out = ["// Generated by tools/embed.py. Do not edit.\n",
           '#include "platform/embedded.h"\n\n#include <cstring>\n']
    out += packed_source(entries) if args.pack else plain_source(entries)
    out.append("const EmbeddedFile* find_embedded_file(const char* name) {\n"
               "    unsigned count = 0;\n"
               "    const EmbeddedFile* files = embedded_files(&count);\n"
               "    for (unsigned i = 0; i < count; ++i)\n"
               "        if (std::strcmp(files[i].name, name) == 0) return &files[i];\n"
               "    return nullptr;\n}\n")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp_out = args.out + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        f.write("".join(out))
    os.replace(tmp_out, args.out)
    sizes = ", ".join(f"{n} {len(d)}" for n, d, _ in entries)
    print(f"embed.py: {len(entries)} files ({sizes})")


if __name__ == "__main__":
    main()
