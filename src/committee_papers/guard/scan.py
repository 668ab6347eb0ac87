"""The scan: each public file's words against the exempt corpus; a leak stops the build with a located error (PAP650).

A phrase found in a public file is a leak unless the papers publish it on
purpose as well (corpus.public_sources): the same sentence written in a public
report, or the tool's own wording. Those are looked up only when something
matched, so a build with nothing exempt in its output pays for one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from committee_papers.guard.corpus import Corpus, public_sources
from committee_papers.guard.public_files import PublicFile, read_site
from committee_papers.guard.words import words
from committee_papers.problems import BuildRefused, refuse

CODE = "PAP650"


@dataclass(frozen=True)
class Leak:
    public_file: str
    source: int
    kind: str  # "text", a title-exempt "name", or the exempt "file" itself


class _Index:
    """Phrases by their first two words: only where a public file has a phrase's first word is anything compared."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]):
        self.firsts: set[str] = set()
        self.single: set[str] = set()  # one-word phrases (a one-word title-exempt name)
        self.by_pair: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        for phrase in set(phrases):
            self.firsts.add(phrase[0])
            if len(phrase) == 1:
                self.single.add(phrase[0])
            else:
                self.by_pair[phrase[:2]].append(phrase)

    def found_in(self, text_words: list[str]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set()
        firsts, single, by_pair = self.firsts, self.single, self.by_pair
        for i in [i for i, word in enumerate(text_words) if word in firsts]:
            if text_words[i] in single:
                found.add((text_words[i],))
            for phrase in by_pair.get(tuple(text_words[i : i + 2]), ()):
                if tuple(text_words[i : i + len(phrase)]) == phrase:
                    found.add(phrase)
        return found


def find_leaks(corpus: Corpus, files: Iterable[PublicFile]) -> list[Leak]:
    """Every exempt phrase or name in the files that the papers do not also publish on purpose, and every
    exempt appendix published as it is."""
    if not corpus.text and not corpus.names and not corpus.files:
        return []
    texts, names = _Index([*corpus.text, *corpus.names]), _Index(corpus.names)
    candidates: dict[tuple[str, ...], list[str]] = defaultdict(list)
    copies = []
    for public in files:
        if public.digest in corpus.files:
            copies.append(Leak(public.path, corpus.files[public.digest], "file"))
        text_words = words(public.text) if public.text else []
        found = texts.found_in(text_words) | names.found_in(words(public.addresses))
        for phrase in found:
            candidates[phrase].append(public.path)
    if not candidates:
        return copies
    for phrase in _published_on_purpose(corpus, set(candidates)):
        del candidates[phrase]
    leaks = copies
    for phrase, paths in candidates.items():
        kind = "name" if phrase in corpus.names else "text"
        source = corpus.names[phrase] if kind == "name" else corpus.text[phrase]
        leaks += [Leak(path, source, kind) for path in paths]
    return sorted(set(leaks), key=lambda leak: (leak.public_file, leak.source))


def _published_on_purpose(corpus: Corpus, phrases: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    index, found = _Index(phrases), set()
    for text in public_sources(corpus):
        found |= index.found_in(words(text))
    return found


def check_site(corpus: Corpus, folder: Path, skip: set[str] = frozenset(), shown_as: str = "site") -> None:
    """Raise the guard's error if any file under `folder` holds exempt text (`skip`: checked by name only)."""
    leaks = find_leaks(corpus, read_site(folder, skip))
    if leaks:
        raise leak_error(corpus, leaks, shown_as)


def check_files(corpus: Corpus, files: Iterable[PublicFile], shown_as: str = "site") -> None:
    leaks = find_leaks(corpus, files)
    if leaks:
        raise leak_error(corpus, leaks, shown_as)


def check_document(corpus: Corpus, relative: str, document, shown_as: str = "site") -> None:
    """A PDF the build is about to make, checked before it is made: the HTML WeasyPrint lays out, and the
    PDF appendices it lays onto its pages."""
    from committee_papers.guard.corpus import file_digest
    from committee_papers.guard.public_files import read_file

    public = read_file(relative.removesuffix(".pdf") + ".html", document.html.encode("utf-8"))
    files = [PublicFile(relative, public.text, f"{relative} {public.addresses}")]
    for placeholder in {p.source for p in document.placeholders}:
        files.append(PublicFile(relative, "", relative, file_digest(Path(placeholder).read_bytes())))
    check_files(corpus, files, shown_as)


class ExemptLeak(BuildRefused):
    """The guard's error; `files` are the public files that hold exempt text."""

    def __init__(self, problem, files: list[str]):
        super().__init__(problem)
        self.files = files

    def __reduce__(self):  # raised in a pack's worker process, told in the build's
        return (ExemptLeak, (self.problem, self.files))


def leak_error(corpus: Corpus, leaks: list[Leak], shown_as: str) -> ExemptLeak:
    """The first leak as a located error: the exempt source's file and line, the public file it would reach."""

    first = min(leaks, key=lambda leak: (leak.source, leak.public_file))
    source = corpus.sources[first.source]
    others = len({leak.public_file for leak in leaks} - {first.public_file})
    more = f" (and {others} other public file{'s' if others != 1 else ''})" if others else ""
    problem = refuse(
        CODE,
        source.file,
        source.line,
        message=f"the {first.kind} of {source.what} would be published in {shown_as}/{first.public_file}{more}",
    ).problem
    return ExemptLeak(problem, sorted({leak.public_file for leak in leaks}))
