"""Files made from a few figures, for tests and benchmarks: PDFs of many pages or much drawing, huge images.

Each is small on disk however large it is when read, which is exactly what a
limit has to measure without being fooled.
"""

from __future__ import annotations

import struct
import zlib


def pdf_file(pages: int, inflated: int = 0) -> bytes:
    """A PDF of `pages` blank A4 pages; the first page's drawing inflates to `inflated` bytes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    drawing = zlib.compress(b" " * inflated, 9) if inflated else zlib.compress(b"0 0 m", 9)
    for index in range(pages):
        number = len(objects) + 1
        kids.append(f"{number} 0 R".encode())
        contents = number + 1
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} 0 R >>".encode())
        stream = drawing if index == 0 else zlib.compress(b"0 0 m")
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return pdf_of(objects)


def png_file(width: int, height: int) -> bytes:
    """A black-and-white PNG of width x height pixels (all white), small on disk however large."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\0" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def boxed_pdf(page: str = "/MediaBox [0 0 595 842]", tree: str = "", text: str = "A page of a supplied PDF") -> bytes:
    """A one-page PDF showing `text`, with `page` written into its page's dictionary and `tree` into its page tree's (a box there is inherited)."""
    drawing = f"BT /F1 18 Tf 72 400 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [3 0 R] /Count 1 {tree} >>".encode(),
        f"<< /Type /Page /Parent 2 0 R {page} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(drawing) + drawing + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_of(objects)


def docx_file(paragraphs: int = 1, run: int = 0, picture: int = 0) -> bytes:
    """A Word .docx of `paragraphs` short paragraphs, then one of `run` letters a; with `picture` bytes of zeros as a picture part."""
    import io
    import zipfile

    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    paragraph = "<w:p><w:r><w:t>The plan covers twelve audits of the council's services.</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        with archive.open("word/document.xml", "w") as document:
            document.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{main}"><w:body>'.encode())
            for start in range(0, paragraphs, 10_000):
                document.write(paragraph.encode() * min(10_000, paragraphs - start))
            if run:
                document.write(b"<w:p><w:r><w:t>")
                for start in range(0, run, 1 << 20):
                    document.write(b"a" * min(1 << 20, run - start))
                document.write(b"</w:t></w:r></w:p>")
            document.write(b"</w:body></w:document>")
        if picture:
            with archive.open("word/media/image1.png", "w") as image:
                for start in range(0, picture, 1 << 20):
                    image.write(bytes(min(1 << 20, picture - start)))
    return out.getvalue()


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1, the catalogue first), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
