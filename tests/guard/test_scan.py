"""The scan on a real council's exempt text: what is a leak, where it came from, and what is not."""

from __future__ import annotations

from conftest import MINIMAL, copy_council
from exempt_shapes import MEETING, MINUTE, PASSAGE, REPORT, STEM, TITLE, write_minute, write_passage, write_report, write_title

from committee_papers.check import check
from committee_papers.guard.corpus import exempt_corpus
from committee_papers.guard.public_files import PublicFile
from committee_papers.guard.scan import find_leaks


def corpus_of(council):
    result = check(council)
    assert not result.problems.errors
    return exempt_corpus(result.archive)


def leaks(corpus, text: str = "", addresses: str = "page/index.html") -> list[tuple[str, int, str]]:
    return [
        (corpus.sources[leak.source].file, corpus.sources[leak.source].line, leak.public_file)
        for leak in find_leaks(corpus, [PublicFile("page/index.html", text, addresses)])
    ]


def test_each_kind_of_exempt_text_is_found_and_located(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    sources = {write_passage(council): PASSAGE, write_report(council): REPORT, write_minute(council): MINUTE}
    corpus = corpus_of(council)
    for source, words in sources.items():
        found = leaks(corpus, f"<p>Menu</p> {words.upper()} <p>Footer</p>")
        assert [(file, page) for file, _, page in found] == [(source, "page/index.html")]
        assert (council / source).read_text("utf-8").split("\n")[found[0][1] - 1] == words, "the error points at the exempt line"


def test_part_of_a_long_paragraph_is_found_too(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    write_report(council)
    corpus = corpus_of(council)
    assert leaks(corpus, "Quarry Lane will be sold to Tolland Freight for a sum agreed in confidence")
    assert not leaks(corpus, "Quarry Lane will be sold")  # a few words are not enough to say it leaked


def test_a_title_exempt_name_is_found_in_text_and_in_addresses(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    write_title(council)
    corpus = corpus_of(council)
    assert leaks(corpus, f"Item 6: {TITLE}")
    assert leaks(corpus, "", f"{MEETING.split('/')[-1]}/{STEM}/index.html")
    assert not leaks(corpus, "Item 6: Exempt item", f"{MEETING.split('/')[-1]}/exempt-item-6/index.html")


def test_words_the_papers_also_publish_on_purpose_are_no_leak(tmp_path):
    """The same sentence written in a public report and in an exempt passage is the author's, not a leak."""
    council = copy_council(MINIMAL, tmp_path / "council")
    write_passage(council)
    report = council / MEETING / "04-internal-audit-plan.md"
    report.write_text(report.read_text("utf-8").replace("## Other Options Considered\n", f"## Other Options Considered\n\n{PASSAGE}\n"), "utf-8")
    assert not leaks(corpus_of(council), PASSAGE)


def test_nothing_exempt_nothing_to_find(tmp_path):
    council = copy_council(MINIMAL, tmp_path / "council")
    corpus = corpus_of(council)
    assert not corpus.text and not corpus.names and not leaks(corpus, "The plan covers twelve audits.")


def test_an_exempt_pdf_appendix_published_as_it_is_is_found_by_its_bytes(tmp_path):
    import weasyprint

    from committee_papers.guard.corpus import file_digest

    council = copy_council(MINIMAL, tmp_path / "council")
    source = write_report(council)
    folder = council / MEETING / "05-quarry-lane-depot"
    folder.mkdir()
    weasyprint.HTML(string="<p>Valuation</p>").write_pdf(folder / "valuation.pdf")
    report = council / source
    report.write_text(
        report.read_text("utf-8").replace(
            "---\n\n## Information", "appendices:\n  - {title: Valuation, file: 05-quarry-lane-depot/valuation.pdf}\n---\n\n## Information"
        ),
        "utf-8",
    )
    corpus = corpus_of(council)
    published = PublicFile("meetings/x/valuation.pdf", "", "meetings/x/valuation.pdf", file_digest((folder / "valuation.pdf").read_bytes()))
    (leak,) = find_leaks(corpus, [published])
    assert (leak.kind, corpus.sources[leak.source].file) == ("file", f"{MEETING}/05-quarry-lane-depot/valuation.pdf")
