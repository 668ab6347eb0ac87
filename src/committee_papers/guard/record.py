"""What the last published site's files were checked against: the digest of the exempt text, per site folder.

A PDF kept unchanged from the published site is read again only when the
exempt text has changed since it was checked; every other file is read on
every build. Without a record (or with one for other exempt text) everything
is read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from committee_papers.incremental import CACHE_DIR, digest


def _path(root: Path, site_dir: Path) -> Path:
    return root / CACHE_DIR / f"guard-{digest(str(site_dir.resolve()))}.json"


def unchanged(root: Path, site_dir: Path, corpus) -> bool:
    try:
        data = json.loads(_path(root, site_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("exempt") == corpus.digest() and data.get("site") == str(site_dir.resolve())


def save(root: Path, site_dir: Path, corpus) -> None:
    if corpus is None:
        return
    path = _path(root, site_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"site": str(site_dir.resolve()), "exempt": corpus.digest()}), "utf-8")
    os.replace(temporary, path)
