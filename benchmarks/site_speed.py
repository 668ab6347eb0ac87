"""Archive-scale figures, measured side by side in one run (default 5,000 reports).

    python benchmarks/site_speed.py [--reports 5000] [--repeat 2] [--skip-mkdocs] [--skip-serve]

The council folder is the default configuration: papers/ only, no mkdocs.yml
(so Pagefind search). Prints, with the goal beside each:
- papers check against a bare YAML + Markdown parse of the same files;
- a full site build (papers build --no-packs --full) against plain mkdocs-material
  building the same Markdown with a one-page menu, run back to back (`--repeat`
  times, the best of each), and against the floor of Jinja2 + markdown-it writing
  the same pages directly;
- a rebuild after editing one report against the full build (a report in the latest
  meeting, as when a late report is published, and one in the oldest);
- papers serve: seconds from starting to answering with a report page, and from
  saving a report to its page being served anew;
- the average size of a report page;
- the search data a browser loads before the first result, and how long it takes,
  with Pagefind and with Material's own search (measured in Chromium);
- one pack against WeasyPrint alone on its final HTML;
- the peak memory of the build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).parent))
from check_speed import bare_parse  # noqa: E402
from common import OUT, archive, best_of  # noqa: E402

from committee_papers.check import check  # noqa: E402

EPOCH = str(int(dt.datetime(2026, 11, 26, tzinfo=dt.UTC).timestamp()))
MATERIAL_SEARCH_YML = "site_name: Synthetic County Council\ntheme: {name: material, font: false}\nplugins:\n  - search\n  - committee-papers\n"


def run(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Wall time, peak resident memory (KB) and output of a command run under GNU time."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, cwd=cwd, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr[-3000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, peak, result.stderr


def same_markdown(root: Path, docs: Path) -> int:
    """The site's pages as plain Markdown files: reports, agendas, minutes, committees, people."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Synthetic County Council\n\nCommittee papers.\n", "utf-8")
    count = 1
    papers = root / "papers"
    for meeting in sorted((papers / "meetings").iterdir()):
        agenda = yaml.safe_load((meeting / "meeting.yml").read_text("utf-8"))
        lines = [f"# {agenda['committee']}, {agenda['date']}", ""]
        for report in sorted(meeting.glob("*.md")):
            text = report.read_text("utf-8")
            if report.name == "minutes.md":
                body = text.split("---\n", 2)[2]
                (docs / f"{meeting.name}-minutes.md").write_text(f"# Minutes\n\n{body}", "utf-8")
            else:
                front, body = text[4:].split("\n---\n", 1)
                data = yaml.safe_load(front)
                (docs / f"{meeting.name}-{report.stem}.md").write_text(f"# {data['title']}\n\n{data['purpose']}\n\n{body}", "utf-8")
                lines.append(f"- [{data['title']}]({meeting.name}-{report.stem}.md)")
            count += 1
        (docs / f"{meeting.name}.md").write_text("\n".join(lines) + "\n", "utf-8")
        count += 1
    return count


def plain_mkdocs(docs: Path, out: Path) -> float:
    config = out / "mkdocs.yml"
    out.mkdir(parents=True, exist_ok=True)
    config.write_text(f"site_name: Plain\ndocs_dir: {docs}\nsite_dir: {out / 'site'}\ntheme: {{name: material, font: false}}\nnav: [index.md]\n", "utf-8")
    seconds, _, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)])
    return seconds


def floor(docs: Path, out: Path) -> float:
    """Jinja2 + markdown-it-py writing the same pages directly: the least any tool could do."""
    template = jinja2.Template("<!doctype html><html lang=en><head><title>{{ title }}</title></head><body><main>{{ body }}</main></body></html>")
    md = MarkdownIt("commonmark").enable("table")
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    for source in docs.glob("*.md"):
        text = source.read_text("utf-8")
        (out / f"{source.stem}.html").write_text(template.render(title=source.stem, body=md.render(text)), "utf-8")
    return time.perf_counter() - start


def first_result(site: Path, word: str, material: bool = False) -> tuple[int, float]:
    """Bytes of search data Chromium loads before the first result shows, and the seconds from typing to it."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    responses: list = []
    wanted = "/search/search_index.json" if material else "/pagefind"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("response", lambda r: responses.append(r) if wanted in r.url and r.ok else None)
            address = f"http://127.0.0.1:{server.server_address[1]}/"
            page.goto(address if material else address + "search/")
            field, result = ("input.md-search__input", ".md-search-result__item") if material else ("input.pagefind-ui__search-input", ".pagefind-ui__result")
            page.click(field)
            start = time.perf_counter()
            page.keyboard.type(word, delay=20)
            page.wait_for_selector(result, timeout=600000)
            seconds = time.perf_counter() - start
            loaded = sum(len(r.body()) for r in responses)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return loaded, seconds


def material_search_site(root: Path) -> Path:
    """The same papers built with Material's own search instead of Pagefind."""
    other = root.parent / f"{root.name}-material-search"
    if other.exists():
        shutil.rmtree(other)
    shutil.copytree(root / "papers", other / "papers")
    (other / "mkdocs.yml").write_text(MATERIAL_SEARCH_YML, "utf-8")
    run([sys.executable, "-m", "committee_papers", "build", str(other), "--no-packs", "--full"])
    return other / "site"


