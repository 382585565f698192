"""Turn an official text in plain text into a Markdown page with the handbook's anchors.

    bash scripts/import-text.sh dieu-le.txt docs/van-ban/dieu-le-dang.md --title "Điều lệ Đảng Cộng sản Việt Nam" --document dieu-le-dang

The input is the text as editors have it: chapters ("Chương I" with its name on the same line or the next),
articles ("Điều 1." with an optional title), clauses ("1."), points ("a)"). The page gets the anchors the
summary pages use (#chuong-1, #dieu-24) and finer ones (#dieu-24-khoan-2, #dieu-24-khoan-2-diem-a), so a full
text can replace a summary without breaking a link. `export` turns such a page back into the plain text.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_CHAPTER = re.compile(r"^Chương\s+(?P<roman>[IVXL]+)\b[.:\s-]*(?P<name>.*)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^Điều\s+(?P<number>\d+)\s*[.:]?\s*(?P<title>.*)$")
_CLAUSE = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.+)$")
_POINT = re.compile(r"^(?P<letter>[a-zđ])\)\s+(?P<text>.+)$")


class ImportTextError(ValueError):
    """The text does not have the expected structure; the message names the line."""


@dataclass
class Node:
    kind: str  # chapter | article | clause | point | text
    number: str = ""
    title: str = ""
    text: str = ""
    children: list[Node] = field(default_factory=list)


def roman_to_int(roman: str) -> int:
    values = [_ROMAN[ch] for ch in roman.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def parse(text: str) -> list[Node]:
    """The chapters (or, in a text without chapters, the articles) of an official text."""
    text = unicodedata.normalize("NFC", text)
    roots: list[Node] = []
    chapter = article = clause = None
    expect_chapter_name = False
    seen_articles: set[int] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        if match := _CHAPTER.match(line):
            chapter = Node("chapter", str(roman_to_int(match["roman"])), title=_tidy(match["name"]))
            roots.append(chapter)
            article = clause = None
            expect_chapter_name = not chapter.title
            continue
        if expect_chapter_name and not _ARTICLE.match(line):
            chapter.title = _tidy(line)
            expect_chapter_name = False
            continue
        expect_chapter_name = False
        if match := _ARTICLE.match(line):
            value = int(match["number"])
            if value in seen_articles:
                raise ImportTextError(f"dòng {number}: Điều {value} xuất hiện hai lần")
            seen_articles.add(value)
            article = Node("article", str(value), title=match["title"].strip())
            (chapter.children if chapter else roots).append(article)
            clause = None
            continue
        if article is None:
            continue  # the title lines before the first chapter or article
        if match := _CLAUSE.match(line):
            clause = Node("clause", match["number"], text=match["text"])
            article.children.append(clause)
        elif (match := _POINT.match(line)) and clause is not None:
            clause.children.append(Node("point", match["letter"], text=match["text"]))
        elif clause is not None and clause.children:
            clause.children[-1].text += " " + line
        elif clause is not None:
            clause.text += " " + line
        else:
            article.children.append(Node("text", text=line))
    if not seen_articles:
        raise ImportTextError("không tìm thấy điều nào: mỗi điều phải bắt đầu một dòng bằng \"Điều 1.\", \"Điều 2.\", …")
    return roots


def to_markdown(nodes: list[Node], *, title: str, document: str = "", description: str = "") -> str:
    """The Markdown page: front matter, then chapters (##), articles (###), clauses and points with anchors."""
    front = [f'title: "{_quote(title)}"']
    if description:
        front.append(f'description: "{_quote(description)}"')
    if document:
        front.append(f"document: {document}")
    out = ["---", *front, "---", ""]
    for node in nodes:
        if node.kind == "chapter":
            out += [f"## Chương {_roman(int(node.number))}. {node.title} {{ #chuong-{node.number} }}", ""]
            for article in node.children:
                out += _article(article)
        else:
            out += _article(node)
    return "\n".join(out).rstrip() + "\n"


def export(markdown: str) -> str:
    """The plain text of a page made by `to_markdown`: what `parse` reads back to the same structure."""
    lines = []
    for line in markdown.split("---", 2)[2].splitlines():
        line = re.sub(r"\s*\{\s*#[^}]*\}\s*$", "", line)
        if not line.strip():
            continue
        if line.startswith("## "):
            lines.append(line[3:])
        elif line.startswith("### "):
            lines.append(line[4:])
        else:
            lines.append(re.sub(r"^\*\*([^*]+)\*\*\s+", r"\1 ", line))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/import-text.sh", description="Chuyển văn bản chính thức dạng text thành trang Markdown.")
    parser.add_argument("input", type=Path, help="tệp văn bản (UTF-8)")
    parser.add_argument("output", type=Path, help="tệp Markdown cần tạo, ví dụ docs/van-ban/dieu-le-dang.md")
    parser.add_argument("--title", required=True, help="tên trang")
    parser.add_argument("--document", default="", help="mã văn bản trong docs/_data/van-ban.yml")
    parser.add_argument("--description", default="", help="một câu mô tả trang")
    args = parser.parse_args(argv)
    try:
        nodes = parse(args.input.read_text(encoding="utf-8-sig"))
    except (ImportTextError, UnicodeDecodeError) as error:
        print(f"{args.input}: {error}", file=sys.stderr)
        return 1
    args.output.write_text(to_markdown(nodes, title=args.title, document=args.document, description=args.description), encoding="utf-8")
    articles = sum(1 for n in _walk(nodes) if n.kind == "article")
    print(f"{args.output}: {articles} điều")
    return 0


# ---------------------------------------------------------------- helpers


def _article(article: Node) -> list[str]:
    heading = f"Điều {article.number}" + (f". {article.title}" if article.title else "")
    out = [f"### {heading} {{ #dieu-{article.number} }}", ""]
    for child in article.children:
        if child.kind == "text":
            out += [child.text, ""]
            continue
        out += [f"**{child.number}.** {child.text}", f"{{ #dieu-{article.number}-khoan-{child.number} }}", ""]
        for point in child.children:
            out += [f"**{point.number})** {point.text}", f"{{ #dieu-{article.number}-khoan-{child.number}-diem-{_ascii(point.number)} }}", ""]
    return out


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _tidy(name: str) -> str:
    """Chapter names printed in capitals ("ĐẢNG VIÊN") become "Đảng viên"."""
    name = name.strip(" .:-")
    return name[:1] + name[1:].lower() if name.isupper() else name


def _roman(number: int) -> str:
    result = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            result, number = result + letters, number - value
    return result


def _ascii(letter: str) -> str:
    return "dd" if letter == "đ" else letter


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


if __name__ == "__main__":
    sys.exit(main())
