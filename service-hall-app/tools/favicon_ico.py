#!/usr/bin/env python3
"""Makes static/favicon.ico from static/favicon.svg: Debian's headless Chromium draws the icon at 16, 32 and 48 pixels,
and each size goes into the .ico as an uncompressed 32-bit bitmap with its mask, which every browser reads.

    python3 service-hall-app/tools/favicon_ico.py
"""
import pathlib
import struct
import subprocess
import tempfile
import zlib

STATIC = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/static"


def draw(svg: pathlib.Path, size: int, work: pathlib.Path) -> bytes:
    page = work / f"icon{size}.html"
    page.write_text(f'<html><body style="margin:0;background:transparent">'
                    f'<img src="{svg.as_uri()}" width="{size}" height="{size}" style="display:block"></body></html>')
    png = work / f"icon{size}.png"
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--default-background-color=00000000", f"--window-size={size},{size}",
                    f"--user-data-dir={work / 'profile'}", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True)
    return png.read_bytes()


def rgba(png: bytes):
    """The pixels of an 8-bit RGBA, non-interlaced PNG (what Chromium writes), row by row from the top."""
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", png[16:29])
    assert (depth, colour, interlace) == (8, 6, 0), "expected 8-bit RGBA without interlacing"
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(data), width * 4, [], bytearray(width * 4)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b = previous[x]
            c = previous[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def bitmap(width, height, rows) -> bytes:
    """A BITMAPINFOHEADER, BGRA pixels bottom row first, and the AND mask (all clear: alpha decides)."""
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(bytes(sum(([r[x + 2], r[x + 1], r[x], r[x + 3]] for x in range(0, len(r), 4)), []))
                      for r in reversed(rows))
    mask = bytes(((width + 31) // 32) * 4 * height)
    return header + pixels + mask


def main():
    with tempfile.TemporaryDirectory() as work:
        images = [bitmap(*rgba(draw(STATIC / "favicon.svg", size, pathlib.Path(work)))) for size in (16, 32, 48)]
    icon = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, image in zip((16, 32, 48), images):
        icon += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    (STATIC / "favicon.ico").write_bytes(icon + b"".join(images))


if __name__ == "__main__":
    main()
