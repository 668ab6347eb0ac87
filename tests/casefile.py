"""Readable case files: files laid over a council, and the problems expected.

# what the case shows
today: 2026-03-20   (optional: the day the check is run, for rules that depend on it)
expect:
  papers/council.yml:3:1: error PAP100
=== papers/council.yml
name: ...
=== delete papers/people.yml
=== mkdir papers/people.yml
=== latin1 papers/people.yml
text written in Latin-1
=== big papers/people.yml 3000000
=== symlink papers/x.md -> /etc/hostname
=== front papers/meetings/.../04-report.md
(new front matter, without the --- lines; the body is kept)
=== fifo papers/meetings/.../05-pipe.md
=== repeat papers/meetings/.../04-report.md 20001
x
(the text, with \n read as a line break, added to the end of the file 20001 times)
=== pdf papers/meetings/.../appendix.pdf 1001 0
(a PDF of 1001 blank pages whose first page's drawing expands to 0 bytes more)
=== pdfbox papers/meetings/.../appendix.pdf
/MediaBox [0 0 0 0]
(a one-page PDF with these entries written into its page's dictionary)
=== docx report.docx 83886080
(a Word document whose one paragraph is that many letters, small on disk)
=== png papers/meetings/.../chart.png 10001x5000
(a black-and-white image of that many pixels, small on disk)
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ACTIONS = ("delete", "mkdir", "latin1", "big", "symlink", "front", "fifo", "repeat", "pdf", "pdfbox", "docx", "png")


@dataclass
class Case:
    name: str
    expect: set[str] = field(default_factory=set)
    today: str | None = None
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (action, path, content)


def parse_case(path: Path) -> Case:
    case = Case(name=path.stem)
    lines = path.read_text("utf-8").split("\n")
    index = 0
    while index < len(lines) and not lines[index].startswith("=== "):
        line = lines[index].strip()
        if line.startswith("today:"):
            case.today = line.split(":", 1)[1].strip()
        elif line and not line.startswith("#") and line != "expect:":
            case.expect.add(line)
        index += 1
    while index < len(lines):
        words = lines[index][4:].split(" ", 1)
        action, target = (words[0], words[1]) if words[0] in ACTIONS else ("file", lines[index][4:])
        index += 1
        body = []
        while index < len(lines) and not lines[index].startswith("=== "):
            body.append(lines[index])
            index += 1
        case.steps.append((action, target.strip(), "\n".join(body)))
    return case


def apply_case(case: Case, council: Path) -> None:
    for action, target, content in case.steps:
        if action == "symlink":
            target, link_to = (part.strip() for part in target.split("->"))
        if action in ("repeat", "pdf", "pdfbox", "docx", "png"):
            _generate(action, council, target, content)
            continue
        path = council / target
        if action == "front":
            body = path.read_text("utf-8").split("---\n", 2)[2]
            path.write_text("---\n" + content.strip("\n") + "\n---\n" + body, "utf-8")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and action != "mkdir":
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        if action == "file":
            path.write_text(content.rstrip("\n") + "\n", "utf-8")
        elif action == "latin1":
            path.write_bytes(content.encode("latin-1"))
        elif action == "mkdir":
            path.mkdir()
        elif action == "big":
            target, size = target.rsplit(" ", 1)
            path = council / target
            if path.exists():
                path.unlink()
            with path.open("wb") as handle:
                handle.truncate(int(size))
        elif action == "symlink":
            os.symlink(link_to, path)
        elif action == "fifo":
            os.mkfifo(path)


def _generate(action: str, council: Path, target: str, content: str) -> None:
    """Files too large or too binary to write out in a case file, made from a few figures."""
    from generated import boxed_pdf, docx_file, pdf_file, png_file

    relative, *figures = target.split(" ")
    path = council / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if action == "repeat":
        with path.open("a", encoding="utf-8") as handle:
            handle.write(content.strip("\n").replace("\\n", "\n") * int(figures[0]) + "\n")
    elif action == "pdf":
        path.write_bytes(pdf_file(int(figures[0]), int(figures[1])))
    elif action == "docx":
        path.write_bytes(docx_file(run=int(figures[0])))
    elif action == "pdfbox":
        path.write_bytes(boxed_pdf(content.strip()))
    else:
        width, height = figures[0].split("x")
        path.write_bytes(png_file(int(width), int(height)))
