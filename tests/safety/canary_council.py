"""A seeded generator of small councils whose every exempt passage holds a unique canary string."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import weasyprint

SECTIONS = ["Other Options Considered", "Reason/s for Recommendation/s", "Statutory and Policy Implications"]


@dataclass
class Canaries:
    confidential: list[str] = field(default_factory=list)  # must be in the members' packs, never public
    hidden: list[str] = field(default_factory=list)  # must appear nowhere public (file names, exempt titles)


def _canary(rng: random.Random, canaries: list[str], kind: str) -> str:
    token = f"CANARY{kind.upper()}{rng.randrange(16**8):08x}"
    canaries.append(token)
    return token


def _report(title: str, body: str, exempt: str = "", appendices: str = "", purpose: str = "To decide the matter.") -> str:
    sections = "\n\n".join(f"## {s}\n\nNone." for s in SECTIONS)
    return (
        f"---\ntitle: {title}\nreport_of: Director of Resources\npurpose: {purpose}\nrecommendations: [Approve the proposal.]\n"
        "signed_by: kim-lee\ncontact: kim-lee\n"
        "comments:\n  constitutional: {by: AB, date: 2026-01-05, text: Within the committee's powers.}\n"
        "  financial: {by: CD, date: 2026-01-05, text: Within budget.}\n"
        f"{exempt}{appendices}---\n\n## Information\n\n{body}\n\n{sections}\n"
    )


def make_council(root: Path, seed: int) -> Canaries:
    """Write a council with two meetings: the second approves the first's minutes."""
    rng = random.Random(seed)
    canaries = Canaries()
    secret = canaries.confidential
    papers = root / "papers"
    first = papers / "meetings" / "2026-01-20-cabinet"
    second = papers / "meetings" / "2026-02-17-cabinet"
    for folder in (papers / "committees", first / "03-public", first / "05-secret", second):
        folder.mkdir(parents=True, exist_ok=True)
    exempt = (
        "exempt: {paragraphs: [%d], reason: Commercially sensitive terms., public_interest: Disclosure would weaken the council's position.}\n"  # noqa: UP031 - the YAML's own braces
        % rng.randint(1, 7)
    )
    (papers / "council.yml").write_text(
        "name: Canary Borough Council\nwebsite: https://democracy.canary.example\nrequired_comments: [constitutional, financial]\n"
        "boilerplate: {statutory_implications: Implications have been considered.}\n",
        "utf-8",
    )
    (papers / "people.yml").write_text(
        "councillors:\n  pat-moss: {name: Pat Moss, party: Independent}\n  lou-reed: {name: Lou Reid, party: Green}\n"
        "officers:\n  kim-lee: {name: Kim Lee, role: Director of Resources, email: kim.lee@canary.example}\n",
        "utf-8",
    )
    (papers / "committees" / "cabinet.yml").write_text(
        'name: Cabinet\nchair: pat-moss\nmembers: [pat-moss, lou-reed]\nclerk: kim-lee\ndefault_time: "18:00"\n', "utf-8"
    )
    title_exempt = rng.random() < 0.5
    stem = f"06-{_canary(rng, canaries.hidden, 'stem').lower()}" if title_exempt else "06-land"
    (first / "meeting.yml").write_text(
        "committee: cabinet\ndate: 2026-01-20\nstatus: held\npublished: 2026-01-09\nagenda:\n  - apologies\n  - declarations\n"
        f"  - report: 03-public\n  - exclusion\n  - report: 05-secret\n  - report: {stem}\n",
        "utf-8",
    )
    (first / "03-public.md").write_text(
        _report(
            "Public Report",
            f"Public text.\n\n::: exempt\nA passage naming {_canary(rng, secret, 'passage')}[^s] and noting^[{_canary(rng, secret, 'inlinenote')}].\n\n"
            f"[^s]: A footnote naming {_canary(rng, secret, 'footnote')}.\n:::\n\nMore public text.",
            appendices=(
                "appendices:\n  - {title: Public detail, file: 03-public/appendix-a.md}\n"
                f"  - title: Exempt costs\n    file: 03-public/appendix-b.md\n    {exempt.replace('exempt:', 'exempt:', 1)}"
                f"  - title: Exempt plan\n    file: 03-public/appendix-c.pdf\n    {exempt}"
            ),
        ),
        "utf-8",
    )
    (first / "03-public" / "appendix-a.md").write_text("# Detail\n\nPublic appendix text.\n", "utf-8")
    (first / "03-public" / "appendix-b.md").write_text(f"# Costs\n\nThe price is {_canary(rng, secret, 'appendix')}.\n", "utf-8")
    weasyprint.HTML(string=f"<h1>Plan</h1><p>Plot {_canary(rng, secret, 'pdf')} is for sale.</p>").write_pdf(first / "03-public" / "appendix-c.pdf")
    (first / "05-secret.md").write_text(
        _report(
            "Secret Negotiations", f"The offer is {_canary(rng, secret, 'report')}.", exempt=exempt, purpose=f"To agree {_canary(rng, secret, 'purpose')}."
        ),
        "utf-8",
    )
    title = f"Sale to {_canary(rng, canaries.hidden, 'title')}" if title_exempt else "Sale of Land"
    title_exempt_yaml = exempt.replace("}\n", ", title_exempt: true}\n") if title_exempt else exempt
    key_decision = "key_decision: {forward_plan: FP-2026-001, forward_plan_published: 2025-12-01, lead_member: pat-moss}\n"
    (first / f"{stem}.md").write_text(_report(title, f"Terms: {_canary(rng, secret, 'land')}.", exempt=key_decision + title_exempt_yaml), "utf-8")
    (first / "minutes.md").write_text(
        "---\npresent: [pat-moss, lou-reed]\n---\n\n## 1. Apologies for Absence\n\nNone.\n\n## 2. Declarations of Interests\n\nNone.\n\n"
        f"## 3. Public Report\n\nDiscussed.\n\n::: exempt\nMembers noted {_canary(rng, secret, 'minuteblock')}.\n:::\n\n"
        f":::: resolved 2025/001\n1. That the report be approved.\n\n::: exempt\n2. That {_canary(rng, secret, 'innerresolution')} be noted.\n:::\n::::\n\n"
        f":::: exempt\n::: resolved 2025/002\n1. That {_canary(rng, secret, 'exemptresolution')} be noted.\n:::\n::::\n\n"
        "## 4. Exclusion of the Public\n\n::: resolved 2025/003\n1. That the public be excluded.\n:::\n\n"
        f"## 5. Secret Negotiations\n\nMembers discussed {_canary(rng, secret, 'minute')}.\n\n"
        f"::: resolved 2025/004\n1. That {_canary(rng, secret, 'resolution')} be accepted.\n:::\n\n"
        f"## 6. {title}\n\nAgreed.\n\n::: resolved 2025/005\n1. That the sale proceed.\n:::\n",
        "utf-8",
    )
    (second / "meeting.yml").write_text(
        "committee: cabinet\ndate: 2026-02-17\nstatus: scheduled\npublished: 2026-02-06\nagenda:\n"
        "  - minutes: 2026-01-20-cabinet\n  - apologies\n  - declarations\n  - exclusion\n"
        f"  - planned: Purchase of {_canary(rng, canaries.hidden, 'planned')}\n    lead: kim-lee\n"
        "    key_decision: {forward_plan: FP-2026-002, lead_member: pat-moss}\n"
        f"    {exempt.replace('}', ', title_exempt: true}')}",
        "utf-8",
    )
    return canaries
