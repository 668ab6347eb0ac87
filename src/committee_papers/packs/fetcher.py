"""What the PDF engine may read: files inside the papers folder, and nothing from the network."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "papers"


def papers_url(papers: Path, path: Path) -> str:
    """A location-independent address for a file in the papers, so builds do not depend on the folder."""
    return f"{SCHEME}:/" + urllib.parse.quote(path.resolve().relative_to(papers.resolve()).as_posix())


class PapersURLFetcher(URLFetcher):
    """Refuses every URL except files inside `root` (images and appendices of the papers)."""

    def __init__(self, root: Path):
        super().__init__(timeout=5, allowed_protocols={"file", SCHEME}, allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        if url.startswith(f"{SCHEME}:/"):
            path = (self.root / urllib.parse.unquote(url[len(SCHEME) + 2 :])).resolve()
            if self.root not in path.parents or not path.is_file():
                raise ValueError(f"the papers have no file {url}")
            return URLFetcherResponse(url, path.read_bytes(), {}, 200)
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme != "file":
            raise ValueError(f"the papers may not fetch {url}: only files inside the papers folder can be used")
        path = Path(urllib.parse.unquote(parsed.path)).resolve()
        if path != self.root and self.root not in path.parents:
            raise ValueError(f"the papers may not read {path}: it is outside the papers folder")
        return super().fetch(url, headers)
