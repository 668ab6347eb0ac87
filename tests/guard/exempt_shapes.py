"""The minimal council with one exempt thing of each kind, each written with words of its own to look for."""

from __future__ import annotations

from pathlib import Path

MEETING, HELD = "papers/meetings/2026-04-14-audit", "papers/meetings/2026-03-03-audit"
EXEMPT = "{paragraphs: [3], reason: Commercially sensitive terms., public_interest: Disclosure would weaken the council's position.}"
PASSAGE = "The preferred bidder for the audit contract is Fenwick Marsh Partners at four hundred thousand pounds."
REPORT = "The depot at Quarry Lane will be sold to Tolland Freight for a sum agreed in confidence with the district valuer."
MINUTE = "Members discussed the proposed restructure of the internal audit team and the three posts at risk."
TITLE = "Sale of Plot Nine to Harlow Estates"
STEM = "06-plot-nine-harlow"


def _report(title: str, body: str, exempt: str) -> str:
    return (
        f"---\ntitle: {title}\nreport_of: Head of Audit\npurpose: To decide the matter.\nrecommendations: [Approve the proposal.]\n"
        "signed_by: ada-finch\ncontact: ada-finch\n"
        "comments:\n  constitutional: {by: JP, date: 2026-03-27, text: The committee may decide.}\n"
        "  financial: {by: LW, date: 2026-03-27, text: Within budget.}\n"
        f"exempt: {exempt}\n---\n\n## Information\n\n{body}\n\n## Other Options Considered\n\nNone.\n\n"
        "## Reason/s for Recommendation/s\n\nTo proceed.\n"
    )


def write_passage(council: Path) -> str:
    report = council / MEETING / "04-internal-audit-plan.md"
    text = report.read_text("utf-8").replace(
        "The plan covers twelve audits. {#para:scope}\n", f"The plan covers twelve audits. {{#para:scope}}\n\n::: exempt\n{PASSAGE}\n:::\n"
    )
    report.write_text(text, "utf-8")
    return f"{MEETING}/04-internal-audit-plan.md"


def write_report(council: Path) -> str:
    (council / MEETING / "05-quarry-lane-depot.md").write_text(_report("Quarry Lane Depot", REPORT, EXEMPT), "utf-8")
    with open(council / MEETING / "meeting.yml", "a", encoding="utf-8") as agenda:
        agenda.write("  - exclusion\n  - report: 05-quarry-lane-depot\n")
    return f"{MEETING}/05-quarry-lane-depot.md"


def write_minute(council: Path) -> str:
    with open(council / HELD / "meeting.yml", "a", encoding="utf-8") as agenda:
        agenda.write(f"  - exclusion\n  - item: Staffing Review\n    exempt: {EXEMPT}\n")
    with open(council / HELD / "minutes.md", "a", encoding="utf-8") as minutes:
        minutes.write(
            "\n## 4. Exclusion of the Public\n\n::: resolved 2025/002\n1. That the public be excluded.\n:::\n\n"
            f"## 5. Staffing Review\n\n{MINUTE}\n\n::: resolved 2025/003\n1. That the restructure proceed.\n:::\n"
        )
    return f"{HELD}/minutes.md"


def write_title(council: Path) -> str:
    exempt = EXEMPT.replace("}", ", title_exempt: true}")
    (council / MEETING / f"{STEM}.md").write_text(_report(TITLE, "Terms are in the members' pack.", exempt), "utf-8")
    with open(council / MEETING / "meeting.yml", "a", encoding="utf-8") as agenda:
        agenda.write(f"  - exclusion\n  - report: {STEM}\n")
    return f"{MEETING}/{STEM}.md"


SHAPES = {"passage": write_passage, "report": write_report, "minute": write_minute, "title": write_title}
WORDS = {"passage": PASSAGE, "report": REPORT, "minute": MINUTE, "title": TITLE}


# -- the leak shapes of issue 22: each as a papers change, the words to look for, and the codes the check refuses it with


