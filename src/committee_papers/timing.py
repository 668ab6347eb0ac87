"""Phase timings for profiling builds: set PAPERS_TIMINGS=1 to print them to standard error."""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager


@contextmanager
def phase(name: str):
    if not os.environ.get("PAPERS_TIMINGS"):
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"[timing] {name}: {time.perf_counter() - start:.2f} s (peak so far {peak} MB)", file=sys.stderr)
