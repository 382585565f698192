"""A content problem: where it is, what is wrong and how to fix it, for editors who are not programmers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one source file. `line` counts from 1; `path` is relative to the project root."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — Cách sửa: {self.fix}"
