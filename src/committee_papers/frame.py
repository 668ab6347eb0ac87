"""Text from the papers for the theme's page frame: the page title, the menu, the site name, the description.

MkDocs and its themes treat these as HTML and print them as they are (in `<title>`,
the header, the menu, `<meta name="description" content="...">`). A committee name
or a report title is plain text written by the council, so it is handed over
escaped: shown exactly as written, never read as markup. The result is `Markup`,
which the theme's own `| e` leaves alone rather than escaping a second time.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def frame_text(text: str) -> Markup:
    """`text` as inert HTML: every `<`, `>`, `&` and quote escaped."""
    return escape(str(text))


def frame_front_matter(title: str, description: str) -> str:
    """The front matter of a generated page: its title and description, escaped for the frame (as JSON, which YAML reads)."""
    import json

    return f"---\ntitle: {json.dumps(str(frame_text(title)))}\ndescription: {json.dumps(str(frame_text(description)))}\n---\n"


def framed(meta: dict) -> dict:
    """A generated page's front matter as MkDocs read it back: its (escaped) title and description marked as such."""
    return {key: Markup(value) if key in ("title", "description") and isinstance(value, str) else value for key, value in meta.items()}
