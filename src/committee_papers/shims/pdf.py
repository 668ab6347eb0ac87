"""pypdf internals the packs need."""

from __future__ import annotations

from committee_papers.shims.internals import InternalChanged


def add_object(writer, obj):
    """`obj` as an indirect object of `writer`: pypdf (6.17-7.1) has no public call for it, only `_add_object`."""
    add = getattr(writer, "_add_object", None)
    if add is None:
        raise InternalChanged("pypdf PdfWriter._add_object")
    return add(obj)


def stored_bytes(stream) -> bytes:
    """A stream's bytes as stored in the file, still encoded: pypdf (6.17-7.1) keeps them in `_data`; `get_data()` decodes all at once."""
    data = getattr(stream, "_data", None)
    if not isinstance(data, bytes):
        raise InternalChanged("pypdf StreamObject._data")
    return data
