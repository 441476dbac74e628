#!/usr/bin/env python3
"""Draw the app icon as PNG (192 and 512 px) without image libraries: the same artwork as
web/icon.svg (teal rounded square, two interlinked rings), anti-aliased by coverage from signed
distances, written by a minimal PNG encoder (zlib from the standard library).

Usage: make_icons.py OUT_DIR  ->  OUT_DIR/icon-192.png, OUT_DIR/icon-512.png,
                                   OUT_DIR/icon-maskable-512.png
The maskable icon (web app manifest, purpose "maskable") is opaque edge to edge with the rings
scaled into the central safe zone (a circle of 40 % of the size), so any launcher mask keeps them.
"""
import math
import os
import struct
import sys
import zlib

BG = (0x0F, 0x5E, 0x66)
RINGS = [  # (cx, cy, radius, stroke width, colour) in the 512-unit design space of icon.svg
    (206, 256, 110, 36, (0xFF, 0xFF, 0xFF)),
    (306, 256, 110, 36, (0xF2, 0xB5, 0x44)),
]
CORNER = 96


def rounded_rect_distance(x: float, y: float) -> float:
    # Signed distance to the 512x512 square with rounded corners (negative inside).
    qx = abs(x - 256) - (256 - CORNER)
    qy = abs(y - 256) - (256 - CORNER)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - CORNER


def render(size: int, maskable: bool = False) -> bytes:
    scale = 512.0 / size
    art = 0.8 if maskable else 1.0  # rings' farthest point: 178 units from the centre -> 142 < 204.8
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            x = 256 + ((px + 0.5) * scale - 256) / art
            y = 256 + ((py + 0.5) * scale - 256) / art
            if maskable:
                alpha = 1.0
            else:
                alpha = min(max(0.5 - rounded_rect_distance(x, y) / scale, 0.0), 1.0)
            r, g, b = BG
            for cx, cy, radius, width, colour in RINGS:
                d = abs(math.hypot(x - cx, y - cy) - radius) - width / 2
                cov = min(max(0.5 - d * art / scale, 0.0), 1.0)
                if cov > 0:
                    r = r + (colour[0] - r) * cov
                    g = g + (colour[1] - g) * cov
                    b = b + (colour[2] - b) * cov
            row += bytes((round(r), round(g), round(b), round(alpha * 255)))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size: int, rgba_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(rgba_rows, 9)) + chunk(b"IEND", b""))


def main() -> None:
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name, size, maskable in (("icon-192", 192, False), ("icon-512", 512, False),
                                 ("icon-maskable-512", 512, True)):
        path = os.path.join(out_dir, f"{name}.png")
        with open(path + ".tmp", "wb") as f:
            f.write(png(size, render(size, maskable)))
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