def serve_figures(root: Path, report: Path) -> tuple[float, float]:
    """Seconds from starting `papers serve` to a report page answering, and from saving a report to its page served anew."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/meetings/{report.parent.name}/{report.stem}/"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "committee_papers", "serve", str(root), "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        while not page():
            if process.poll() is not None or time.perf_counter() - start > 1200:
                raise SystemExit("papers serve did not answer")
            time.sleep(0.2)
        answering = time.perf_counter() - start
        marker = f"Saved while serving at {time.time():.0f}."
        edited = time.perf_counter()
        report.write_text(report.read_text("utf-8") + f"\n{marker}\n", "utf-8")
        while marker not in page():
            if time.perf_counter() - edited > 120:
                raise SystemExit("papers serve did not rebuild the edited page")
            time.sleep(0.02)
        return answering, time.perf_counter() - edited
    finally:
        process.terminate()
        process.wait(timeout=300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the full build and plain mkdocs-material this many times each, alternately; the best of each counts"
    )
    parser.add_argument("--skip-mkdocs", action="store_true", help="do not build the plain mkdocs-material comparison")
    parser.add_argument("--skip-material-search", action="store_true", help="do not build the site again with Material's search to compare")
    parser.add_argument("--skip-serve", action="store_true", help="do not measure papers serve")
    args = parser.parse_args()
    source = archive(args.reports)
    root = OUT / f"site-{args.reports}"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(source / "papers", root / "papers")  # the default configuration: no mkdocs.yml, no pages

    docs = OUT / f"markdown-{args.reports}"
    count = same_markdown(root, docs)
    bare = best_of(1, lambda: bare_parse(root))
    checked = best_of(1, lambda: check(root))
    fulls, plains, peak = [], [], 0
    for _ in range(max(1, args.repeat)):  # back to back, so both see the same load on the machine
        seconds, peak, _ = run([sys.executable, "-m", "committee_papers", "build", str(root), "--no-packs", "--full"])
        fulls.append(seconds)
        if not args.skip_mkdocs:
            plains.append(plain_mkdocs(docs, OUT / f"plain-{args.reports}"))
    full, plain = min(fulls), (min(plains) if plains else None)
    held = sorted(p for p in (root / "papers" / "meetings").glob("*/04-report-0.md") if p.parent.name[:10] <= "2026-11-26")
    rebuilds = {}
    for label, report in (("the latest meeting", held[-1]), ("the oldest meeting", held[0])):
        report.write_text(report.read_text("utf-8") + "\nAn added sentence for the rebuild benchmark.\n", "utf-8")
        rebuilds[label] = run([sys.executable, "-m", "committee_papers", "build", str(root), "--no-packs"])[:2]

    site = root / "site"
    reports = [p for p in site.glob("meetings/*/*/index.html") if p.parent.name not in ("minutes",)]
    sizes = [p.stat().st_size for p in reports]
    pages = len(list(site.rglob("index.html")))

    direct = floor(docs, OUT / f"floor-{args.reports}")
    searched, search_seconds = first_result(site, "council")
    material = None if args.skip_material_search else first_result(material_search_site(root), "council", material=True)
    served = None if args.skip_serve else serve_figures(root, held[len(held) // 2])

    print(f"archive: {args.reports} reports; the site has {pages} pages; the same Markdown is {count} files")
    print(f"papers check:            {checked:8.2f} s   bare parse {bare:8.2f} s   ratio {checked / bare:5.2f}  (goal <= 1.5)")
    print(f"full site build:         {full:8.2f} s   peak memory {peak / 1024:6.0f} MB  (goal < 1 GB)")
    if plain is not None:
        print(f"plain mkdocs-material:   {plain:8.2f} s   ratio full / plain {full / plain:5.2f}  (goal <= 0.5); runs: ours {fulls}, plain {plains}")
    print(f"direct-render floor:     {direct:8.2f} s   ratio full / floor {full / direct:5.2f}  (goal <= 5)")
    for label, (rebuild, rebuild_peak) in rebuilds.items():
        print(
            f"rebuild after editing one report in {label}: {rebuild:8.2f} s   ratio rebuild / full {rebuild / full:5.3f}  (goal <= 0.1); peak {rebuild_peak / 1024:.0f} MB"
        )
    print(f"report page size:        {statistics.mean(sizes) / 1024:8.1f} KB on average over {len(sizes)} report pages  (goal <= 60 KB)")
    print(f"search data before the first result: {searched / 1024:8.1f} KB, first result {search_seconds:.1f} s after typing (Pagefind)  (goal <= 1 MB)")
    if material is not None:
        print(f"  the same with Material's search: {material[0] / 1024 / 1024:8.1f} MB, first result {material[1]:.1f} s after typing")
    if served is not None:
        print(f"papers serve answering:  {served[0]:8.2f} s after starting  (goal <= 120)")
        print(f"papers serve, save to page served anew: {served[1]:8.2f} s  (goal <= 1)")


if __name__ == "__main__":
    main()
