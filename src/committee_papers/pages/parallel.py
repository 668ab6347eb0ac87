"""Rendering meetings' pages across processes: forked workers share the site already in memory."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from committee_papers.pages.asset import Asset
from committee_papers.pages.render import Page, PageRenderer
from committee_papers.pages.site import MeetingView

PARALLEL_FROM = 60  # meetings; fewer are quicker in one process
_RENDERER: PageRenderer | None = None


def _render(meeting_ids: list[str]) -> list[tuple[str, list[Page], list[Asset]]]:
    renderer = _RENDERER
    return [(mid, *renderer.meeting_pages(renderer.site.by_id[mid])) for mid in meeting_ids]


def render_meetings(
    renderer: PageRenderer, views: list[MeetingView], workers: int | None = None, allow_fork: bool = True
) -> dict[str, tuple[list[Page], list[Asset]]]:
    workers = workers or os.cpu_count() or 1
    if not allow_fork or workers <= 1 or len(views) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return {view.id: renderer.meeting_pages(view) for view in views}
    global _RENDERER
    _RENDERER = renderer
    ids = [view.id for view in views]
    size = max(1, len(ids) // (workers * 4))
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    results: dict[str, tuple[list[Page], list[Asset]]] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_render, chunks):
                for mid, pages, assets in chunk:
                    results[mid] = (pages, assets)
    finally:
        _RENDERER = None
    return results
