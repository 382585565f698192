"""Diagrams drawn at build time: Graphviz source in the Markdown becomes inline SVG in the page, so a diagram
needs no script in the reader's browser, asks no other host for anything, and prints as sharp vectors.

An editor writes a fenced block of language `dot`: a caption, the diagram in Graphviz's DOT language, a line
`---`, then the text alternative, a Markdown list that says what the picture says (the steps, the levels):

    ```dot caption="Từ khi làm đơn đến khi được công nhận đảng viên chính thức"
    digraph {
      don -> xet
      don [label="Làm đơn, khai lý lịch"]
      xet [label="Chi bộ xét, biểu quyết"]
    }
    ---
    1. Người vào Đảng làm đơn và khai lý lịch.
    2. Chi bộ xét và biểu quyết.
    ```

- `Renderer.draw` runs `dot -Tsvg` (Graphviz, a Debian package) with the handbook's defaults (Noto Sans,
  boxes with rounded corners) under a time limit, keeps the SVG small and static (`clean_svg`) and caches it
  under a hash of the source, the defaults, Graphviz's version and this module's code, in a folder outside
  docs/ and site/: a rebuild draws only the diagrams that changed.
- `check` finds every diagram of a Markdown source and reports what is wrong at its file and line, a diagram
  Graphviz cannot draw with Graphviz's own message.
- `figure` is the HTML: a <figure> with the caption, the SVG (an image named by the caption and described by
  the list) and the list itself, folded, for readers who want the words.
- `chain` draws the replacements around a document from the registry (sotay_boiduong.documents).

Colours: the SVG's lines and text are `currentColor` and its boxes white, which is how paper shows them;
the site's stylesheet gives the boxes the colours of the reader's scheme (light or dark). Meaning is never
in colour alone: an emphasised box (`class="noi-bat"`) has a thick border and a grey fill in print.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import markdown

from . import atomic
from . import documents as registry_documents
from .fences import Fence, blocks
from .problems import Problem
from .yamlio import parse_date

LANGUAGE = "dot"
SEPARATOR = "---"
OPTIONS = ("caption",)
TIMEOUT = 20  # seconds for one diagram; Graphviz takes a few hundredths
# The handbook's look, given to Graphviz on its command line (a diagram's source may override any of it).
DEFAULTS = (
    "-Gfontname=Noto Sans", "-Gfontsize=13", "-Gnodesep=0.3", "-Granksep=0.32", "-Gpad=0.06",
    "-Nfontname=Noto Sans", "-Nfontsize=13", "-Nshape=box", "-Nstyle=rounded,filled", "-Nfillcolor=white",
    "-Ncolor=black", "-Nmargin=0.14,0.08", "-Efontname=Noto Sans", "-Efontsize=12", "-Earrowsize=0.7",
)
EMPHASIS = "noi-bat"  # the class of a box to stand out: thick border, grey fill on paper, tinted on screen
FONT = "Noto Sans, sans-serif"
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # a change to the drawing code redraws all

_OPTION = re.compile(r"(?P<key>[a-zA-Z][a-zA-Z0-9_]*)(?:=(?P<quote>\"|')(?P<value>.*?)(?P=quote))?")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
_DOT_LINE = re.compile(r"\bline (\d+)")
_DOT_PREFIX = re.compile(r"^(?:Error|Warning):\s*(?:<stdin>:\s*)?")
_CLASS = re.compile(r"^[a-z][a-z0-9-]*$")

# What the cleaned SVG may hold: static shapes and text, nothing that runs, links or loads.
_ELEMENTS = {"svg", "g", "path", "polygon", "polyline", "ellipse", "rect", "line", "text"}
_UNWRAP = {"a"}  # Graphviz wraps a shape with a URL in a link: the shape stays, the link goes
_ATTRIBUTES = {
    "class", "fill", "stroke", "stroke-width", "stroke-dasharray", "d", "points", "x", "y", "cx", "cy", "rx", "ry",
    "x1", "y1", "x2", "y2", "width", "height", "transform", "font-size", "font-weight", "font-style", "text-anchor",
}
_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Diagram:
    """What an editor wrote: the DOT source, the caption and the text alternative (Markdown list)."""

    source: str
    caption: str
    text: str


@dataclass(frozen=True)
class Drawing:
    """Graphviz's answer: the cleaned SVG, or its own message and the source line it names (from 1)."""

    svg: str | None
    message: str = ""
    line: int | None = None


