"""Shims over the private names of dependencies the core needs (pypdf, mdit-py-plugins).

Each private name used here or in the adapter is listed in `internals.py`
with the versions it was written against; `tests/shims/test_internals.py`
fails loudly when one changes. The shims import neither MkDocs nor Material.

- `pdf.py`: the pypdf internals the packs and the appendix check need;
- `mdit.py`: the footnotes mdit-py-plugins keeps in the parser's env;
- `internals.py`: the list of private names, and `InternalChanged`.
"""
