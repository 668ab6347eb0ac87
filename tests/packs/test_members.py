"""Members get every exempt passage wherever it is written, from one real `papers build`; the public gets none.

Each meeting of the council below holds exempt text in one place only (the purpose,
a comment, a Markdown appendix, a body written `:::exempt`, a late report's exempt
appendix), so each members' pack exists only if that one place is seen.
"""

from __future__ import annotations

import pytest
from conftest import MINIMAL, copy_council, run_papers
from helpers import content, page, pdf_text, public_text, text

EXEMPT = "{paragraphs: [3], reason: Commercially sensitive., public_interest: Disclosure would weaken the council's position.}"
SECTIONS = "## Other Options Considered\n\nNone.\n\n## Reason/s for Recommendation/s\n\nIt is needed.\n\n## Statutory and Policy Implications\n\nNone.\n"
CANARIES = {
    "2026-05-05-audit": "CANARYPURPOSE",
    "2026-05-12-audit": "CANARYCOMMENT",
    "2026-05-19-audit": "CANARYAPPENDIX",
    "2026-05-27-audit": "CANARYNOSPACE",
}
NOTE = "CANARYAUTHORSNOTE"
LATE = "CANARYLATEAPPENDIX"


def report(
    title: str, body: str = "Public text.", purpose: str = "To decide the matter.", comment: str = "Within the committee's powers.", extra: str = ""
) -> str:
    indent = lambda text, spaces: text.replace("\n", "\n" + " " * spaces)  # noqa: E731
    return (
        f"---\ntitle: {title}\nreport_of: Head of Audit\npurpose: |\n  {indent(purpose, 2)}\nrecommendations: [Approve the proposal.]\n"
        "signed_by: ada-finch\ncontact: ada-finch\ncomments:\n"
        f"  constitutional:\n    by: JP\n    date: 2026-04-20\n    text: |\n      {indent(comment, 6)}\n"
        "  financial: {by: LW, date: 2026-04-20, text: Within budget.}\n"
        f"{extra}---\n\n## Information\n\n{body}\n\n{SECTIONS}"
    )


def meeting(day: str, published: str, agenda: str) -> str:
    return f"committee: audit\ndate: {day}\nstatus: scheduled\npublished: {published}\nagenda:\n  - apologies\n  - declarations\n{agenda}"


def write(council, meeting_id: str, files: dict[str, str]) -> None:
    folder = council / "papers/meetings" / meeting_id
    for name, content_ in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content_, "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    council = copy_council(MINIMAL, tmp_path_factory.mktemp("members") / "council")
    passage = "::: exempt\nThe buyer is {}.\n:::"
    write(
        council,
        "2026-05-05-audit",
        {
            "meeting.yml": meeting("2026-05-05", "2026-04-24", "  - report: 04-sale\n"),
            "04-sale.md": report(
                "Sale of the Depot", body=f"Public text. <!-- {NOTE} -->", purpose="To decide the sale.\n\n" + passage.format(CANARIES["2026-05-05-audit"])
            ),
        },
    )
    write(
        council,
        "2026-05-12-audit",
        {
            "meeting.yml": meeting("2026-05-12", "2026-05-01", "  - report: 04-lease\n"),
            "04-lease.md": report("Lease of the Depot", comment="Within the committee's powers.\n\n" + passage.format(CANARIES["2026-05-12-audit"])),
        },
    )
    write(
        council,
        "2026-05-19-audit",
        {
            "meeting.yml": meeting("2026-05-19", "2026-05-08", "  - report: 04-rents\n"),
            "04-rents.md": report("Market Rents", extra="appendices:\n  - {title: Rent schedule, file: 04-rents/appendix-a.md}\n"),
            "04-rents/appendix-a.md": "# Rent schedule\n\nPublic rents.\n\n" + passage.format(CANARIES["2026-05-19-audit"]) + "\n",
        },
    )
    write(
        council,
        "2026-05-27-audit",
        {
            "meeting.yml": meeting("2026-05-27", "2026-05-15", "  - report: 04-fees\n"),
            "04-fees.md": report("Fees and Charges", body=f"Public text.\n\n:::exempt\nThe discount is {CANARIES['2026-05-27-audit']}.\n:::\n"),
        },
    )
    write(
        council,
        "2026-06-10-audit",
        {
            "meeting.yml": meeting(
                "2026-06-10",
                "2026-05-29",
                "  - report: 04-plan\n  - report: 05-late\n    added: 2026-06-05\n    urgency: The contract must be signed before the next meeting.\n",
            ),
            "04-plan.md": report("Audit Plan Update"),
            "05-late.md": report("Contract Award", extra=f"appendices:\n  - title: Tender prices\n    file: 05-late/appendix-a.md\n    exempt: {EXEMPT}\n"),
            "05-late/appendix-a.md": f"# Tender prices\n\nThe winning price is {LATE}.\n",
        },
    )
    write(
        council,
        "2026-06-17-audit",
        {
            "meeting.yml": meeting("2026-06-17", "2026-06-05", "  - report: exempt-item-5\n  - exclusion\n  - report: 05-buyer\n"),
            "exempt-item-5.md": report("Public Report Named Like a Neutral Id"),
            "05-buyer.md": report("Sale to a Named Buyer", extra=f"exempt: {EXEMPT[:-1]}, title_exempt: true}}\n"),
        },
    )
    result = run_papers("build", str(council))
    assert result.returncode == 0, result.stdout + result.stderr
    return council, result


@pytest.mark.parametrize("meeting_id", CANARIES)
def test_members_pack_holds_an_exempt_passage_wherever_it_is_written(built, meeting_id):
    council, _ = built
    pack = council / "confidential" / meeting_id / "agenda-pack.pdf"
    assert pack.exists(), f"no members' pack for {meeting_id}"
    assert CANARIES[meeting_id] in pdf_text(pack)


def test_no_exempt_passage_and_no_authors_note_is_published(built):
    council, _ = built
    texts = public_text(council / "site")
    for canary in [*CANARIES.values(), LATE, NOTE]:
        assert not [name for name, found in texts.items() if canary in found], canary


def test_authors_note_is_in_no_pack_either(built):
    council, _ = built
    assert not any(NOTE in pdf_text(pdf) for pdf in (council / "confidential").rglob("*.pdf"))


def test_late_public_report_with_an_exempt_appendix_gets_a_members_supplement(built):
    council, _ = built
    supplement = council / "confidential/2026-06-10-audit/supplement-1.pdf"
    assert supplement.exists()
    assert LATE in pdf_text(supplement)
    assert "Contract Award" in pdf_text(council / "site/meetings/2026-06-10-audit/supplement-1.pdf")
    assert not (council / "confidential/2026-06-10-audit/agenda-pack.pdf").exists()  # nothing exempt in the original agenda


def test_a_public_report_named_like_a_neutral_id_is_published_beside_the_exempt_one(built):
    council, result = built
    site = council / "site"
    assert text(content(page(site, "meetings/2026-06-17-audit/exempt-item-5/")).xpath("//h1")[0]) == "Public Report Named Like a Neutral Id"
    exempt = content(page(site, "meetings/2026-06-17-audit/exempt-item-5-2/"))
    assert text(exempt.xpath("//h1")[0]) == "Exempt item"
    agenda = content(page(site, "meetings/2026-06-17-audit/"))
    assert {"exempt-item-5/", "exempt-item-5-2/"} <= set(agenda.xpath("//a/@href"))
    assert "replaces the generated one" not in result.stderr
