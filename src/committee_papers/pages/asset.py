"""A file published beside the pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Asset:
    """A file published beside the pages: a copied PDF appendix, a councillor's photo."""

    url: str
    source: str
