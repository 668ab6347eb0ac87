"""The problem codes as a Markdown page (docs/codes.md), generated from codes.yml."""

from __future__ import annotations

from committee_papers.problems import registry


def codes_markdown() -> str:
    lines = [
        "# Problem codes",
        "",
        "Generated from `src/committee_papers/codes.yml`; `papers explain CODE` prints the same text.",
        "A council can switch a rule off or change its severity in `council.yml` under `rules:`.",
        "",
        "| code | severity | problem |",
        "| --- | --- | --- |",
    ]
    codes = registry()
    lines += [f"| [{c.code}](#{c.code.lower()}) | {c.severity.value} | {c.title} |" for c in codes.values()]
    for c in codes.values():
        lines += ["", f"## {c.code}", "", f"**{c.title}** ({c.severity.value})", "", c.explanation]
        if c.hint:
            lines += ["", f"How to fix it: {c.hint}"]
    return "\n".join(lines) + "\n"
