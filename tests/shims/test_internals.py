"""Each private name the shims use, against the installed dependencies: a change fails here, loudly."""

from __future__ import annotations

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, IndirectObject

from committee_papers.markdown.parser import parser
from committee_papers.shims import mdit
from committee_papers.shims.internals import INTERNALS, InternalChanged
from committee_papers.shims.pdf import add_object


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

    from committee_papers.shims.pdf import stored_bytes

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


def test_every_internal_names_its_package_and_versions():
    from importlib.metadata import version

    for name, (package, written_for, where) in INTERNALS.items():
        assert version(package), name
        assert "-" in written_for and where.startswith(("adapter/", "shims/"))
