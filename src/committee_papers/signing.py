"""The caches' signature: a key of this computer's, outside every council folder, and records sealed with it.

A cache this computer did not write, or one changed since, is refused (CacheError),
so a cache copied from another checkout or edited by hand is never believed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from functools import cache
from pathlib import Path

FORMAT = 3


class CacheError(ValueError):
    """A cache that cannot be used: not ours, tampered with, or not decodable."""


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "committee-papers" / "cache-key"


@cache
def signing_key() -> bytes:
    """This computer's key for signing caches, made on first use; outside every council folder."""
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_bytes(key)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        pass  # nowhere to keep it: this run's caches can be read by this run only
    return key


def _body(lines: dict[str, tuple[str, bytes]]) -> bytes:
    return b"".join(json.dumps([name, digest]).encode() + b"\n" + line + b"\n" for name, (digest, line) in lines.items())


def seal(lines: dict[str, tuple[str, bytes]], context: str) -> bytes:
    """The header line, then each folder's name and digest and its line of records; signed as a whole."""
    body = _body(lines)
    signature = hmac.new(signing_key(), context.encode() + b"\n" + body, hashlib.sha256).hexdigest()
    return json.dumps({"format": FORMAT, "context": context, "signature": signature}).encode() + b"\n" + body


def unseal(raw: bytes, context: str) -> dict[str, tuple[str, bytes]]:
    """The folders' lines of a cache this computer sealed for `context`; CacheError for anything else."""
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
    except (ValueError, RecursionError):
        raise CacheError("not a cache") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("context") != context:
        raise CacheError("another version's cache, or another council's")
    expected = hmac.new(signing_key(), context.encode() + b"\n" + body, hashlib.sha256).hexdigest()
    if not isinstance(header.get("signature"), str) or not hmac.compare_digest(header["signature"], expected):
        raise CacheError("not signed on this computer, or changed since")
    parts = body.split(b"\n")
    lines = {}
    for index in range(0, len(parts) - 1, 2):
        name, digest = json.loads(parts[index])
        lines[name] = (digest, parts[index + 1])
    return lines
