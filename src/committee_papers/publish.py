"""Atomic publishing: build beside the site, then swap it into place in one step.

A build that fails or is killed leaves the previously published site complete
and untouched; a later build removes the half-built folder it left behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import secrets
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_dir(final: Path) -> Path:
    """A fresh, empty folder next to `final` to build into; leftovers of killed builds are removed."""
    final = final.resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    for stale in final.parent.glob(f".{final.name}-building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in final.parent.glob(f".{final.name}-old-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = final.parent / f".{final.name}-building-{secrets.token_hex(4)}"
    staging.mkdir()
    return staging


def published_name(folder: Path) -> str:
    """The name of the folder a build writes into, as it is published (a staging folder's final name)."""
    name = folder.name
    return name[1:].rsplit("-building-", 1)[0] if name.startswith(".") and "-building-" in name else name


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_into_place(staging: Path, final: Path) -> None:
    """Make `staging` the published `final` folder, then remove the old one."""
    final = final.resolve()
    if not final.exists():
        os.rename(staging, final)
        return
    if _exchange(staging, final):
        old = staging.parent / f".{final.name}-old-{secrets.token_hex(4)}"
        os.rename(staging, old)  # now holds the old site
        _remove_later(old)
        return
    old = final.parent / f".{final.name}-old-{secrets.token_hex(4)}"
    os.rename(final, old)  # the only moment without a site; renameat2 avoids it on Linux
    os.rename(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def _remove_later(folder: Path) -> None:
    """Delete the superseded site without making the build wait; a later build removes any leftovers."""
    import subprocess

    rm = shutil.which("rm")
    if rm and os.name == "posix":
        subprocess.Popen([rm, "-rf", "--", str(folder)], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