def _minute_under(heading: str, before: str = ""):
    """The exempt item's minute under a heading a clerk mistyped (or after a code fence left open above it)."""

    def write(council: Path) -> str:
        with open(council / HELD / "meeting.yml", "a", encoding="utf-8") as agenda:
            agenda.write(f"  - exclusion\n  - item: Staffing Review\n    exempt: {EXEMPT}\n")
        with open(council / HELD / "minutes.md", "a", encoding="utf-8") as minutes:
            minutes.write(
                f"\n## 4. Exclusion of the Public\n\n::: resolved 2025/002\n1. That the public be excluded.\n:::\n\n{before}"
                f"{heading} Staffing Review\n\n{MINUTE}\n"
            )
        return f"{HELD}/minutes.md"

    return write


def _passage_around(inner: str, html: bool = False):
    """An exempt passage holding a `:::` line inside a fence or an HTML block, with the secret words after it."""

    def write(council: Path) -> str:
        if html:
            with open(council / "papers/council.yml", "a", encoding="utf-8") as settings:
                settings.write("allow_raw_html: true\n")
        report = council / MEETING / "04-internal-audit-plan.md"
        text = report.read_text("utf-8").replace(
            "The plan covers twelve audits. {#para:scope}\n",
            f"The plan covers twelve audits. {{#para:scope}}\n\n::: exempt\nThe bids are below.\n\n{inner}\n\n{PASSAGE}\n:::\n",
        )
        report.write_text(text, "utf-8")
        return f"{MEETING}/04-internal-audit-plan.md"

    return write


def _disguised_marker(marker: str):
    """`::: exempt` as a person reads it, with an invisible character before it or full-width colons."""

    def write(council: Path) -> str:
        report = council / MEETING / "04-internal-audit-plan.md"
        text = report.read_text("utf-8").replace(
            "The plan covers twelve audits. {#para:scope}\n", f"The plan covers twelve audits. {{#para:scope}}\n\n{marker}\n{PASSAGE}\n:::\n"
        )
        report.write_text(text, "utf-8")
        return f"{MEETING}/04-internal-audit-plan.md"

    return write


FOLDER_FILE = "harlow-ledger.csv"


def write_title_folder_link(council: Path) -> str:
    """A public report links to a file in a title-exempt report's folder: its address would carry the exempt name."""
    source = write_title(council)
    (council / MEETING / STEM).mkdir()
    (council / MEETING / STEM / FOLDER_FILE).write_text("month,owed\nMarch,1200\n", "utf-8")
    report = council / MEETING / "04-internal-audit-plan.md"
    text = report.read_text("utf-8").replace("The plan is funded.", f"The plan is funded: see the [ledger]({STEM}/{FOLDER_FILE}).")
    report.write_text(text, "utf-8")
    return source


FENCED = {
    "backtick fence": "```\n:::\n```",
    "tilde fence": "~~~\n:::\n~~~",
    "div": "<div>\n:::\n</div>",
    "pre": "<pre>\n:::\n</pre>",
}
MARKERS = {
    "no-break space": "\u00a0::: exempt",
    "zero-width space": "\u200b::: exempt",
    "byte order mark": "\ufeff::: exempt",
    "full-width colons": "\uff1a\uff1a\uff1a exempt",
}
HEADINGS = {
    "three hashes": ("### 5.", ""),
    "no space": ("##5.", ""),
    "indented": ("    ## 5.", ""),
    "open fence above": ("## 5.", "```\n\n"),
}
for _name, (_heading, _before) in HEADINGS.items():
    SHAPES[f"minute, {_name}"], WORDS[f"minute, {_name}"] = _minute_under(_heading, _before), MINUTE
for _name, _inner in FENCED.items():
    SHAPES[f"passage, ::: in {_name}"] = _passage_around(_inner, html=_name in ("div", "pre"))
    WORDS[f"passage, ::: in {_name}"] = PASSAGE
for _name, _marker in MARKERS.items():
    SHAPES[f"marker, {_name}"], WORDS[f"marker, {_name}"] = _disguised_marker(_marker), PASSAGE

SHAPES["title, folder file linked"], WORDS["title, folder file linked"] = write_title_folder_link, TITLE

REFUSED = {  # the codes the check refuses a shape with: the guard-alone test sets them aside
    **{f"minute, {name}": {"PAP240", "PAP241"} for name in HEADINGS},
    "title, folder file linked": {"PAP233"},
    **{f"marker, {name}": {"PAP222"} for name in MARKERS},
}
