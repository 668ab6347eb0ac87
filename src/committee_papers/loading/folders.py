"""Which folders a build may write and publish: the site, the members' folder, and what MkDocs copies as it is.

The papers folder (and the council's templates) must never be overwritten or
published as written, and the members' confidential packs must never be written
where a build publishes them.
"""

from __future__ import annotations

import os
from pathlib import Path


def overlap(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def papers_folder(root: Path) -> Path:
    return (root / "papers" if (root / "papers").is_dir() or not (root / "council.yml").exists() else root).resolve()


def publishes_papers(folder: Path, root: Path, papers: Path) -> bool:
    """Whether MkDocs, copying `folder` to the site, would publish papers: it is, holds, or is inside the papers folder."""
    if folder == papers or folder in papers.parents:
        return True
    if papers != root:
        return papers in folder.parents
    # council.yml beside mkdocs.yml: the papers are the council folder's meetings/ and committees/
    return any(overlap(folder, root / name) for name in ("meetings", "committees"))


def folder_conflicts(
    root: Path, site: Path, members: Path, published: tuple[tuple[str, Path], ...] = (), *, members_written: bool = True
) -> list[tuple[str, str, str]]:
    """(code, setting, message) for each way the build's folders would publish or overwrite what they must not.

    `published` are the folders MkDocs copies to the site as they are (`docs_dir`, the theme's `custom_dir`).
    """
    found = []
    root = root.resolve()
    papers = papers_folder(root)
    for protected in (papers, (root / "templates").resolve()):
        for setting, name, folder in (("site_dir", "site", site), ("confidential_dir", "members' confidential", members)):
            if overlap(folder, protected):
                found.append(("PAP600", setting, f"the {name} folder {folder} would overwrite the council's own files in {protected}"))
    if overlap(members, site):
        if members in site.parents or members == site:
            setting, message = "site_dir", f"the site folder {site} is inside the members' confidential folder {members}"
        else:
            setting, message = "confidential_dir", f"the members' confidential folder {members} is inside the site folder {site}"
        found.append(("PAP601", setting, message + ": the members' packs would be published, or lost when the site is replaced"))
    for setting, folder in published:
        if publishes_papers(folder, root, papers):
            found.append(
                ("PAP602", setting, f"`{setting}` {folder} is, holds or is inside the papers folder {papers}: every paper would be published as written")
            )
        elif overlap(members, folder):
            found.append(
                (
                    "PAP601",
                    "confidential_dir" if members_written and (folder == members or folder in members.parents) else setting,
                    f"the members' confidential folder {members} and `{setting}` {folder}, which is published, overlap: the members' packs would be published",
                )
            )
        else:
            found += _linked_in(folder, root, papers, members, setting)
    return found


def _linked_in(folder: Path, root: Path, papers: Path, members: Path, setting: str) -> list[tuple[str, str, str]]:
    """A symbolic link in a published folder that leads into the papers or the members' folder (MkDocs follows links)."""
    found = []
    if not folder.is_dir():
        return found
    for base, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            link = Path(base) / name
            if not link.is_symlink():
                continue
            target = link.resolve()
            shown = link.relative_to(root).as_posix() if link.is_relative_to(root) else str(link)
            if publishes_papers(target, root, papers):
                found.append(
                    (
                        "PAP602",
                        f"link:{shown}",
                        f"the link {shown} in `{setting}` leads to {target}, in the papers folder: the papers would be published as written",
                    )
                )
            elif overlap(members, target):
                found.append(
                    (
                        "PAP601",
                        f"link:{shown}",
                        f"the link {shown} in `{setting}` leads to {target}, in the members' confidential folder: the members' packs would be published",
                    )
                )
    return found
