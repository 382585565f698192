"""What a page's HTML may contain, after Markdown: an allowlist of elements, attributes and addresses.

Editors may write HTML in Markdown, and Markdown extensions (attr_list's `{: … }`, md_in_html) turn other
text into attributes. A line-by-line look at the Markdown source cannot see what comes out of that, so each
page's rendered content is read here, element by element, and everything that is not on the allowlist is a
finding: an element (`<meta>`, `<style>`, `<form>`, `<object>` …), an attribute (`onload`, `style` other
than a table cell's alignment …), an address with a scheme other than http, https, mailto or tel
(`javascript:` however it is written, `data:`, `vbscript:`), and anything that would make the reader's
browser load something from another host (an image, a `srcset`, a `poster`). The site makes no request to
any other host; a link that the reader follows to another site is fine.

Each finding keeps a text to look for in the Markdown source (the tag, the attribute name, the address as
written), so that the hook can name the line (`locate`).

The page is parsed once, by lexbor (selectolax), an HTML5 parser that reads `<svg/onload=…>`, attributes on a
second line, entity-encoded addresses and misnested markup as a browser does. The allowlist itself is written
here rather than taken from nh3 (ammonia): a sanitiser returns the cleaned HTML, not what it removed and where,
and a finding must name the editor's line and say what to write instead; the page is not cleaned but refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from .fences import blank_inline_code, outside_fences

_TEXT = {
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr", "nav", "article", "aside", "header", "footer",
}  # fmt: skip
# Inline SVG: the theme's icons and the handbook's diagrams; drawing elements only (no <a>, <use>, <image>,
# <foreignObject>, <script>, no animation).
_SVG = {
    "svg", "g", "path", "polygon", "polyline", "line", "rect", "circle", "ellipse", "text", "tspan", "title",
    "desc", "defs", "marker", "lineargradient", "stop",
}  # fmt: skip
ELEMENTS = _TEXT | _SVG

_GLOBAL = {"id", "class", "title", "lang", "role", "tabindex", "hidden", "dir"}
_PER_ELEMENT = {
    "a": {"href", "rel", "target", "download", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "style", "align", "scope"},
    "col": {"span", "style"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "details": {"open"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
_SVG_ATTRIBUTES = {
    "viewbox", "xmlns", "width", "height", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
    "stroke-linejoin", "fill-opacity", "stroke-opacity", "opacity", "d", "points", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "dx", "dy", "transform", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "markerwidth", "markerheight", "refx", "refy", "orient", "markerunits",
    "marker-end", "marker-start", "preserveaspectratio", "focusable", "offset", "stop-color", "gradientunits",
    "aria-hidden", "aria-label", "aria-labelledby", "aria-describedby", "xml:space", "version",
}  # fmt: skip
_URL_ATTRIBUTES = {"href", "src", "cite", "srcset", "poster", "action", "formaction", "background", "data", "xlink:href", "ping"}
_LOADS = {"src", "srcset", "poster", "background", "data"}  # attributes whose address the browser fetches by itself
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_ALIGN = re.compile(r"^\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*$", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
_INVISIBLE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")  # a browser drops tabs and newlines inside a scheme


@dataclass(frozen=True)
class Finding:
    """One thing a page may not contain: what it is, how to fix it, and texts to look for in the source."""

    message: str
    fix: str
    needles: tuple[str, ...]


_DOCUMENT = {"html", "head", "body"}  # made by the parser around a fragment; their attributes still count


def check(html: str) -> list[Finding]:
    """Everything in `html` (a page's rendered content) that the allowlist does not allow."""
    findings = []
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        if not tag or tag[0] in "_-!":  # comments, text, the doctype
            continue
        attrs = {name.lower(): value for name, value in node.attributes.items()}
        findings += _check_element(tag, attrs, html)
    return findings


def _check_element(tag: str, attrs: dict[str, str | None], html: str) -> list[Finding]:
    if tag in _DOCUMENT:
        pass  # the parser's own element: only an attribute written on it (`<body onload=…>`) is a finding
    elif tag not in ELEMENTS:
        return [Finding(f"thẻ <{tag}> không được phép trong nội dung", _fix_for_tag(tag), (f"<{tag}",))]
    findings = []
    for name, value in attrs.items():
        if name == "style":
            if tag not in ("td", "th", "col") or not _ALIGN.match(value or ""):
                findings.append(Finding(f"thuộc tính style=\"{value}\" trong thẻ <{tag}>", "bỏ thuộc tính style; trình bày do giao diện của sổ tay đảm nhận (chỉ ô bảng được căn lề)", ("style=",)))
        elif not _attribute_allowed(tag, name):
            findings.append(_attribute_finding(tag, name))
        elif name == "type" and tag == "input" and (value or "").lower() != "checkbox":
            findings.append(Finding(f"ô nhập <input type=\"{value}\">", "sổ tay không có biểu mẫu nhập liệu; xoá thẻ", ("<input",)))
        elif name in _URL_ATTRIBUTES and value is not None:
            findings += _check_address(tag, name, value, html)
    return findings


def _attribute_allowed(tag: str, name: str) -> bool:
    if name.startswith("on"):
        return False
    if tag in _SVG:
        return name in _SVG_ATTRIBUTES or name in _GLOBAL or name == "class"
    return name in _GLOBAL or name in _PER_ELEMENT.get(tag, ()) or name.startswith("aria-") or (name.startswith("data-") and name != "data")


def _attribute_finding(tag: str, name: str) -> Finding:
    if name.startswith("on"):
        return Finding(f"thuộc tính sự kiện {name}= trong thẻ <{tag}> (mã chạy trong trang)", f"xoá thuộc tính {name}=…; nội dung không được chứa mã chạy", (f"{name}=", name))
    return Finding(f"thuộc tính {name}= không được phép trong thẻ <{tag}>", f"xoá thuộc tính {name}=…", (f"{name}=", name))


def _check_address(tag: str, name: str, value: str, html: str) -> list[Finding]:
    addresses = [part.strip().split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
    findings = []
    for address in addresses:
        compact = _INVISIBLE_IN_URL.sub("", address)
        scheme = _SCHEME.match(compact)
        if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
            written = _written_value(html, tag, name, address)
            findings.append(
                Finding(f"địa chỉ {scheme.group(1).lower()}: trong {name}= của thẻ <{tag}>", "chỉ dùng địa chỉ http(s)://, mailto:, tel: hoặc đường dẫn tới một trang, một tệp của sổ tay", (written, f"{name}="))
            )
        elif name in _LOADS and (scheme or compact.startswith("//")):
            host = urlsplit(compact if scheme else "https:" + compact).hostname or compact
            written = _written_value(html, tag, name, address)
            findings.append(
                Finding(
                    f"{'hình' if tag == 'img' else f'thẻ <{tag}>'} tải từ máy chủ khác ({host}): trang của sổ tay không gửi yêu cầu nào ra ngoài",
                    "tải tệp về, đặt vào docs/assets/ và dẫn bằng đường dẫn tương đối, ví dụ ![Mô tả](../assets/hinh.png)",
                    (written, host),
                )
            )
    return findings


def _written_value(html: str, tag: str, name: str, address: str) -> str:
    """The address as written in the HTML (entities not decoded), to find it in the Markdown source: the
    value of a `name=` in a `<tag …>` whose decoded value holds the address (only looked for on a finding)."""
    from html import unescape

    for match in re.finditer(rf"<{re.escape(tag)}\b[^>]*?(?<![\w-]){re.escape(name)}\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", html, re.I):
        written = match.group(1).strip("\"'")
        if address in _INVISIBLE_IN_URL.sub("", unescape(written)) or address in unescape(written):
            return written
    return address


def _fix_for_tag(tag: str) -> str:
    fixes = {
        "script": "xoá thẻ; nội dung không được chứa mã chạy",
        "iframe": "xoá thẻ; dùng liên kết thường nếu cần dẫn tới trang khác",
        "style": "xoá thẻ; trình bày do giao diện của sổ tay đảm nhận (docs/assets/stylesheets/handbook.css)",
        "link": "xoá thẻ; trang không tải gì từ nơi khác",
        "meta": "xoá thẻ; thông tin của trang viết trong phần thông tin đầu trang (front matter)",
        "base": "xoá thẻ; liên kết viết bằng đường dẫn tới tệp .md",
        "form": "xoá biểu mẫu; sổ tay không thu thập dữ liệu",
        "video": "đặt liên kết tới tệp thay vì nhúng",
        "audio": "đặt liên kết tới tệp thay vì nhúng",
    }
    return fixes.get(tag, "xoá thẻ, hoặc viết nội dung bằng Markdown")


# ---------------------------------------------------------------- back to the source


def locate(source: str, finding: Finding, first_line: int = 1) -> int:
    """The line of `source` (a Markdown file) where the finding was written: the first line outside code
    that holds one of its texts (ignoring case); the front matter counts, since templates render it."""
    # Inline code shows markup as text (the editors' guide quotes `<script>`): it is not where markup was written.
    lines = [(n, blank_inline_code(row)) for n, row in outside_fences(source, 1)]
    for needle in finding.needles:
        lowered = needle.lower()
        for number, line in lines:
            if lowered and lowered in line.lower():
                return number
    return first_line


# ---------------------------------------------------------------- plain-text fields that templates print


_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&#?\w+;")


def markup_in_text(value: str) -> str | None:
    """The first piece of markup in a field meant as plain text (a title, a registry note), if any."""
    match = _MARKUP.search(value)
    if not match:
        return None
    end = value.find(">", match.start())
    return value[match.start() : end + 1 if end != -1 else match.end() + 10]
