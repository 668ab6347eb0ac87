"""A report's Markdown rendered for members and for the public, as HTML pieces: what the check cache keeps (render.prepared makes it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from committee_papers.broken_rule import broken


@dataclass
class PartsHtml:
    """One audience's version: the layout's blocks (render.block_views), and each Markdown part as HTML by name."""

    blocks: list[dict] = field(default_factory=list)
    purpose: str = ""
    comments: dict[str, str] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> Markup:
        """The body's sections in one piece, for council templates written before the layout was data."""
        return legacy_body(self.blocks)


@dataclass
class PreparedReport:
    members: PartsHtml
    has_exempt: bool  # the members' version holds something the public one leaves out
    marker: str  # the prefix of a link to a local file, not guessable by an author
    withheld: PartsHtml | None = None  # the public's version, where it differs from members' (kept once in the cache)
    exempt_blocks: list = field(default_factory=list)  # [part, text, line in the part] of each exempt block (guard.corpus)

    @property
    def public(self) -> PartsHtml:
        if self.withheld is None or broken():  # broken: the test switch (committee_papers.broken_rule)
            return self.members
        return self.withheld

    def parts(self, members: bool) -> PartsHtml:
        return self.members if members else self.public


def legacy_body(views: list[dict]) -> Markup:
    """The body's sections as one piece, for council templates written before the layout was data."""
    html = ""
    for view in views:
        if view["kind"] == "section" and view["source"] == "body":
            if view["heading"]:
                html += f"<h2>{view['heading']}</h2>\n"
            html += "".join(view["html"])
    return Markup(html)
