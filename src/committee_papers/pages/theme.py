"""Building pages into the MkDocs theme in forked worker processes (an adapter; imports MkDocs)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from mkdocs.commands.build import _build_page

_STATE: dict = {}


def _build(uris: list[str]) -> dict[str, list]:
    config, files, nav, env, plugin = (_STATE[k] for k in ("config", "files", "nav", "env", "plugin"))
    doc_files = files.documentation_pages()
    pages = {f.src_uri: f.page for f in doc_files if f.src_uri in set(uris)}
    entries = {}
    for uri in uris:
        _build_page(pages[uri], config, doc_files, nav, env)
        entries[uri] = plugin.entries.get(uri, [])
    return entries


def build_in_parallel(pages: list, config, files, nav, env, workers: int | None = None) -> dict[str, list]:
    """Run MkDocs' own `_build_page` for `pages` across processes; returns each page's search entries."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(pages) < 200 or "fork" not in multiprocessing.get_all_start_methods():
        plugin = config.plugins.get("committee-papers")
        for page in pages:
            _build_page(page, config, files.documentation_pages(), nav, env)
        return {page.file.src_uri: plugin.entries.get(page.file.src_uri, []) for page in pages}
    _STATE.update(config=config, files=files, nav=nav, env=env, plugin=config.plugins.get("committee-papers"))
    uris = [page.file.src_uri for page in pages]
    size = max(1, len(uris) // (workers * 4))
    chunks = [uris[i : i + size] for i in range(0, len(uris), size)]
    entries: dict[str, list] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for result in pool.map(_build, chunks):
                entries.update(result)
    finally:
        _STATE.clear()
    return entries
