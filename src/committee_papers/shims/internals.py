"""The private names of dependencies the shims and the adapter use, and the versions each was written against.

When a dependency changes one, the shim or the adapter says so at once
(`InternalChanged`) instead of building something silently wrong;
`tests/shims/test_internals.py` and `tests/adapter/test_material_internals.py`
exercise each against the installed versions. Names that a public API could
replace have been replaced (MkDocs' `_build_page`, patching `File.is_modified`,
Python-Markdown's table-of-contents tokens).
"""

from __future__ import annotations

INTERNALS = {
    "pypdf PdfWriter._add_object": ("pypdf", "6.17-7.1", "shims/pdf.py: a Form XObject and content streams added as indirect objects"),
    "pypdf StreamObject._data": ("pypdf", "6.17-7.1", "shims/pdf.py: a PDF appendix's drawing measured as it inflates, never inflated whole"),
    "Material search plugin search_index.entries": ("mkdocs-material", "9.5-9.8", "adapter/material_search.py: search entries of pages a build keeps"),
    "Material templates partials/nav.html, partials/nav-item.html, partials/toc.html": (
        "mkdocs-material",
        "9.5-9.8",
        "adapter/theme.py, frames.py: the menu rendered once for pages outside it; the frame filled in for each page",
    ),
    "mdit-py-plugins footnote env: env['footnotes']['refs'] and ['list']": (
        "mdit-py-plugins",
        "0.4-0.7",
        "shims/mdit.py: which footnotes an exempt passage owns",
    ),
}


class InternalChanged(RuntimeError):
    """A dependency no longer has an internal a shim or the adapter relies on: that module needs updating for that version."""

    def __init__(self, name: str, detail: str = ""):
        from importlib.metadata import PackageNotFoundError, version

        package, written_for, _ = INTERNALS[name]
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "not installed"
        super().__init__(
            f"committee-papers relies on {name} (written against {package} {written_for}); "
            f"the installed {package} {installed} has changed it{': ' + detail if detail else ''}. "
            "Install a version in the range, or update committee_papers/shims or committee_papers/adapter."
        )
