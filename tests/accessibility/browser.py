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


# Printing draws the print styles at once, and a resident reads a page after it has settled; a test that switches
# to print media or reads a style straight after loading would otherwise catch a colour half way through the
# theme's transitions.
_STILL = """(() => {
  const add = () => {
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.documentElement.appendChild(style);
  };
  if (document.documentElement) add();
  else new MutationObserver((_, watch) => { if (document.documentElement) { watch.disconnect(); add(); } }).observe(document, {childList: true});
})();"""


def still_tab(browser, **options):
    """A new page (in its own context, closed with it) on which no transition or animation ever runs."""
    context = browser.new_context(**options)
    context.add_init_script(_STILL)
    return context.new_page()
