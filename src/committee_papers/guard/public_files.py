"""Every file a build is about to publish, read as the public would read it: its text, and the addresses in it.

Pages and feeds without their markup; JSON (Material's search index, open
data) as the strings it holds; calendars unfolded; gzip files (Pagefind's
index and fragments, the compressed sitemap) decompressed; PDFs as the text
pypdf extracts. Every file's own path counts as an address.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_CODE = {".js", ".mjs", ".css", ".map"}  # the theme's and search's code: made by them, never from the papers
_NOT_TEXT = {".pagefind", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".wasm"}
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|u|var)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_FOOTNOTE_REF = re.compile(r'<sup class="footnote-ref">.*?</sup>', re.S)
_ADDRESS = re.compile(r'="([^"]*)"')  # every attribute's value: links, sources, data
_LARGEST = 200 * 1024 * 1024  # a decompressed file larger than this is read no further


@dataclass
class PublicFile:
    path: str  # relative to the site folder
    text: str
    addresses: str
    digest: str = ""  # SHA-256 of a file published as it was given (an image, a PDF appendix)


def read_site(folder: Path, skip: set[str] = frozenset()) -> Iterator[PublicFile]:
    """Every file under `folder` (those in `skip` by their names only); PDFs are read last, by every processor."""
    from committee_papers.guard.corpus import file_digest

    pdfs = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_dir() or relative in skip:
            yield PublicFile(relative, "", relative)
            continue
        data = path.read_bytes()
        if path.suffix.lower() == ".pdf":
            pdfs.append((path, file_digest(data)))
            continue
        yield read_file(relative, data)
    for (path, digest), text in zip(pdfs, _pdf_texts([p for p, _ in pdfs]), strict=True):
        relative = path.relative_to(folder).as_posix()
        yield PublicFile(relative, text, relative, digest)


def _pdf_texts(paths: list[Path]) -> Iterator[str]:
    import os

    workers = min(os.cpu_count() or 1, len(paths) // 4)
    if workers <= 1:
        yield from (pdf_file_text(path) for path in paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(pdf_file_text, paths, chunksize=4)


def pdf_file_text(path: Path) -> str:
    return pdf_text(path.read_bytes())


def read_file(relative: str, data: bytes) -> PublicFile:
    suffix = Path(relative).suffix.lower()
    if suffix in _NOT_TEXT or suffix in _CODE:
        return PublicFile(relative, "", relative)
    if suffix == ".pdf":
        return PublicFile(relative, pdf_text(data), relative)
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    text = data.decode("utf-8", "replace")
    if suffix == ".json" or suffix.startswith(".pf_"):
        text = _json_strings(text)
    elif suffix == ".ics":
        text = text.replace("\r\n ", "").replace("\n ", "").replace("\\n", " ").replace("\\N", " ")
        text = re.sub(r"\\([,;\\])", r"\1", text)
    if "<" in text:
        return _markup(relative, text)
    return PublicFile(relative, text, relative)


def _markup(relative: str, text: str) -> PublicFile:
    addresses = [relative]
    for _ in range(2):  # a feed holds pages' HTML escaped once more
        text = _FOOTNOTE_REF.sub(" ", text)
        addresses += _ADDRESS.findall(text)
        text = html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", text)))
        if "<" not in text:
            break
    return PublicFile(relative, text, " ".join(html.unescape(a) for a in addresses))


def _gunzip(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=__import__("io").BytesIO(data)) as stream:
        return stream.read(_LARGEST)


def _json_strings(text: str) -> str:
    """The strings of a JSON document (Pagefind's fragments have a short signature before theirs)."""
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    try:
        value = json.loads(text[start:]) if start >= 0 else None
    except ValueError:
        return text
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found += [key for key in item if isinstance(key, str)]
            stack += reversed(list(item.values()))
        elif isinstance(item, list):
            stack += reversed(item)
    return "\n".join(found)


def pdf_text(data: bytes) -> str:
    import io

    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        meta = [str(value) for value in (reader.metadata or {}).values()]
        return "\n".join([*meta, *((page.extract_text() or "") for page in reader.pages)])
    except Exception:  # noqa: BLE001 - the tool made this PDF; one pypdf cannot read is checked by its bytes
        return data.decode("latin-1")
