"""What the theme shows on every page, from MkDocs' settings as the build lays pages out with them.

A kept page (`incremental.py`) is not laid out again, so everything its frame
shows goes into the build's global digest: every key of mkdocs.yml as loaded
and as the plugin completed it (the menu, the site name, the footer's
copyright, the theme's settings, `extra`...), the council's theme templates,
and the council's own pages (their titles may be in the menu).
"""

from __future__ import annotations

import json
import re
import types
from collections.abc import Mapping
from pathlib import Path

from committee_papers.incremental import digest, tree_digest

# the docs folder is given by what it holds (an empty one is a new temporary folder each build)
LEFT_OUT = {"docs_dir"}
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def theme_settings(config) -> str:
    """Every setting a page's frame is made from, as one string for the build's digest."""
    import material

    settings = {key: value for key, value in dict(config).items() if key not in LEFT_OUT}
    custom = config.theme.custom_dir
    return json.dumps(
        [
            plain(settings),
            _markdown_digest(Path(config.docs_dir)),
            tree_digest(Path(custom)) if custom else "",
            getattr(material, "__version__", ""),
        ],
        sort_keys=True,
    )


def plain(value, depth: int = 0):
    """`value` as JSON data that is the same in every build with the same settings (no memory addresses)."""
    if depth > 20:
        return "…"
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, types.ModuleType):  # a hook: its code
        source = getattr(value, "__file__", None)
        return {"module": value.__name__, "code": _file_digest(Path(source)) if source else ""}
    if _is_theme(value):
        return {"theme": value.name, "dirs": plain(list(value.dirs), depth + 1), "settings": plain(dict(value), depth + 1)}
    if isinstance(value, Mapping):
        return {str(key): plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item, depth + 1) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    options = getattr(value, "config", None)
    if isinstance(options, Mapping):  # a plugin: its class and its options
        return {"plugin": kind, "config": plain(options, depth + 1)}
    return {"object": kind, "text": ADDRESS.sub("", str(value))}


def _is_theme(value) -> bool:
    from mkdocs.theme import Theme

    return isinstance(value, Theme)


def _file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except OSError:
        return ""


def _markdown_digest(docs: Path) -> str:
    """The council's own pages (names and text): a menu of mkdocs.yml's shows their titles."""
    if not docs.is_dir():
        return ""
    return digest(*(part for path in sorted(docs.rglob("*.md")) if path.is_file() for part in (path.relative_to(docs).as_posix(), path.read_bytes())))
