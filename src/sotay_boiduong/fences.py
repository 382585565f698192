"""The lines of Markdown that are prose: outside fenced code blocks, which quote text rather than state it.

A diagram's fenced block (sotay_boiduong.diagrams: ```dot) is the exception: its labels, caption and text
alternative are the handbook's own text, so the checks of wording (tone marks, the English termbase) read it
when asked to with `text_fences`; the checks of Markdown and HTML (links, headings, citations) do not.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
_OPENING = re.compile(r"^(?P<indent>\s*)(?P<marker>`{3,}|~{3,})\s*(?P<info>.*?)\s*$")
# Fenced blocks whose content is text of the handbook (diagrams), for `text_fences`.
TEXT_FENCES = ("dot",)
INLINE_CODE = re.compile(r"`+[^`]*`+")


def blank_inline_code(line: str) -> str:
    """`line` with each inline code span turned into as many spaces: code quotes text rather than states it,
    and the columns of the rest stay where they were."""
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


@dataclass(frozen=True)
class Fence:
    """One fenced block: its opening line, what follows the opening marker, and its content lines."""

    line: int  # the line of the opening ``` or ~~~
    indent: str  # what precedes the opening marker (inside a list or an admonition)
    info: str  # "dot caption=\"…\""
    body: tuple[tuple[int, str], ...]  # (line number, line without the fence's indent)
    closed: bool

    @property
    def language(self) -> str:
        return self.info.split(None, 1)[0].lstrip("{.").lower() if self.info else ""


def lines(text: str, first_line: int = 1, *, exact: bool = False, text_fences: Collection[str] = ()) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is code) for every line: fence lines and what they enclose are code,
    except the content of fenced blocks whose language is in `text_fences`.

    `exact` splits at "\n" only, so that joining the lines with "\n" gives the text back unchanged (CRLF
    line endings included); otherwise at any line break, as an editor counts lines."""
    fence, text_block = None, False  # the opening marker ("```", "~~~~") of the block we are in
    for number, line in enumerate(text.split("\n") if exact else text.splitlines(), start=first_line):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, text_block = match.group(1), _language(line) in text_fences
            yield number, line, True
        elif fence is not None and _closes(match, fence):
            fence, text_block = None, False
            yield number, line, True
        else:
            yield number, line, fence is not None and not text_block


def outside_fences(text: str, first_line: int = 1, *, text_fences: Collection[str] = ()) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line outside ``` and ~~~ fences (and inside those of `text_fences`);
    the fence lines themselves are skipped."""
    for number, line, code in lines(text, first_line, text_fences=text_fences):
        if not code:
            yield number, line


def blocks(text: str, first_line: int = 1) -> Iterator[Fence]:
    """Every fenced block of `text`, found as `lines` finds them; a block left open runs to the end."""
    opening, body = None, []
    for number, line in enumerate(text.splitlines(), start=first_line):
        match = _FENCE.match(line)
        if opening is None:
            if match:
                opening, body = (number, _OPENING.match(line)), []
        elif _closes(match, opening[1]["marker"]):
            yield _fence(opening, body, closed=True)
            opening = None
        else:
            body.append((number, line))
    if opening is not None:
        yield _fence(opening, body, closed=False)


def _closes(match: re.Match | None, opening: str) -> bool:
    """A closing fence: the opening's character, at least as many of them, nothing after (CommonMark)."""
    return match is not None and match.group(1)[0] == opening[0] and len(match.group(1)) >= len(opening) and not match.group(2).strip()


def _fence(opening, body: list[tuple[int, str]], *, closed: bool) -> Fence:
    number, match = opening
    indent = match["indent"]
    return Fence(number, indent, match["info"], tuple((n, line.removeprefix(indent)) for n, line in body), closed)


def _language(line: str) -> str:
    match = _OPENING.match(line)
    info = match["info"] if match else ""
    return info.split(None, 1)[0].lstrip("{.").lower() if info else ""
