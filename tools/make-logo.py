#!/usr/bin/env python3
"""Draws src/Dateline/wwwroot/logo.png, the raster twin of logo.svg, with no libraries.

Structured data wants a raster publisher logo (search engines do not all read SVG), and the
mark is simple enough to draw here: a white "D" on a rounded red square, 4x4 supersampled.
Run it again only if logo.svg changes; the output is committed.
"""
import struct
import sys
import zlib

SIZE = 512
RED = (0x9B, 0x1C, 0x1C)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4


def in_square(x, y, radius=64):
    # The rounded square: inside unless in a corner beyond its quarter circle.
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_half_d(x, y, left, top, bottom, radius):
    # A stem from left to the centre line, then a half disc to the right of it.
    centre = (top + bottom) / 2
    if x < left or y < top or y > bottom:
        return False
    if x <= 256:
        return True
    return (x - 256) ** 2 + (y - centre) ** 2 <= radius ** 2


def in_d(x, y):
    return in_half_d(x, y, 136, 112, 400, 144) and not in_half_d(x, y, 200, 176, 336, 80)


def pixel(px, py):
    square = letter = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = px + (sx + 0.5) / SAMPLES
            y = py + (sy + 0.5) / SAMPLES
            if in_square(x, y):
                square += 1
                if in_d(x, y):
                    letter += 1
    total = SAMPLES * SAMPLES
    if square == 0:
        return (0, 0, 0, 0)
    # Colour of the covered part, alpha from how much of the pixel the square covers.
    mix = letter / square
    rgb = tuple(round(r + (w - r) * mix) for r, w in zip(RED, WHITE))
    return rgb + (round(255 * square / total),)


def png(rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "src/Dateline/wwwroot/logo.png"
    with open(out, "wb") as f:
        f.write(png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