# ---------------------------------------------------------------- reading a diagram


def split(content: str) -> tuple[str, str, int | None]:
    """The DOT source, the text alternative and the index of the `---` line (None when there is none)."""
    rows = content.split("\n")
    for index, row in enumerate(rows):
        if row.strip() == SEPARATOR:
            return "\n".join(rows[:index]), "\n".join(rows[index + 1 :]).strip("\n"), index
    return content, "", None


def options(info: str) -> dict[str, str]:
    """`caption="…"` and the like, after the language of a fence's opening line (as superfences reads them)."""
    rest = info.split(None, 1)[1] if len(info.split(None, 1)) > 1 else ""
    return {m["key"]: (m["value"] if m["value"] is not None else m["key"]) for m in _OPTION.finditer(rest)}


def is_list(text: str) -> bool:
    """Whether the text alternative is a Markdown list: its first line is an item (`1. …`, `- …`)."""
    rows = [row for row in text.splitlines() if row.strip()]
    return bool(rows) and _LIST_ITEM.match(rows[0]) is not None


def check(path: str, text: str, renderer: Renderer, first_line: int = 1) -> list[Problem]:
    """Every problem of every diagram in a Markdown source, at its line; drawing them fills the cache."""
    problems = []
    for fence in blocks(text, first_line):
        if fence.language == LANGUAGE:
            problems += check_fence(path, fence, renderer)
    return problems


def check_fence(path: str, fence: Fence, renderer: Renderer) -> list[Problem]:
    """The problems of one ```dot block: its options, caption, text alternative and drawing."""
    fix_syntax = "xem mục 2a «Thêm hoặc sửa một sơ đồ» trong docs/huong-dan/bien-tap.md"
    if not fence.closed:
        return [Problem(path, fence.line, "khối sơ đồ ```dot không có dòng ``` đóng lại", "thêm một dòng ``` sau danh sách chữ thay thế của sơ đồ")]
    problems = []
    given = options(fence.info)
    for key in given:
        if key not in OPTIONS:
            problems.append(Problem(path, fence.line, f"sơ đồ có tuỳ chọn lạ `{key}`", f"chỉ dùng {', '.join(f'`{o}`' for o in OPTIONS)}, ví dụ ```dot caption=\"Tên sơ đồ\""))
    if not given.get("caption", "").strip() or given.get("caption") == "caption":
        problems.append(Problem(path, fence.line, "sơ đồ không có chú thích (caption)", 'viết ```dot caption="Tên sơ đồ: nó cho thấy điều gì"'))
    content = "\n".join(line for _, line in fence.body)
    source, alternative, separator = split(content)
    lines = [number for number, _ in fence.body]
    if separator is None:
        problems.append(Problem(path, fence.line, "sơ đồ không có phần chữ thay thế (dòng `---` rồi danh sách)", f"sau mã sơ đồ, thêm một dòng `---` rồi danh sách các bước hoặc các cấp bằng lời; {fix_syntax}"))
    elif not is_list(alternative):
        problems.append(Problem(path, lines[separator], "phần chữ thay thế của sơ đồ (sau dòng `---`) không phải một danh sách", f"viết các bước hoặc các cấp thành danh sách `1. …` hoặc `- …`; {fix_syntax}"))
    drawing = renderer.draw(source)
    if drawing.svg is None or drawing.message:
        # Graphviz counts the lines of the source; past its end (a brace missing) means its last line.
        source_lines = lines[:separator] if separator is not None else lines
        line = source_lines[min(drawing.line, len(source_lines)) - 1] if drawing.line and source_lines else fence.line
        problems.append(Problem(path, line, f"sơ đồ không vẽ được, Graphviz báo: «{drawing.message}»", f"sửa mã sơ đồ (ngôn ngữ DOT của Graphviz) ở dòng này hoặc dòng trước; {fix_syntax}"))
        renderer.reported.add(source)
    return problems


