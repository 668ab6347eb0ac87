"""Links and images in Markdown: they stay in the meeting folder, exist, and are files the site publishes."""

from __future__ import annotations

import os
import re
from pathlib import Path

from committee_papers.checks.limits import check_image
from committee_papers.loading.paths import backslashed, real_path, resolve_inside
from committee_papers.problems import Problems
from committee_papers.publication import PUBLISHABLE

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def find_in(lines: list[str], first_line: int, map_: list[int] | None, text: str) -> tuple[int, int]:
    """The line and column of `text` within a token's lines (its first line if not found)."""
    from urllib.parse import unquote

    start, end = (map_ or [0, 1])[0], (map_ or [0, 1])[1]
    for written in dict.fromkeys((text, unquote(text))):  # a link's address arrives %-encoded
        for offset in range(start, min(end, len(lines))):
            if written in lines[offset]:
                return first_line + offset, lines[offset].index(written) + 1
    return first_line + start, 1


def check_links(
    folder: Path, report_id: str, path: Path, lines: list[str], first_line: int, tokens, problems: Problems, appendices: set[Path] = frozenset()
) -> None:
    """Links and images must stay in the meeting folder, exist, and be files the site publishes."""
    for token in tokens:
        for child in token.children or []:
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src") if child.type == "image" else None
            if not target or not isinstance(target, str) or child.meta.get("para_ref") is not None:
                continue
            remote = bool(_SCHEME.match(target)) or target.startswith("//")
            if child.type == "image" and remote and not target.startswith("#"):
                line, column = find_in(lines, first_line, token.map, target)
                problems.add(
                    "PAP505",
                    path,
                    line,
                    column,
                    f"the image `{target}` comes from another website",
                    f"save the image in {folder.name}/{report_id}/ and link to it there",
                )
                continue
            if target.startswith("#") or remote:
                continue
            local = target.split("#", 1)[0].split("?", 1)[0]
            if not local:
                continue
            line, column = find_in(lines, first_line, token.map, target)
            if backslashed(local, path, line, column, problems):
                continue
            resolved = resolve_inside(folder, local)
            if resolved is None:
                problems.add(
                    "PAP209",
                    path,
                    line,
                    column,
                    f"the link `{target}` leads outside this meeting's folder",
                    f"put the file in {folder.name}/{report_id}/ and link to it from there",
                )
            elif not os.path.exists(resolved):
                problems.add(
                    "PAP208",
                    path,
                    line,
                    column,
                    f"the linked file `{target}` does not exist",
                    f"add the file, or correct the path; paths start from the meeting folder {folder.name}/",
                )
            elif not os.path.isfile(resolved) and not os.path.isdir(resolved):  # a pipe would never finish copying
                problems.add("PAP003", path, line, column, f"`{target}` is not an ordinary file", "replace it with the file itself")
            elif child.type == "image" and os.path.isfile(resolved):
                check_image(resolved, target, path, line, column, problems)
            elif os.path.isfile(resolved) and resolved.suffix.lower() not in PUBLISHABLE and real_path(resolved) not in appendices:
                problems.add(
                    "PAP506",
                    path,
                    line,
                    column,
                    f"the link to `{target}` will be shown as plain text: {resolved.suffix or 'files without a type'} files are not published",
                    "save it as PDF, or make it an appendix; images, PDF and CSV files are published",
                )
