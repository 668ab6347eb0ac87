"""The exempt rule: what in a piece of Markdown is exempt, decided once, from markdown-it's own block parse.

Everything that needs to know what is exempt calls this module: the public
renderers (`withhold`), the decision whether members need a confidential pack
(`has_exempt`), the minutes' reader and `papers check` (`passages`). None of them
reads Markdown its own way, so none can disagree with the renderer about where
an exempt passage starts and ends.

After parsing, every token of a `::: exempt` passage carries `meta["exempt"]`
(how many exempt blocks it is inside), and so does everything that belongs to
the passage though the parser put it elsewhere:

- a footnote defined inside it, or written inline in it (`^[...]`), which the
  footnote plugin moves to the end, and every reference to such a footnote;
- a link reference definition inside it (`[name]: address`): a link in public
  text that uses it gets `meta["exempt_reference"]`, so the public version
  shows the link's words without the address.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from committee_papers.broken_rule import broken
from committee_papers.markdown import containers
from committee_papers.shims import mdit

OPEN, CLOSE = "container_exempt_open", "container_exempt_close"


def mark_passages(state: StateCore) -> None:
    """Mark every token inside a `::: exempt` block (link reference definitions too: see `_nothing`)."""
    depth = 0
    for token in state.tokens:
        if token.type == OPEN:
            depth += 1
            if depth == 1:
                token.meta["passage"] = True
        if depth:
            token.meta["exempt"] = depth
        if token.type == CLOSE:
            depth -= 1
    state.env["exempt_references"] = {t.meta["id"] for t in state.tokens if t.type == "definition" and t.meta.get("exempt")}


def exempt_footnotes(state: StateCore) -> None:
    """Note which footnotes belong to exempt passages, before the footnote plugin moves them to the end."""
    data = mdit.footnotes(state.env)
    if not data:
        return
    found: set[int] = set()
    for token in state.tokens:
        if not token.meta.get("exempt"):
            continue
        if token.type == "footnote_reference_open":
            number = mdit.labelled_footnote(data, token.meta.get("label", ""))
            if number >= 0:
                found.add(number)
        for child in token.children or []:
            if child.type == "footnote_ref" and mdit.inline_footnote(data, child.meta.get("id")):
                found.add(child.meta["id"])  # an inline footnote, `^[...]`, written in the passage
    state.env["exempt_footnotes"] = found


def withhold_footnotes(state: StateCore) -> None:
    """Mark the exempt footnotes, gathered at the end, and every reference to them in public text."""
    found = state.env.get("exempt_footnotes")
    if not found:
        return
    inside = False
    for token in state.tokens:
        if token.type == "footnote_open" and token.meta.get("id") in found:
            inside = True
        if inside:
            token.meta["exempt"] = token.meta.get("exempt") or 1
            inside = token.type != "footnote_close"  # footnotes do not nest
        for child in token.children or []:
            if child.type == "footnote_ref" and child.meta.get("id") in found:
                child.meta["exempt"] = 1


def exempt_references(state: StateCore) -> None:
    """A link or image in public text whose address was defined inside an exempt passage."""
    labels = state.env.get("exempt_references")
    if not labels:
        return
    for token in state.tokens:
        if token.meta.get("exempt"):
            continue
        for child in token.children or []:
            if child.type in ("link_open", "image") and child.meta.get("label") in labels:
                child.meta["exempt_reference"] = True


def _nothing(self, tokens, idx, options, env) -> str:
    return ""


def install(md: MarkdownIt) -> None:
    """The `::: exempt` block and the core rules that mark what belongs to it (after the footnote plugin)."""
    md.options["store_labels"] = True  # links keep the name of their reference, for `exempt_references`
    md.options["inline_definitions"] = True  # a link reference definition is a token, so it can be inside a passage
    md.add_render_rule("definition", _nothing)
    containers.install(md, "exempt")
    md.core.ruler.after("block", "exempt_passages", mark_passages)
    md.core.ruler.before("footnote_tail", "exempt_footnotes", exempt_footnotes)
    md.core.ruler.after("footnote_tail", "withhold_footnotes", withhold_footnotes)
    md.core.ruler.after("withhold_footnotes", "exempt_references", exempt_references)


# -- what the rest of the tool asks ----------------------------------------


def has_exempt(tokens: list[Token]) -> bool:
    """Whether anything in the parsed text is exempt: the members' version then differs from the public one."""
    return any(token.meta.get("exempt") for token in tokens)


