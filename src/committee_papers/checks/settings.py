"""The council's build settings in mkdocs.yml, checked before any build: where the site and members' packs go,
and which folders MkDocs copies to the site as they are.

A site folder inside the papers, or a members' folder inside the site, the
council's pages folder or the theme's folder, is refused by every build
(PAP600, PAP601); so is a `docs_dir` or `custom_dir` that would publish the
papers as written (PAP602). `papers check` says so first, at the line of
mkdocs.yml that sets it (or at a symbolic link that leads there). A mkdocs.yml
this cannot read is left to MkDocs, which says what is wrong with it when the
site is built.
"""

from __future__ import annotations

from pathlib import Path

from committee_papers.loading.folders import folder_conflicts
from committee_papers.model.archive import Archive
from committee_papers.problems import Problems, refuse
from committee_papers.yamlsource import YamlProblem, parse_yaml

PLUGIN = "committee-papers"


def check_build_folders(archive: Archive, problems: Problems, today=None) -> None:
    config = archive.root / "mkdocs.yml"
    try:
        doc = parse_yaml(config.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return
    data = doc.data if isinstance(doc.data, dict) else {}
    root = archive.root.resolve()
    site_dir, docs_dir = data.get("site_dir", "site"), data.get("docs_dir", "docs")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom_dir = theme.get("custom_dir")
    if not all(isinstance(value, str) for value in (site_dir, docs_dir)) or not isinstance(custom_dir, (str, type(None))):
        return  # MkDocs says what is wrong
    where = {"site_dir": ("site_dir",), "docs_dir": ("docs_dir",), "custom_dir": ("theme", "custom_dir")}
    options: dict = {}
    for index, entry in enumerate(data.get("plugins") or []):
        if isinstance(entry, dict) and isinstance(entry.get(PLUGIN), dict):
            options = entry[PLUGIN]
            where["confidential_dir"] = ("plugins", index, PLUGIN, "confidential_dir")
    members = options.get("confidential_dir")
    if members is not None and not isinstance(members, str):
        return
    default = "confidential-drafts" if options.get("drafts") is True else "confidential"
    site = (root / site_dir).resolve()
    members_dir = (root / Path(members).expanduser()).resolve() if members else root / default
    published = (("docs_dir", (root / docs_dir).resolve()),) + ((("custom_dir", (root / custom_dir).resolve()),) if custom_dir else ())
    for code, setting, message in folder_conflicts(root, site, members_dir, published, members_written=bool(members)):
        if setting.startswith("link:"):
            problems.extend([refuse(code, setting[len("link:") :], message=message).problem])  # the link, not where it leads
            continue
        path = where.get(setting)
        line, column = doc.key_at(path) if path and (path in doc.keys or path in doc.values) else (1, 1)
        problems.add(code, config, line, column, message)
