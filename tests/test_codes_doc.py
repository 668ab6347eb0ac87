"""docs/codes.md is generated from codes.yml and must not drift from it."""

from pathlib import Path

from committee_papers.codes_doc import codes_markdown
from committee_papers.problems import registry

DOC = Path(__file__).resolve().parent.parent / "docs" / "codes.md"


def test_codes_page_is_up_to_date(regen):
    text = codes_markdown()
    if regen:
        DOC.write_text(text, "utf-8")
    assert DOC.read_text("utf-8") == text, "run `python -m pytest --regen tests/test_codes_doc.py`"


def test_every_code_is_on_the_page():
    page = DOC.read_text("utf-8")
    for code in registry():
        assert f"## {code}\n" in page
