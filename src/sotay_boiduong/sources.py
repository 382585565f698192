"""Checks of a Markdown source file as a whole: Unicode normal form and YAML front matter.

Stock MkDocs treats front matter that is not valid YAML as ordinary text and renders it as part of the
page without a word; these checks turn that, and text that is not in Unicode NFC, into a `Problem`
that names the file and the line.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Problem
from .yamlio import duplicate_keys, parse, parse_date

# The same opening and closing fences that MkDocs (mkdocs.utils.meta) accepts.
_FENCE = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")


def check_nfc(path: str, text: str) -> list[Problem]:
    """One problem for each line that is not in Unicode NFC (text pasted from Word or a PDF often is not)."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        column, sample = _first_non_nfc(line)
        problems.append(
            Problem(
                path,
                number,
                f"cột {column}: chữ «{sample}» không ở dạng Unicode dựng sẵn (NFC), thường do dán từ Word hoặc PDF",
                "chạy `bash scripts/check.sh --fix` để chuẩn hoá tệp, hoặc gõ lại chữ đó bằng bộ gõ Unicode dựng sẵn",
            )
        )
    return problems


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return (front matter source, line number of the first line after it); (None, 1) if there is none."""
    lines = text.splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return None, 1
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            return "\n".join(lines[1:index]) + "\n", index + 2
    return "\n".join(lines[1:]) + "\n", len(lines) + 1


def check_front_matter(path: str, text: str) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the YAML front matter; return its mapping and the problems found (empty mapping if none)."""
    lines = text.splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return {}, _misplaced_front_matter(path, lines)
    if not any(_CLOSE.match(line) for line in lines[1:]):
        return {}, [
            Problem(
                path,
                1,
                "phần thông tin đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại",
                "thêm một dòng chỉ gồm '---' ngay sau dòng thông tin cuối cùng",
            )
        ]
    source, _ = split_front_matter(text)
    try:
        data, node = parse(source)
    except yaml.YAMLError as error:
        line = 2 + _error_line(error, source.count("\n"))
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return {}, [
            Problem(
                path,
                line,
                f"front matter không phải YAML hợp lệ ({reason})",
                "mỗi dòng có dạng `khoá: giá trị`; đặt giá trị có dấu ':' hoặc bắt đầu bằng ký tự đặc biệt "
                'trong ngoặc kép, ví dụ `title: "Bài 1: ..."`; thụt lề bằng dấu cách, không dùng Tab',
            )
        ]
    if data is None:
        return {}, []
    duplicates = [
        Problem(path, line + 2, f"khoá `{key}` được viết hai lần trong phần thông tin đầu trang (lần đầu ở dòng {first + 2}); chỉ giá trị sau được dùng", "xoá một trong hai dòng, giữ giá trị đúng")
        for key, line, first in duplicate_keys(node)
    ]
    if duplicates:
        return {}, duplicates
    impossible = [
        Problem(path, line + 2, f"ngày «{value}» không có thật", "viết năm-tháng-ngày (YYYY-MM-DD) của một ngày có thật; kiểm tra xem có đảo ngày và tháng không")
        for value, line in _date_like(node)
        if parse_date(value) is None
    ]
    if impossible:
        return {}, impossible
    if not isinstance(data, dict):
        return {}, [
            Problem(
                path,
                2,
                "front matter phải là danh sách các cặp `khoá: giá trị`",
                "viết mỗi thông tin trên một dòng dạng `khoá: giá trị`, ví dụ `title: Tên trang`",
            )
        ]
    return data, []


