"""Headless Chromium (Debian's, driven by Playwright) and axe-core."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]


def axe_violations(page, context: str = "document") -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"async () => await axe.run({context}, {{runOnly: {{type: 'tag', values: {WCAG_22_AA!r}}}}})")
    return [{"rule": v["id"], "impact": v["impact"], "help": v["help"], "where": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]
