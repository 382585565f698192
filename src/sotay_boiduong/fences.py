"""The lines of Markdown that are prose: outside fenced code blocks, which quote text rather than state it."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def lines(text: str, first_line: int = 1, *, exact: bool = False) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is code) for every line: fence lines and what they enclose are code.

    `exact` splits at "\n" only, so that joining the lines with "\n" gives the text back unchanged (CRLF
    line endings included); otherwise at any line break, as an editor counts lines."""
    fence = None
    for number, line in enumerate(text.split("\n") if exact else text.splitlines(), start=first_line):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            fence = None if fence == marker else (fence or marker)
            yield number, line, True
        else:
            yield number, line, fence is not None


def outside_fences(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line outside ``` and ~~~ fences; the fence lines themselves are skipped."""
    for number, line, code in lines(text, first_line):
        if not code:
            yield number, line
