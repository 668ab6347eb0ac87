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

from markupsafe import Markup

from committee_papers.markdown.exempt import has_exempt
from committee_papers.markdown.exempt_text import exempt_blocks
from committee_papers.model.prepared import PartsHtml, PreparedReport
from committee_papers.render.block_views import block_views, html_of
from committee_papers.render.report import ParsedReport, parse_report, withhold_parsed

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


def prepare_report(archive, report_file, parsed=None) -> PreparedReport:
    """Render a parsed report (the members' parse, as `papers check` makes it) for members and for the public."""
    parsed = parsed or parse_report(archive, report_file, public=False)
    marker = f"#papers-file-{secrets.token_hex(6)}:"
    for part in parsed.parts():
        _mark_local_files(part.tokens, marker)
    exempt = any(has_exempt(part.tokens) for part in parsed.parts())
    whole = report_file.report.exempt is not None
    blocks = exempt_blocks(parsed.parts(), everything=whole, body=report_file.body)  # before anything is withheld; [] if nothing is exempt
    members = parts_html(parsed, archive.allow_html)
    if exempt or parsed.numbering.paragraphs.withheld:
        withhold_parsed(parsed)
        withheld = parts_html(parsed, archive.allow_html)
    else:
        withheld = None  # nothing is exempt: the two versions are the same HTML
    return PreparedReport(members=members, has_exempt=exempt, marker=marker, withheld=withheld, exempt_blocks=blocks)


def parts_html(parsed: ParsedReport, allow_html: bool) -> PartsHtml:
    """One audience's parse rendered: the blocks, and each part by name (for council templates and other pages)."""
    blocks = block_views(parsed, allow_html)
    return PartsHtml(
        blocks=blocks,
        purpose=html_of(parsed.extras.get("purpose"), allow_html),
        comments={key: html_of(part, allow_html) for key, _, part in parsed.comments},
        extras={name: html_of(part, allow_html) for name, part in parsed.extras.items()},
    )


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
