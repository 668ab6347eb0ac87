"""The check cache: meeting folders read and checked by an earlier run, kept while nothing they depend on changed.

The cache lives in the council folder (`.papers-cache/check.json`), where anyone who
can commit to the papers can also put a file. So it is JSON, which cannot run code
when read, and it is signed with a key kept outside the council folder, on the
computer that wrote it: a cache that another computer wrote, or that was edited,
or that does not decode into exactly the records this tool writes, is ignored and
the folders are read again.

A folder is reused only if every file in it is byte for byte the same, and so are
the council, the people, the templates, this tool's code (every file of it, not
just its version number), the Python that runs it and the libraries its checks use.

The file is a header line (format, context, signature) and one JSON line per
meeting folder, so a run that changed one folder writes one new line and copies
the others as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
import sys
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from committee_papers import signing
from committee_papers.signing import CacheError, seal, signing_key, unseal  # noqa: F401 - the check cache's signature

NAME = "check.json"
FORMAT = signing.FORMAT  # the sealed file's layout
# The libraries whose behaviour decides what the check finds.
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "markdown-it-py", "mdit-py-plugins", "nh3", "pypdf", "pillow", "holidays", "Jinja2")


class FolderCache:
    """Meeting folders (their records and problems) as an earlier run of the check left them."""

    def __init__(self, root: Path, papers: Path, hooks: tuple):
        from committee_papers.incremental import CACHE_DIR, digest, tree_digest

        self.path = root / CACHE_DIR / NAME
        templates = root / "templates"
        self.context = digest(
            code_digest(),
            str(root.resolve()),
            *(getattr(hook, "__qualname__", "") for hook in hooks),
            *(_bytes(papers / name) for name in ("council.yml", "people.yml")),
            tree_digest(templates) if templates.is_dir() else "",
        )
        self.tree_digest = tree_digest
        self.lines: dict[str, tuple[str, bytes]] = {}  # folder → (digest, its line) as read

    def unchanged(self, paths: list[Path], ignore_stored: bool = False) -> tuple[dict, dict[str, str]]:
        """The folders of `paths` kept from the cache (name → (folder, problems)), and every folder's digest."""
        digests = {path.name: self.tree_digest(path) for path in paths}
        if ignore_stored:
            return {}, digests
        try:
            self.lines = unseal(self.path.read_bytes(), self.context)
            kept = {name: decode(json.loads(line)) for name, (digest, line) in self.lines.items() if digests.get(name) == digest}
            if not all(isinstance(folder, tuple) and len(folder) == 2 for folder in kept.values()):
                raise CacheError("not a folder's records")
        except (OSError, CacheError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            self.lines = {}
            return {}, digests
        return kept, digests

    def save(self, folders: dict) -> None:
        """Write `folders` (name → (digest, folder, problems)); a folder kept from the cache keeps its line."""
        lines = {}
        try:
            for name, (digest, *records) in folders.items():
                known = self.lines.get(name)
                line = known[1] if known and known[0] == digest else json.dumps(encode(tuple(records)), separators=(",", ":")).encode()
                lines[name] = (digest, line)
        except CacheError:
            return  # something this tool cannot write down: the next run reads everything again
        if lines == self.lines:
            return  # nothing changed
        try:
            self.path.parent.mkdir(exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(seal(lines, self.context))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout: the next run reads everything again


def _bytes(path: Path) -> bytes:
    from committee_papers.loading.files import is_regular_file

    try:
        return path.read_bytes() if is_regular_file(path) else b""
    except OSError:
        return b""


@cache
def code_digest() -> str:
    """Every file of this package (code, codes.yml, templates), the Python running it and the libraries it checks with."""
    package = Path(__file__).resolve().parent.parent
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hasher.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    hasher.update(sys.version.encode("utf-8"))
    for name in LIBRARIES:
        try:
            hasher.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            hasher.update(f"{name}=none".encode())
    return hasher.hexdigest()


# -- JSON with tags for the few kinds of value a meeting folder's records hold ----------------------------------
@cache
def _types() -> dict[str, type]:
    """The classes a cache may hold, by name: the records of a loaded folder and the problems found in it."""
    from committee_papers import problems, yamlsource
    from committee_papers.model import archive, meeting, minutes, prepared, report

    found: dict[str, type] = {}
    for module in (archive, minutes, meeting, report, problems, yamlsource, prepared):
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                if dataclasses.is_dataclass(value) or issubclass(value, (BaseModel, enum.Enum)):
                    found[value.__name__] = value
    return found


def encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)) or type(value) is str:
        return value
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"~": "tuple", "v": [encode(item) for item in value]}
    if isinstance(value, dict):
        if all(type(k) is str for k in value):
            return {"~": "map", "v": {k: encode(v) for k, v in value.items()}}
        return {"~": "dict", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"~": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"~": "date", "v": value.isoformat()}
    if isinstance(value, Path):
        return {"~": "path", "v": str(value)}
    if type(value) is Markup:  # HTML this tool rendered (a report prepared by the check): the cache is signed
        return {"~": "markup", "v": str(value)}
    name = type(value).__name__
    if _types().get(name) is not type(value):
        raise CacheError(f"a {name} cannot be cached")
    if name == "YamlDoc":  # positions of every key and value: kept compact
        return {"~": "yaml", "t": name, "v": [encode(value.data), _positions(value.values), _positions(value.keys), list(value.start)]}
    if isinstance(value, enum.Enum):
        return {"~": "enum", "t": name, "v": value.value}
    if isinstance(value, BaseModel):  # validated again when read
        return {"~": "model", "t": name, "v": value.model_dump(mode="json", round_trip=True)}
    return {"~": "record", "t": name, "v": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}


def _positions(found: dict) -> list:
    for path in found:
        if not all(type(part) in (str, int) for part in path):
            raise CacheError("a YAML key that is neither text nor a number")
    return [[list(path), line, column] for path, (line, column) in found.items()]


def decode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict) or set(value) - {"~", "t", "v"}:
        raise CacheError("not a cached value")
    tag, inner = value["~"], value["v"]
    if tag == "tuple":
        return tuple(decode(item) for item in inner)
    if tag == "map":
        return {str(k): decode(v) for k, v in inner.items()}
    if tag == "dict":
        return {decode(k): decode(v) for k, v in inner}
    if tag in ("datetime", "date"):
        return getattr(dt, tag).fromisoformat(inner)
    if tag == "path":
        return Path(inner)
    if tag == "markup" and isinstance(inner, str):
        return Markup(inner)
    kind = _types().get(value.get("t"))
    if tag == "yaml" and kind is not None:
        data, values, keys, start = inner
        return kind(decode(data), {tuple(p): (int(ln), int(c)) for p, ln, c in values}, {tuple(p): (int(ln), int(c)) for p, ln, c in keys}, tuple(start))
    if tag == "enum" and isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(inner)
    if tag == "model" and isinstance(kind, type) and issubclass(kind, BaseModel):
        return kind.model_validate(inner)
    if tag == "record" and kind is not None and dataclasses.is_dataclass(kind) and isinstance(inner, dict):
        return kind(**{str(k): decode(v) for k, v in inner.items()})
    raise CacheError(f"unknown kind of value `{tag}`")
