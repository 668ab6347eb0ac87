"""Reading what a user sees: built pages, parsed; papers read independently of the tool."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import yaml
from pypdf import PdfReader


def page(site: Path, url: str):
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return lxml.html.parse(str(path)).getroot()


def text(element) -> str:
    """The element's text as a reader sees it: words joined by single spaces, no space before punctuation."""
    joined = " ".join(" ".join(element.itertext()).split())
    for mark in (".", ",", ":", ";", ")"):
        joined = joined.replace(f" {mark}", mark)
    return joined.replace("( ", "(")


def content(root):
    """The page's own content, without the theme's navigation."""
    return root.xpath("//article[contains(@class, 'md-content__inner')]")[0]


def front_matter(path: Path) -> dict:
    source = path.read_text("utf-8")
    return yaml.safe_load(source.split("---\n", 2)[1])


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def public_text(site: Path) -> dict[str, str]:
    """Every public file's text: pages, search index (Material's or Pagefind's), sitemap, feed, calendars, open data, PDFs."""
    texts = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".pdf":
            text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
            text += data.decode("latin-1")
        elif data[:2] == b"\x1f\x8b":  # gzip: sitemap.xml.gz, and Pagefind's index and fragments
            text = gzip.decompress(data).decode("utf-8", "replace")
        else:
            text = data.decode("utf-8", "replace")
        texts[str(path.relative_to(site))] = text + "\n" + str(path.relative_to(site))
    return texts


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
