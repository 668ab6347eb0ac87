"""Material's own search: the entries it makes of each page, kept for builds that keep the page.

Material's search plugin (9.5-9.8) holds its index as `search_index.entries`, a
list of dicts it appends to as each page is built, and writes at the end of the
build. A page a build keeps is not built again, so its stored entries are put
back in their place; pages laid out in worker processes send theirs back.
"""

from __future__ import annotations

from committee_papers.shims.internals import InternalChanged

NAME = "Material search plugin search_index.entries"


def search_index(config):
    """Material's (or MkDocs') search index being built, or None without a search plugin."""
    for name, plugin in config.plugins.items():
        if name != "search" and not name.endswith("/search"):
            continue
        index = getattr(plugin, "search_index", None)
        if index is None:
            return None  # the plugin has not started on the pages yet
        if not isinstance(getattr(index, "entries", None), list):
            raise InternalChanged(NAME, f"its search_index is a {type(index).__name__} without an `entries` list")
        return index
    return None


class EntryTaker:
    """Takes the entries the search plugin added since the last page."""

    def __init__(self):
        self.seen = 0

    def take(self, config) -> list | None:
        index = search_index(config)
        if index is None:
            return None
        entries = index.entries[self.seen :]
        self.seen = len(index.entries)
        return entries


def replace_entries(config, entries: list) -> None:
    """Put the whole index's entries in place, before the search plugin writes it."""
    index = search_index(config)
    if index is not None:
        index.entries[:] = entries