def passages(tokens: list[Token]) -> list[Token]:
    """The opening token of every `::: exempt` block (nested ones too), with its `map` and `meta["closed"]`."""
    return [token for token in tokens if token.type == OPEN]


def withhold(tokens: list[Token], notice: str) -> list[Token]:
    """The public version: each exempt passage replaced by one `notice` paragraph, everything exempt left out.

    The notice takes the number the passage was given (see paragraphs.number_paragraphs).
    """
    if broken():
        return tokens  # the test switch (committee_papers.broken_rule): publish everything, for the guard to stop
    kept: list[Token] = []
    for token in tokens:
        if token.meta.get("exempt"):
            if token.type == OPEN and token.meta.get("passage"):
                kept += _notice(token, notice)
            continue
        if token.children:
            token.children = _public_children(token.children)
        kept.append(token)
    return _renumber_footnotes(kept)


def _renumber_footnotes(tokens: list[Token]) -> list[Token]:
    """Public footnotes as if the exempt passages had never been written.

    Numbered 1, 2, 3 in the order they remain, each reference `[n]`, `[n:1]`... by the
    references that remain, with as many links back; a footnote that only exempt text
    referred to is left out, as the footnote plugin leaves out one never referred to.
    """
    references: dict[int, int] = {}  # old id: public references to it
    for token in tokens:
        for child in token.children or []:
            if child.type == "footnote_ref":
                child.meta["subId"] = references.get(child.meta["id"], 0)
                references[child.meta["id"]] = child.meta["subId"] + 1
    order = [t.meta["id"] for t in tokens if t.type == "footnote_open" and t.meta["id"] in references]
    new = {old: index for index, old in enumerate(order)}
    kept: list[Token] = []
    dropping, anchors, current = False, 0, -1
    for token in tokens:
        if token.type == "footnote_open":
            current, anchors = token.meta["id"], 0
            dropping = current not in new
        if token.type == "footnote_anchor":
            if anchors >= references.get(current, 0):
                continue
            token.meta["subId"] = anchors
            anchors += 1
        if not dropping:
            if token.type in ("footnote_open", "footnote_anchor"):
                token.meta["id"] = new[current]
            for child in token.children or []:
                if child.type == "footnote_ref":
                    child.meta["id"] = new[child.meta["id"]]
            kept.append(token)
        if token.type == "footnote_close":
            dropping = False
    if len(kept) >= 2 and kept[-1].type == "footnote_block_close" and kept[-2].type == "footnote_block_open":
        kept = kept[:-2]
    return kept


def _notice(passage: Token, notice: str) -> list[Token]:
    opener = Token("paragraph_open", "p", 1, level=passage.level, block=True)
    opener.attrSet("class", "exempt-notice")
    number = passage.meta.get("number")
    if number is not None:
        opener.meta["number"] = number
        opener.attrSet("id", f"p{number}")
        opener.attrSet("class", "numbered exempt-notice")
    text = Token("inline", "", 0, level=passage.level + 1, content=notice, block=True)
    text.children = [Token("text", "", 0, content=notice)]
    return [opener, text, Token("paragraph_close", "p", -1, level=passage.level, block=True)]


def _public_children(children: list[Token]) -> list[Token]:
    kept: list[Token] = []
    unwrapping = False
    for child in children:
        if child.meta.get("exempt"):
            continue
        if child.meta.get("exempt_reference"):
            if child.type == "image":
                kept.append(Token("text", "", 0, content=child.content))
            else:
                unwrapping = True  # keep the link's words, not its address
            continue
        if unwrapping and child.type == "link_close":
            unwrapping = False  # links do not nest
            continue
        kept.append(child)
    return kept
