"""Each private name of Material for MkDocs the adapter uses, against the installed version: a change fails here, loudly."""

from __future__ import annotations

import pytest

from committee_papers.adapter import material_search
from committee_papers.shims.internals import InternalChanged


@pytest.fixture
def material_config(tmp_path):
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme: {name: material}\nplugins: [search]\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_materials_search_still_keeps_its_entries_in_a_list(material_config):
    index = material_search.search_index(material_config)
    assert index is not None, "Material's search plugin no longer has `search_index`"
    assert index.entries == []
    material_search.replace_entries(material_config, [{"location": "a/", "title": "A", "text": "words"}])
    assert material_search.search_index(material_config).entries[0]["title"] == "A"


def test_a_search_index_without_entries_is_told(material_config):
    plugin = material_config.plugins["material/search"]
    plugin.search_index = object()
    with pytest.raises(InternalChanged, match="Material search plugin search_index.entries"):
        material_search.search_index(material_config)


def test_materials_menu_templates_are_still_where_the_shared_menu_expects_them(material_config):
    from committee_papers.adapter.theme import NAV, NAV_ITEM, from_material

    env = material_config.theme.get_env()
    assert from_material(env, NAV) and from_material(env, NAV_ITEM)