_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _date_like(node) -> list[tuple[str, int]]:
    """(text, 0-based line) of every plain scalar that is written like a date."""
    found, stack = [], [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if _DATE_LIKE.match(str(current.value)) and not current.style:  # plain, not quoted
                found.append((str(current.value), current.start_mark.line))
        elif isinstance(current, yaml.MappingNode):
            stack += [value for _, value in current.value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return found


_LOOKS_LIKE_KEY = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")


def _misplaced_front_matter(path: str, lines: list[str]) -> list[Problem]:
    """Front matter that MkDocs will not see, so that the page silently loses its title and fields: an empty
    line above the opening `---`, or an opening of four or more dashes."""
    if not any(line.strip() for line in lines):
        return [Problem(path, 1, "tệp trống: trang sẽ không có nội dung", "viết nội dung cho trang, hoặc xoá tệp và bỏ trang khỏi `nav:` trong mkdocs.yml")]
    first = next(index for index, line in enumerate(lines) if line.strip())
    opening = lines[first]
    if not re.match(r"^-{3,}\s*$", opening) or first + 1 >= len(lines) or not _LOOKS_LIKE_KEY.match(lines[first + 1]):
        return []
    if first > 0:
        return [Problem(path, 1, f"có {first} dòng trống trước dòng '---' mở phần thông tin đầu trang, nên phần đó bị coi là nội dung", "xoá các dòng trống để '---' là dòng đầu tiên của tệp")]
    return [Problem(path, 1, f"phần thông tin đầu trang mở bằng '{opening.strip()}' ({len(opening.strip())} dấu gạch), nên bị coi là nội dung", "mở bằng đúng ba dấu gạch: ---")]


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a file that editors write (UTF-8, with or without a BOM), or the problem naming the line
    where the first byte that is not UTF-8 stands."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "tệp không được lưu ở mã UTF-8 (có thể là mã TCVN3/VNI, Windows-1258 hoặc Latin-1)",
                "mở tệp bằng trình soạn thảo, chọn lưu với mã (encoding) UTF-8",
            )
        ]


def check_source(path: str, data: bytes) -> list[Problem]:
    """All whole-file checks of one Markdown source (its raw bytes), in line order."""
    text, problems = decode(path, data)
    if text is None:
        return problems
    _, problems = check_front_matter(path, text)
    return sorted(check_nfc(path, text) + problems)


def _error_line(error: yaml.YAMLError, source_lines: int) -> int:
    """0-based line of a YAML error in the front matter source.

    An unclosed bracket or quote is found only at the end of the source; the line where it was opened
    (the error's context) is where the editor has to look.
    """
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    if problem is not None and problem.line >= source_lines and context is not None:
        return context.line
    if problem is not None:
        return problem.line
    return context.line if context is not None else 0


def _first_non_nfc(line: str) -> tuple[int, str]:
    """Column (from 1) and the visible letter of the first spot where the line differs from its NFC form."""
    for index, char in enumerate(line):
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", line[index : index + 2]):
            start = index
            while start > 0 and unicodedata.combining(line[start]):
                start -= 1
            end = index + 1
            while end < len(line) and unicodedata.combining(line[end]):
                end += 1
            return start + 1, unicodedata.normalize("NFC", line[start:end])
    return 1, line[:1]


# ---------------------------------------------------------------- every file read once per build


@dataclass
class SourceFile:
    """One file as read: its bytes, its text (bytes that are not UTF-8 replaced, so the other checks can
    still list their problems; `utf8` says whether that was needed) and, parsed on first use, its front matter."""

    data: bytes
    text: str
    utf8: bool
    _front_matter: tuple[dict[str, Any], list[Problem]] | None = None

    def front_matter(self, path: str) -> tuple[dict[str, Any], list[Problem]]:
        if self._front_matter is None:
            self._front_matter = check_front_matter(path, self.text)
        return self._front_matter


class Sources:
    """The files of one build, each read from disk once (hooks used to read the same file four times, and
    both languages' builds read every file again): keyed by absolute path."""

    def __init__(self):
        self._files: dict[str, SourceFile | None] = {}

    def file(self, path: str | os.PathLike) -> SourceFile | None:
        """The file at `path`, or None if it cannot be read (missing, a folder, no permission)."""
        key = os.path.abspath(path)
        if key not in self._files:
            try:
                with open(key, "rb") as handle:
                    data = handle.read()
            except OSError:
                self._files[key] = None
            else:
                try:
                    self._files[key] = SourceFile(data, data.decode("utf-8-sig"), True)
                except UnicodeDecodeError:
                    self._files[key] = SourceFile(data, data.decode("utf-8", errors="replace"), False)
        return self._files[key]

    def text(self, path: str | os.PathLike) -> str | None:
        """The text of the file (bytes that are not UTF-8 replaced), or None if it cannot be read."""
        found = self.file(path)
        return found.text if found is not None else None

    def forget(self, path: str | os.PathLike) -> None:
        """Read the file again next time (a file the build itself changed)."""
        self._files.pop(os.path.abspath(path), None)