# ---------------------------------------------------------------- drawing


class Renderer:
    """Draws DOT sources with Graphviz, remembering each drawing in memory and in `cache` (a folder)."""

    def __init__(self, cache: Path | None, *, program: str = "dot", timeout: float = TIMEOUT):
        self.cache = cache
        self.program = program
        self.timeout = timeout
        self._memo: dict[str, Drawing] = {}
        self._version: str | None = None
        self.drawn = 0  # how many diagrams this renderer had Graphviz draw (the rest came from the cache)
        self.reported: set[str] = set()  # sources whose problem `check` has reported with its file and line

    def version(self) -> str:
        """Graphviz's version line ("dot - graphviz version 2.43.0 (0)"), part of every cache key."""
        if self._version is None:
            try:
                result = subprocess.run([self.program, "-V"], capture_output=True, text=True, timeout=self.timeout)
                self._version = (result.stderr or result.stdout).strip()
            except (OSError, subprocess.SubprocessError):
                self._version = ""  # drawing will say what is wrong
        return self._version

    def key(self, source: str) -> str:
        return hashlib.sha256(json.dumps([self.version(), DEFAULTS, _CODE, source]).encode("utf-8")).hexdigest()

    def draw(self, source: str) -> Drawing:
        """The cleaned SVG of `source`, from memory, the cache folder or Graphviz, or Graphviz's message."""
        key = self.key(source)
        if key in self._memo:
            return self._memo[key]
        cached = self.cache / f"{key}.svg" if self.cache else None
        if cached is not None and cached.is_file():
            drawing = Drawing(cached.read_text(encoding="utf-8"))
        else:
            drawing = self._run(source)
            if drawing.svg is not None and not drawing.message and cached is not None:
                _write_atomically(cached, drawing.svg)
        self._memo[key] = drawing
        return drawing

    def _run(self, source: str) -> Drawing:
        self.drawn += 1
        try:
            result = subprocess.run([self.program, "-Tsvg", *DEFAULTS], input=source, capture_output=True, text=True, timeout=self.timeout)
        except FileNotFoundError:
            return Drawing(None, f"không tìm thấy chương trình `{self.program}` của Graphviz (gói Debian graphviz)")
        except subprocess.TimeoutExpired:
            return Drawing(None, f"Graphviz chưa vẽ xong sau {self.timeout:g} giây")
        message, line = _message(result.stderr)
        if result.returncode != 0 or not result.stdout.strip():
            return Drawing(None, message or f"Graphviz dừng với mã {result.returncode}", line)
        try:
            svg = clean_svg(result.stdout)
        except ET.ParseError as error:
            return Drawing(None, f"SVG của Graphviz không đọc được ({error})")
        return Drawing(svg, message, line)


def _message(stderr: str) -> tuple[str, int | None]:
    """Graphviz's own words, one line, without "Error: <stdin>:"; and the line of the source they name."""
    text = " ".join(_DOT_PREFIX.sub("", row).strip() for row in stderr.strip().splitlines() if row.strip())
    match = _DOT_LINE.search(text)
    return text, int(match.group(1)) if match else None


