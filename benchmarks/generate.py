"""Generate a synthetic council archive for benchmarks.

    python benchmarks/generate.py OUT --reports 5000 [--committees 10] [--years 10] [--seed 1]

Reports are 2 to 6 pages of text with headings, lists, tables, labelled
paragraphs and cross-references, all three comments, appendices (Markdown and,
for one in twenty, PDF), and minutes with resolutions for every held meeting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

WORDS = (
    "council committee budget service residents report officers review plan policy income housing waste "
    "transport planning contract capital revenue reserve strategy consultation assessment performance "
    "target quarter members decision proposal scheme delivery programme funding grant partners risk "
    "equality climate libraries leisure parking highways schools care adult children health community "
    "district division market tender procurement savings pressure forecast outturn variance approval"
).split()
FIRST = "Alex Bea Cal Dee Eli Fay Gus Hal Ivy Jon Kit Lou Max Nia Oli Pat Quin Ray Sol Tia Uma Vic Wyn Zoe".split()
LAST = "Ashdown Brook Carver Dale Eastwood Finch Grove Hart Irving Jay Keel Lowe Marsh North Oakes Pike Reeve Stone Thorne Vale Webb Yates".split()
PARTIES = ["Labour", "Conservative", "Liberal Democrat", "Green", "Independent"]


def sentence(rng: random.Random, words: int | None = None) -> str:
    picked = [rng.choice(WORDS) for _ in range(words or rng.randint(8, 22))]
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random, pages: int) -> str:
    out = ["## Information", ""]
    labels = []
    for section in range(pages * 2):
        if section and section % 3 == 0:
            out += [f"### {sentence(rng, 3)[:-1]}", ""]
        text = paragraph(rng)
        if rng.random() < 0.3:
            label = f"l{section}"
            labels.append(label)
            text += f" {{#para:{label}}}"
        out += [text, ""]
        if rng.random() < 0.3:
            out += [f"- {sentence(rng, 6)}" for _ in range(rng.randint(2, 5))] + [""]
        if rng.random() < 0.25:
            out += ["| Item | 2025/26 | 2026/27 |", "| --- | ---: | ---: |"]
            out += [f"| {rng.choice(WORDS).capitalize()} | {rng.randint(1, 999)} | {rng.randint(1, 999)} |" for _ in range(rng.randint(3, 8))]
            out += [""]
    if labels:
        out += [f"As set out in [paragraph](#para:{rng.choice(labels)}), {sentence(rng)}", ""]
    for heading in ("Other Options Considered", "Reason/s for Recommendation/s", "Statutory and Policy Implications"):
        out += [f"## {heading}", "", paragraph(rng), ""]
    out += ["### Financial Implications", "", paragraph(rng), ""]
    return "\n".join(out)


def make_pdf(path: Path) -> None:
    from weasyprint import HTML

    HTML(string="<h1>Plan</h1>" + "<p>Synthetic plan page.</p>" * 40).write_pdf(path)


def generate(out: Path, reports: int, committees: int, years: int, seed: int, per_meeting: int = 5, pages: tuple[int, int] = (2, 6)) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    papers = out / "papers"
    (papers / "committees").mkdir(parents=True)
    (papers / "meetings").mkdir()
    (papers / "council.yml").write_text(
        "name: Synthetic County Council\njurisdiction: england\nwebsite: https://democracy.synthetic.example\n"
        "democratic_services: {email: ds@synthetic.example, phone: 01632 960999}\n"
        "required_comments: [constitutional, financial]\n"
        "boilerplate:\n  statutory_implications: This report has been compiled after consideration of its implications.\n"
        "  background_papers: Documents listed here may be inspected under Section 100D.\n"
        "agenda_notes: [Phones to silent, please.]\n",
        "utf-8",
    )
    councillors = [f"c{i}" for i in range(committees * 6)]
    officers = [f"o{i}" for i in range(30)]
    people = ["councillors:"]
    for i, cid in enumerate(councillors):
        people.append(f"  {cid}: {{name: {FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]}{i}, party: {PARTIES[i % 5]}, division: Division {i}}}")
    people.append("officers:")
    for i, oid in enumerate(officers):
        people.append(f"  {oid}: {{name: Officer {LAST[i % len(LAST)]}{i}, role: Service Manager {i}, email: o{i}@synthetic.example}}")
    (papers / "people.yml").write_text("\n".join(people) + "\n", "utf-8")
    for c in range(committees):
        members = councillors[c * 6 : c * 6 + 6]
        (papers / "committees" / f"committee-{c}.yml").write_text(
            f"name: Committee {c}\nchair: {members[0]}\nvice_chair: {members[1]}\nmembers: [{', '.join(members)}]\n"
            f'clerk: {officers[c % len(officers)]}\ndefault_time: "10:00"\ndefault_venue: County Hall\n'
            "terms_of_reference: |\n  - To decide matters delegated to it.\n",
            "utf-8",
        )
    meetings = max(1, reports // per_meeting)
    start = dt.date(2026, 11, 26) - dt.timedelta(days=365 * years)
    span = 365 * years
    pdf_source = out / "appendix.pdf"
    make_pdf(pdf_source)
    resolution_counters: dict[int, int] = {}
    previous: dict[int, str] = {}
    made = 0
    plan = []
    for m in range(meetings):
        day = start + dt.timedelta(days=int(m * span / meetings))
        while day.weekday() != 1:
            day += dt.timedelta(days=1)
        plan.append((day, m % committees))
    used = set()
    for day, c in sorted(plan):
        mid = f"{day.isoformat()}-committee-{c}"
        suffix = 2
        while mid in used:
            mid = f"{day.isoformat()}-committee-{c}-{suffix}"
            suffix += 1
        used.add(mid)
        folder = papers / "meetings" / mid
        folder.mkdir()
        held = day < dt.date(2026, 11, 26)
        count = min(per_meeting, reports - made)
        agenda = ([f"  - minutes: {previous[c]}"] if c in previous else []) + ["  - apologies", "  - declarations"]
        titles = []
        for r in range(count):
            stem = f"{r + 4:02d}-report-{r}"
            title = sentence(rng, 5)[:-1]
            titles.append(title)
            agenda.append(f"  - report: {stem}")
            page_count = rng.randint(*pages)
            signed = (day - dt.timedelta(days=16)).isoformat()
            appendices = ""
            if rng.random() < 0.3:
                (folder / stem).mkdir()
                (folder / stem / "appendix-a.md").write_text("# Detail\n\n" + paragraph(rng) + "\n", "utf-8")
                appendices = f"appendices:\n  - {{title: Detail, file: {stem}/appendix-a.md}}\n"
                if rng.random() < 0.05:
                    shutil.copy(pdf_source, folder / stem / "appendix-b.pdf")
                    appendices += f"  - {{title: Plan, file: {stem}/appendix-b.pdf}}\n"
            front = (
                f"---\ntitle: {title}\nreport_of: Director {rng.randint(1, 9)}\npurpose: {sentence(rng)}\n"
                f"recommendations:\n  - {sentence(rng)}\n  - {sentence(rng)}\n"
                f"signed_by: {rng.choice(officers)}\ncontact: {rng.choice(officers)}\n"
                "comments:\n"
                f"  constitutional: {{by: CE, date: {signed}, text: {sentence(rng)}}}\n"
                f"  financial: {{by: NS, date: {signed}, text: {sentence(rng)}}}\n"
                f"  hr: {{by: GM, date: {signed}, text: {sentence(rng)}}}\n"
                "background_papers: []\ndivisions_affected: all\n" + appendices + "---\n"
            )
            (folder / f"{stem}.md").write_text(front + "\n" + body(rng, page_count) + "\n", "utf-8")
        made += count
        published = (day - dt.timedelta(days=14)).isoformat()
        (folder / "meeting.yml").write_text(
            f"committee: committee-{c}\ndate: {day.isoformat()}\nstatus: {'held' if held else 'scheduled'}\n"
            f"published: {published}\nagenda:\n" + "\n".join(agenda) + "\n",
            "utf-8",
        )
        if held:
            year = day.year if day >= dt.date(day.year, 5, 1) else day.year - 1
            minutes = [f"---\npresent: [{', '.join(councillors[c * 6 : c * 6 + 5])}]\napologies: [{councillors[c * 6 + 5]}]\n---\n"]
            for number, line in enumerate(agenda, start=1):
                kind = line.strip("- ").split(":")[0]
                title = {"minutes": "Minutes", "apologies": "Apologies for Absence", "declarations": "Declarations of Interests"}.get(kind)
                title = title or titles[number - (len(agenda) - count) - 1]
                minutes.append(f"## {number}. {title}\n\n{sentence(rng)}\n")
                if kind in ("report", "minutes"):
                    resolution_counters[year] = resolution_counters.get(year, 0) + 1
                    minutes.append(f"::: resolved {year}/{resolution_counters[year]:03d}\n1. That the recommendations be approved.\n:::\n")
            (folder / "minutes.md").write_text("\n".join(minutes), "utf-8")
            previous[c] = mid
        if made >= reports:
            break
    pdf_source.unlink()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--committees", type=int, default=10)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-meeting", type=int, default=5)
    args = parser.parse_args()
    generate(args.out, args.reports, args.committees, args.years, args.seed, per_meeting=args.per_meeting)
    print(f"wrote {args.reports} reports to {args.out}")


if __name__ == "__main__":
    main()
