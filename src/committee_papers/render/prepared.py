"""A report's Markdown parsed once per build and rendered for both audiences, for every output to share.

`papers check` parses each report exactly as it is rendered (in the worker
process that read it); `prepare_report` then renders that parse twice: for
members, and for the public with every exempt passage withheld by the exempt
rule. The page, the public pack, the members' pack and the report's PDF all
fill the house style's template from these HTML pieces (the blocks of the
report's layout), so none parses the report again, and each worker process
sends back strings, not tokens.

A link to a file in the meeting folder is where the outputs differ (the site
publishes the file beside the page; a pack shows an image from the papers and
drops other links), so it is rendered with a marker each output resolves.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field

from markupsafe import Markup

from committee_papers.broken_rule import broken
from committee_papers.markdown.exempt import has_exempt

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


@dataclass
class PartsHtml:
    """One audience's version: the layout's blocks (render.view), and each Markdown part as HTML by name."""

    blocks: list[dict] = field(default_factory=list)
    purpose: str = ""
    comments: dict[str, str] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> Markup:
        """The body's sections in one piece, for council templates written before the layout was data."""
        from committee_papers.render.view import legacy_body

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


def prepare_report(archive, report_file, parsed=None) -> PreparedReport:
    """Render a parsed report (the members' parse, as `papers check` makes it) for members and for the public."""
    from committee_papers.guard.corpus import exempt_blocks
    from committee_papers.render.report import parse_report, withhold_parsed
    from committee_papers.render.view import parts_html

    parsed = parsed or parse_report(archive, report_file, public=False)
    marker = f"#papers-file-{secrets.token_hex(6)}:"
    for part in parsed.parts():
        _mark_local_files(part.tokens, marker)
    exempt = any(has_exempt(part.tokens) for part in parsed.parts())
    whole = report_file.report.exempt is not None
    blocks = exempt_blocks(parsed.parts(), everything=whole) if exempt or whole else []  # before anything is withheld
    members = parts_html(parsed, archive.allow_html)
    if exempt or parsed.numbering.paragraphs.withheld:
        withhold_parsed(parsed)
        withheld = parts_html(parsed, archive.allow_html)
    else:
        withheld = None  # nothing is exempt: the two versions are the same HTML
    return PreparedReport(members=members, has_exempt=exempt, marker=marker, withheld=withheld, exempt_blocks=blocks)


def _mark_local_files(tokens, marker: str) -> None:
    for token in tokens:
        for child in token.children or []:
            attribute = "src" if child.type == "image" else "href" if child.type == "link_open" else None
            target = child.attrGet(attribute) if attribute else None
            if isinstance(target, str) and target and not _SCHEME.match(target):
                child.attrSet(attribute, marker + target)


def prepared(archive, report_file) -> PreparedReport:
    """The report as `papers check` prepared it, or prepared now (a folder kept by an older cache, or a test)."""
    found = getattr(report_file, "prepared", None)
    return found if isinstance(found, PreparedReport) else prepare_report(archive, report_file)


_MARKED = re.compile(r' (href|src)="#papers-file-([0-9a-f]{12}):([^"]*)"')


def resolve_files(text: str, marker: str, resolve) -> Markup:
    """Each marked link or image to a local file gets the address `resolve(path)` gives (None: no address)."""
    token = marker.removeprefix("#papers-file-").removesuffix(":")

    def replace(match: re.Match) -> str:
        if match.group(2) != token:
            return match.group(0)  # not this report's marker: the author's own words, left as written
        target = html.unescape(match.group(3))
        if resolve is None:
            return f' {match.group(1)}="{html.escape(target)}"'
        path, _, fragment = target.partition("#")
        url = resolve(path)
        if url is None:
            return ""
        return f' {match.group(1)}="{html.escape(url + (f"#{fragment}" if fragment else ""))}"'

    return Markup(_MARKED.sub(replace, text))
