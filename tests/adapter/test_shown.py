"""What every page shows, as digested for incremental builds: every mkdocs.yml setting, the same in every build."""

from __future__ import annotations

from conftest import MINIMAL, copy_council

from committee_papers.adapter.config import mkdocs_config
from committee_papers.adapter.shown import theme_settings

MKDOCS = "site_name: Fenbridge papers\ntheme: {name: material}\nplugins:\n  - search\n  - committee-papers\n"


def settings(council) -> str:
    with mkdocs_config(council) as config:
        return theme_settings(config)


def test_the_same_settings_give_the_same_digest_in_every_build(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")  # no mkdocs.yml: the defaults, with a new empty docs folder each time
    assert settings(council) == settings(council)
    assert " at 0x" not in settings(council)


def test_any_key_of_mkdocs_yml_changes_it(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    (council / "mkdocs.yml").write_text(MKDOCS, "utf-8")
    before = settings(council)
    for extra in ("copyright: Fenbridge\n", "extra: {generator: false}\n", "repo_url: https://git.example/papers\n"):
        (council / "mkdocs.yml").write_text(MKDOCS + extra, "utf-8")
        assert settings(council) != before, extra


def test_the_theme_templates_and_the_councils_pages_change_it(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    (council / "mkdocs.yml").write_text(MKDOCS.replace("{name: material}", "{name: material, custom_dir: overrides}") + "docs_dir: pages\n", "utf-8")
    (council / "overrides/partials").mkdir(parents=True)
    (council / "pages").mkdir()
    before = settings(council)
    (council / "overrides/partials/copyright.html").write_text("<p>Our footer</p>\n", "utf-8")
    footer = settings(council)
    (council / "pages/about.md").write_text("# About the council\n", "utf-8")
    assert len({before, footer, settings(council)}) == 3
