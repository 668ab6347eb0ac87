"""Each private name the adapter uses, against the installed dependencies: a change fails here, loudly."""

from __future__ import annotations

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, IndirectObject

from committee_papers.adapter import material_search, mdit
from committee_papers.adapter.internals import INTERNALS, InternalChanged
from committee_papers.adapter.pdf import add_object
from committee_papers.markdown.parser import parser


def test_pypdf_still_adds_indirect_objects():
    stream = DecodedStreamObject()
    stream.set_data(b"q Q")
    reference = add_object(PdfWriter(), stream)
    assert isinstance(reference, IndirectObject)
    assert reference.get_object().get_data() == b"q Q"


def test_a_pypdf_without_it_is_told_by_name_and_version():
    with pytest.raises(InternalChanged, match=r"PdfWriter._add_object \(written against pypdf 6.17-7.1\); the installed pypdf"):
        add_object(object(), DecodedStreamObject())


def test_pypdf_still_keeps_a_streams_stored_bytes():
    import io
    import zlib

    from generated import pdf_file
    from pypdf import PdfReader

    from committee_papers.adapter.pdf import stored_bytes

    page = PdfReader(io.BytesIO(pdf_file(1, 5000))).pages[0]
    stored = stored_bytes(page["/Contents"].get_object())
    assert zlib.decompress(stored) == b" " * 5000  # still compressed, as in the file
    with pytest.raises(InternalChanged, match=r"StreamObject._data \(written against pypdf 6.17-7.1\)"):
        stored_bytes(object())


def test_the_footnote_plugin_still_keeps_its_footnotes_in_env():
    env: dict = {}
    parser(False).parse("One[^note] and two^[inline words].\n\n[^note]: The note.\n", env)
    data = mdit.footnotes(env)
    labelled = mdit.labelled_footnote(data, "note")
    assert labelled == 0
    assert not mdit.inline_footnote(data, labelled)
    assert mdit.inline_footnote(data, 1)
    assert mdit.labelled_footnote(data, "missing") == -1


def test_a_changed_footnote_env_is_told():
    with pytest.raises(InternalChanged, match="mdit-py-plugins"):
        mdit.footnotes({"footnotes": ["not", "a", "dict"]})


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


def test_every_internal_names_its_package_and_versions():
    from importlib.metadata import version

    for name, (package, written_for, where) in INTERNALS.items():
        assert version(package), name
        assert "-" in written_for and where.startswith("adapter/")
