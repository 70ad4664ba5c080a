#!/usr/bin/env python3
"""Writes the small seed files of fuzz/corpus/fuzz_page_image/: one of each page file type the
readers sniff (PNM P4/P5/P6 with SANE-style comments, PNG with a pHYs chunk, a two-page TIFF
with XResolution, a PDF with one full-page image XObject). Tiny on purpose: the fuzzer mutates
headers and structure, not megapixels. Usage: fuzz/make_page_image_seeds.py OUT_DIR"""

import struct
import sys
import zlib
from pathlib import Path

W, H = 24, 32


def grey_pixels():
    # a dark square on white, like a filled bubble
    return bytes(0 if 8 <= x < 16 and 10 <= y < 20 else 255 for y in range(H) for x in range(W))


def pnm_files(out):
    grey = grey_pixels()
    (out / "p5_sane.pgm").write_bytes(b"P5\n# SANE data follows\n%d %d\n255\n" % (W, H) + grey)
    rgb = bytes(v for g in grey for v in (g, g, g))
    (out / "p6.ppm").write_bytes(b"P6 %d %d 255\n" % (W, H) + rgb)
    rowbytes = (W + 7) // 8
    bits = bytearray()
    for y in range(H):
        for bx in range(rowbytes):
            byte = 0
            for i in range(8):
                x = bx * 8 + i
                if x < W and grey[y * W + x] == 0:
                    byte |= 0x80 >> i
            bits.append(byte)
    (out / "p4_lineart.pbm").write_bytes(b"P4\n%d %d\n" % (W, H) + bytes(bits))
    (out / "p5_16bit.pgm").write_bytes(b"P5 %d %d 65535\n" % (W, H) + b"".join(struct.pack(">H", g * 257) for g in grey))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_file(out):
    grey = grey_pixels()
    raw = b"".join(b"\0" + grey[y * W:(y + 1) * W] for y in range(H))
    ihdr = struct.pack(">IIBBBBB", W, H, 8, 0, 0, 0, 0)
    phys = struct.pack(">IIB", 11811, 11811, 1)  # 300 dpi in pixels per metre
    data = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"pHYs", phys) + \
        png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b"")
    (out / "grey_300dpi.png").write_bytes(data)


def tiff_file(out, pages=2):
    grey = grey_pixels()
    body = bytearray(b"II*\0\0\0\0\0")
    first_ifd_offset_pos = 4
    links = [first_ifd_offset_pos]
    for _ in range(pages):
        strip = len(body)
        body += grey
        res = len(body)
        body += struct.pack("<II", 300, 1)
        if len(body) % 2:
            body += b"\0"
        ifd = len(body)
        struct.pack_into("<I", body, links[-1], ifd)
        entries = [(256, 3, 1, W), (257, 3, 1, H), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                   (273, 4, 1, strip), (277, 3, 1, 1), (278, 3, 1, H), (279, 4, 1, len(grey)),
                   (282, 5, 1, res), (283, 5, 1, res), (296, 3, 1, 2)]
        body += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            body += struct.pack("<HHI", tag, kind, count)
            body += struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        links.append(len(body))
        body += b"\0\0\0\0"
    (out / "two_pages_300dpi.tif").write_bytes(bytes(body))


def pdf_file(out):
    grey = grey_pixels()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im1 4 0 R >> >> "
        b"/Contents 5 0 R >>" % (W * 72 // 150, H * 72 // 150),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (W, H, len(grey)) + grey + b"\nendstream",
    ]
    content = b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (W * 72 // 150, H * 72 // 150)
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    (out / "one_image_page.pdf").write_bytes(bytes(pdf))


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    pnm_files(out)
    png_file(out)
    tiff_file(out)
    pdf_file(out)


if __name__ == "__main__":
    main()