def _write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: two builds side by side may draw the same diagram."""
    with atomic.replacing(path, prefix=".", suffix=".tmp") as temporary:
        Path(temporary).write_text(text, encoding="utf-8")


def clean_svg(svg: str) -> str:
    """Graphviz's SVG reduced to static shapes and text: no prolog, doctype, comments, ids, tooltips, links
    or images; black becomes `currentColor`; sizes in CSS pixels (one unit of the drawing = one pixel).

    It is also made small, since every page that shows it carries it: what every label shares (colour, size,
    alignment) is said once on the <svg>, and a box with rounded corners is a <rect>, not a path of 25 points."""
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", svg, count=1))
    box = [float(v) for v in root.get("viewBox", "0 0 0 0").split()]
    width, height = math.ceil(box[2]), math.ceil(box[3])
    view = " ".join(_number(v) for v in box)
    sizes = [_number(float(t.get("font-size", "14"))) for t in root.iter(f"{_SVG}text")]
    shared = {"font-size": max(set(sizes), key=sizes.count) if sizes else "13", "text-anchor": "middle"}
    inner = "".join(_element(child, shared) for child in root)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="handbook-diagram__svg" viewBox="{view}" width="{width}" height="{height}" '
        f'font-family="{FONT}" font-size="{shared["font-size"]}" text-anchor="middle" fill="currentColor">{inner}</svg>'
    )


def _element(node: ET.Element, shared: dict[str, str], *, emphasis: bool = False) -> str:
    tag = node.tag.removeprefix(_SVG)
    if tag in _UNWRAP:
        return "".join(_element(child, shared, emphasis=emphasis) for child in node)
    if tag not in _ELEMENTS:
        return ""  # title, desc, image, anything unknown
    classes = [c for c in node.get("class", "").split() if _CLASS.match(c)]
    if tag == "polygon" and node.get("fill") in ("white", "transparent") and node.get("stroke") == "transparent":
        return ""  # the page behind the graph: the site's background shows instead
    emphasis = emphasis or EMPHASIS in classes
    attributes = {}
    for name in sorted(node.keys()):
        value = node.get(name)
        if name not in _ATTRIBUTES:
            continue
        if name == "class":
            value = " ".join(classes)
        elif name in ("fill", "stroke"):
            value = {"black": "currentColor", "transparent": "none"}.get(value, value)
        elif name == "font-size":
            value = _number(float(value))
        if value and not (tag == "text" and (name == "fill" or shared.get(name) == value)):
            attributes[name] = value  # a label's colour is the text's; its size and alignment, if shared, the <svg>'s
    if tag == "path" and (rect := _rounded_box(attributes.get("d", ""))):
        tag = "rect"
        del attributes["d"]
        attributes.update(rect)
    if emphasis and tag in ("path", "polygon", "ellipse", "rect") and attributes.get("fill") not in (None, "none", "currentColor"):
        # The emphasised box on paper: thick border, grey fill (the site's stylesheet tints it on screen).
        attributes.update({"fill": "#e4e4e4", "stroke-width": "2.2"})
    if tag == "text":
        inside = html.escape("".join(node.itertext()), quote=False)
    else:
        inside = "".join(_element(child, shared, emphasis=emphasis) for child in node)
    attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in attributes.items())
    # A line break after each line of a label: search (and anything else that reads the page's text) would
    # otherwise glue the last word of one line to the first of the next ("viêndự" for "viên" / "dự bị").
    return f"<{tag}{attrs}>{inside}</{tag}>" + ("\n" if tag == "text" else "")


_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?")


def _rounded_box(d: str) -> dict[str, str] | None:
    """The <rect> attributes of Graphviz's path for a box with rounded corners (`style=rounded`): a move and
    one curve of eight segments through 25 points. Any other path is left alone (None)."""
    if not re.fullmatch(r"M[-\d.,]+C[-\d., ]+", d):
        return None
    values = [float(v) for v in _NUMBERS.findall(d)]
    if len(values) != 50:
        return None
    xs, ys = values[0::2], values[1::2]
    radius = abs(xs[3] - xs[6])
    if abs(abs(ys[3] - ys[6]) - radius) > 0.01:
        return None
    left, top = min(xs), min(ys)
    return {"x": _number(left), "y": _number(top), "width": _number(max(xs) - left), "height": _number(max(ys) - top), "rx": _number(radius)}


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- the figure


def figure(diagram: Diagram, drawing: Drawing, *, ident: str, summary: str) -> str:
    """The HTML of a diagram: caption, picture (scrolls sideways on a narrow screen) and words.

    The SVG is an image named by the caption and described by the list; the list is also there to read,
    folded under `summary` on screen and left out of print, where the picture is legible on its own."""
    caption = html.escape(diagram.caption)
    words = markdown.markdown(diagram.text)
    if drawing.svg is None:  # only in the content check, which reports the problem and goes on
        picture = f'<p class="handbook-diagram__error">{html.escape(drawing.message)}</p>'
    else:
        opening = f'<svg role="img" aria-labelledby="{ident}-title" aria-describedby="{ident}-text" '
        picture = drawing.svg.replace("<svg ", opening, 1)
        end = picture.index(">") + 1
        picture = picture[:end] + f'<title id="{ident}-title">{caption}</title>' + picture[end:]
    return (
        f'<figure class="handbook-diagram" id="{ident}">'
        f"<figcaption>{caption}</figcaption>"
        f'<div class="handbook-diagram__canvas" tabindex="0">{picture}</div>'
        f'<details class="handbook-diagram__text handbook-screen-only"><summary>{html.escape(summary)}</summary>'
        f'<div id="{ident}-text">{words}</div></details>'
        "</figure>"
    )


def identifier(diagram: Diagram, taken: set[str]) -> str:
    """An id for the figure, the same for the same diagram in every build, unique on its page."""
    base = "so-do-" + hashlib.sha256(f"{diagram.caption}\n{diagram.source}".encode()).hexdigest()[:8]
    ident, number = base, 1
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    taken.add(ident)
    return ident


def fence(diagram: Diagram) -> str:
    """The Markdown of a diagram, as an editor would write it (for diagrams made from data)."""
    caption = diagram.caption.replace('"', "'")
    return f'```{LANGUAGE} caption="{caption}"\n{diagram.source}\n{SEPARATOR}\n{diagram.text}\n```'


# ---------------------------------------------------------------- chains of documents


def chain(documents: Mapping[str, registry_documents.Document], document_id: str, language: str, words: Mapping[str, str], *, page: str | None = None) -> Diagram | None:
    """The diagram of the replacements that lead to the document now in force at the end of `document_id`'s
    chain: every document of the registry replaced, directly or in turn, by that one. None when the
    document was never replaced and replaced nothing.

    `words` are the page's strings: `caption` ("… {name}"), `replaced_by` ("… {number}"), `this_page`.
    Each box gives the number, the date and the status; the document in force is emphasised, the replaced
    ones have dashed borders, and the document of the page (`page`, an id) says so."""
    if document_id not in documents:
        return None
    end = registry_documents.current_version(dict(documents), document_id)
    family = [d for d in documents.values() if registry_documents.current_version(dict(documents), d.id).id == end.id]
    if len(family) < 2:
        return None
    family.sort(key=lambda d: (_date_key(d), d.id))
    ids = {d.id for d in family}
    edges = [(d.id, d.replaced_by) for d in family if d.status == "replaced" and d.replaced_by in ids and d.replaced_by != d.id]
    incoming: dict[str, int] = {}
    for _, target in edges:
        incoming[target] = incoming.get(target, 0) + 1
    direction = "TB" if all(count <= 1 for count in incoming.values()) else "LR"
    rows = [f"digraph {{\n  rankdir={direction}"]
    items = []
    for document in family:
        status = registry_documents.STATUS_LABELS[language].get(document.status, document.status)
        date = registry_documents.format_date(document.date, language)
        label = [document.short_name(language)] + ([date] if date else []) + [status]
        if document.id == page:
            label.append(f"({words['this_page']})")
        attributes = [f"label={_quote(chr(10).join(label))}"]
        if document.id == end.id:
            attributes.append(f'class="{EMPHASIS}"')
        elif document.status == "replaced":
            attributes.append('style="rounded,filled,dashed"')
        rows.append(f"  {_quote(document.id)} [{' '.join(attributes)}]")
        said = words["replaced_by"].replace("{number}", documents[document.replaced_by].number or documents[document.replaced_by].short_name(language)) if document.status == "replaced" and document.replaced_by in ids else _lower_first(status)
        here = f" ({words['this_page']})" if document.id == page else ""
        items.append(f"- {document.short_name(language)}" + (f" ({date})" if date else "") + f": {said}{here}.")
    rows += [f"  {_quote(a)} -> {_quote(b)}" for a, b in edges]
    rows.append("}")
    caption = words["caption"].replace("{name}", end.short_name(language))
    return Diagram("\n".join(rows), caption, "\n".join(items))


def _date_key(document: registry_documents.Document) -> str:
    parsed = parse_date(document.date)
    return parsed.isoformat() if parsed else str(document.date or "9999")


def _quote(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, line breaks as Graphviz's centred line ends."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
