#!/usr/bin/env python3
"""Draws packaging/linux/roller-coach.png (256x256): a foam roller seen from the side, with the IMU
as a dot. Pure Python (zlib), so the icon can be remade anywhere: python3 make-icon.py"""
import math, struct, zlib

N = 256
def inside_rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r); cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        px = (0, 0, 0, 0)
        if inside_rounded(x, y, 8, 8, 247, 247, 48):
            px = (0x1f, 0x6f, 0x8b, 255)                      # teal tile
        if inside_rounded(x, y, 36, 92, 219, 164, 36):
            groove = int((x - 36) / 14) % 2 == 0
            px = (0xf2, 0x8c, 0x28, 255) if groove else (0xe0, 0x76, 0x14, 255)  # foam with ridges
        if (x - 128) ** 2 + (y - 128) ** 2 <= 13 ** 2:
            px = (255, 255, 255, 255)                          # the IMU inside
        if 40 <= x <= 216 and 196 <= y <= 206:
            px = (255, 255, 255, 200)                          # the floor line / back
        row += bytes(px)
    rows.append(bytes(row))

def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(__file__.rsplit("/", 1)[0] + "/roller-coach.png" if "/" in __file__ else "roller-coach.png", "wb").write(png)
