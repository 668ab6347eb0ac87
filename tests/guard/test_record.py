"""Files kept from the published site are read again whenever the exempt text has changed since they were checked."""

from committee_papers.guard import record
from committee_papers.guard.corpus import Corpus, Source


def corpus(*texts: str) -> Corpus:
    found = Corpus()
    for text in texts:
        found.add(Source("papers/x.md", 1, "an exempt passage"), text.split())
    return found


def test_the_record_holds_for_the_same_exempt_text_and_site_only(tmp_path):
    site = tmp_path / "site"
    assert not record.unchanged(tmp_path, site, corpus("the sealed offer stands"))  # nothing recorded: read everything
    record.save(tmp_path, site, corpus("the sealed offer stands"))
    assert record.unchanged(tmp_path, site, corpus("the sealed offer stands"))
    assert not record.unchanged(tmp_path, site, corpus("the sealed offer stands", "a report made exempt since"))
    assert not record.unchanged(tmp_path, tmp_path / "other-site", corpus("the sealed offer stands"))
