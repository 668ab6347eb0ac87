"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from generate import generate

OUT = Path(__file__).resolve().parent / "out"


def archive(reports: int, seed: int = 1) -> Path:
    """A synthetic archive of `reports` reports, generated once and reused."""
    root = OUT / f"archive-{reports}-{seed}"
    marker = root / ".complete"
    if not marker.exists():
        generate(root, reports, committees=10, years=10, seed=seed)
        marker.write_text("ok")
    return root


@contextmanager
def timed(results: dict, name: str):
    start = time.perf_counter()
    yield
    results[name] = time.perf_counter() - start


def best_of(runs: int, function) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)
