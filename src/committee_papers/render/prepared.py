"""A report's Markdown parsed once per build and rendered for both audiences, for every output to share.

`papers check` parses each report exactly as it is rendered (in the worker
process that read it); `prepare_report` then renders that parse twice: for
members, and for the public with every exempt passage withheld by the exempt
rule. The page, the public pack, the members' pack and the report's PDF all
fill the house style's template from these HTML parts, so none parses the
report again, and each worker process sends back strings, not tokens.

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

from committee_papers.markdown.exempt import has_exempt, withhold
from committee_papers.markdown.html import render_tokens
from committee_papers.markdown.paragraphs import resolve_references
from committee_papers.markdown.parser import parser

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


@dataclass
class PartsHtml:
    """Each Markdown part of a report as HTML: purpose, body, comments by key, the other sections by name."""

    purpose: str = ""
    body: str = ""
    comments: dict[str, str] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)


@dataclass
class PreparedReport:
    public: PartsHtml
    members: PartsHtml
    has_exempt: bool  # the members' version holds something the public one leaves out
    marker: str  # the prefix of a link to a local file, not guessable by an author

    def parts(self, members: bool) -> PartsHtml:
        return self.members if members else self.public


def prepare_report(archive, report_file, parsed=None) -> PreparedReport:
    """Render a parsed report (the members' parse, as `papers check` makes it) for members and for the public."""
    from committee_papers.render.report import EXEMPT_PASSAGE, parse_report

    parsed = parsed or parse_report(archive, report_file, public=False)
    allow_html = archive.allow_html
    marker = f"#papers-file-{secrets.token_hex(6)}:"
    named = [("purpose", parsed.purpose), ("body", parsed.body)]
    named += [(f"comments.{key}", part) for key, _, part in parsed.comments]
    named += [(f"extras.{name}", part) for name, part in parsed.extras.items()]
    named = [(name, part) for name, part in named if part is not None]
    for _, part in named:
        _mark_local_files(part.tokens, marker)
    exempt = any(has_exempt(part.tokens) for _, part in named)
    members = _render(named, allow_html)
    if exempt or parsed.numbering.withheld:
        for _, part in named:
            resolve_references(part.tokens, parsed.numbering, public=True)
            part.tokens = withhold(part.tokens, EXEMPT_PASSAGE)
        public = _render(named, allow_html)
    else:
        public = members  # nothing is exempt: the two versions are the same HTML
    return PreparedReport(public=public, members=members, has_exempt=exempt, marker=marker)


def _render(named: list, allow_html: bool) -> PartsHtml:
    md = parser(allow_html)
    out = PartsHtml()
    for name, part in named:
        text = render_tokens(md, part.tokens, part.env)
        kind, _, key = name.partition(".")
        if kind in ("comments", "extras"):
            getattr(out, kind)[key] = text
        else:
            setattr(out, kind, text)
    return out


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
