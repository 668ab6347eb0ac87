"""One build of a council at a time: a second build waits for the first, and never touches its work.

Without the lock a second build would remove the first's half-built folder as
a leftover of a killed build. The lock is an advisory `flock` on a file in the
council's `.papers-cache/`: the system releases it when its build ends, however
it ends, so a killed build never leaves it held.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from committee_papers.incremental import CACHE_DIR

LOCK_FILE = "build.lock"


@contextmanager
def build_lock(root: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the council's build lock; if another build holds it, say so through `waiting` and wait."""
    folder = root / CACHE_DIR
    folder.mkdir(exist_ok=True)
    with open(folder / LOCK_FILE, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if waiting is not None:
                waiting(f"Another build of this council is running ({holder}); waiting for it to finish.")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
