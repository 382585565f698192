"""The catalogue of editors' mistakes: each one fails with the exact file, line and message.

Every mistake of the catalogue is made at once in one copy of the repository, and the content check
(`scripts/check.py`, the same checks as the strict build, collecting every problem instead of stopping at
the first) runs once over it: each case then looks for its own message at its own line. A mistake that
makes its whole file unreadable (not UTF-8, broken front matter) is alone in its file, so that it hides
no other. A few mistakes, one for each stage where a build can stop (the sources, the citations, MkDocs'
own link and menu validation), also go through the README's build command end to end, which must fail
and keep the last good site exactly where and as it was.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Mistake:
    name: str
    file: str
    edit: Callable[[str], str] | None  # None: the file is saved in a legacy code page instead of UTF-8
    line_of: str  # a text on the line the message must name (after every edit)
    message: str


def before_first_section(addition: str) -> Callable[[str], str]:
    """Insert a paragraph before the page's first level-2 heading."""

    def edit(text: str) -> str:
        match = re.search(r"^## ", text, re.M)
        return text[: match.start()] + f"{addition}\n\n" + text[match.start():]

    return edit


def append(addition: str) -> Callable[[str], str]:
    return lambda text: text + f"\n{addition}\n"


def replace(old: str, new: str, pattern: bool = False) -> Callable[[str], str]:
    def edit(text: str) -> str:
        changed = re.sub(old, new, text, count=1) if pattern else text.replace(old, new, 1)
        assert changed != text, f"the catalogue's edit found nothing to change: {old!r}"
        return changed

    return edit


NFD_TEXT = unicodedata.normalize("NFD", "Cấp uỷ viên cơ sở.")
REGISTRY = "docs/_data/van-ban.yml"

CATALOGUE = [
    Mistake("yaml-colon", "docs/huong-dan/chuong-trinh.md", replace("title: Chương trình bồi dưỡng", "title: Chương trình: bồi dưỡng"), "title: Chương trình: bồi dưỡng", "front matter không phải YAML hợp lệ"),
    Mistake("yaml-unclosed", "docs/thuat-ngu.md", replace("---\n\n# ", "\n# "), "---", "không có dòng '---' đóng lại"),
    Mistake("not-nfc", "docs/huong-dan/chuong-trinh.en.md", append(NFD_TEXT), NFD_TEXT, "không ở dạng Unicode dựng sẵn (NFC)"),
    Mistake("not-utf8", "docs/van-ban/qd-30-2016.en.md", None, "Windows-1258", "tệp không được lưu ở mã UTF-8"),
    Mistake("tone-style", "docs/van-ban/qd-30-2016.md", append("Công tác văn hóa ở cơ sở."), "Công tác văn hóa", "dấu thanh đặt khác kiểu của sổ tay: «hóa» → «hoá»"),
    Mistake("missing-field", "docs/bai-hoc/bai-3.md", replace(r"\nlecturer_notes:\n(  - .*\n)+", "\n", pattern=True), "---", "thiếu trường `lecturer_notes`"),
    Mistake("wrong-type", "docs/bai-hoc/bai-4.md", replace("sessions: 1\n", "sessions: một buổi\n"), "sessions: một buổi", "trường `sessions` phải là một số"),
    Mistake("unknown-field", "docs/bai-hoc/bai-5.md", replace("key_points:", "keypoints:"), "keypoints:", "trường lạ `keypoints` không có trong mẫu bài học — Cách sửa: có phải là `key_points`?"),
    Mistake("too-few-questions", "docs/bai-hoc/bai-6.md", replace(r"(\nreview_questions:\n  - question: .*\n    answer: \|\n(?:      .*\n)+)(?:  - question: .*\n    answer: \|\n(?:      .*\n)+)+", r"\1", pattern=True), "review_questions:", "trường `review_questions` cần ít nhất 5 mục"),
    Mistake("duplicate-number", "docs/bai-hoc/bai-3.en.md", replace("lesson: 3\n", "lesson: 2\n"), "lesson: 2", "trường `lesson`: số bài 2 trùng với docs/bai-hoc/bai-2.en.md"),
    Mistake("lesson-gap", "docs/bai-hoc/bai-6.en.md", replace("lesson: 6\n", "lesson: 8\n"), "lesson: 8", "trường `lesson`: thiếu các bài số 6 đến 7 trước bài 8"),
    Mistake("missing-page-link", "docs/index.md", append("Xem [trang tổ chức lớp](to-chuc-lop.md)."), "to-chuc-lop.md", "liên kết 'to-chuc-lop.md' trỏ tới trang không có"),
    Mistake("missing-anchor", "docs/van-ban/index.md", append("Xem [mục khen thưởng](#10-khen-thuong)."), "#10-khen-thuong", "liên kết '#10-khen-thuong' trỏ tới một mục không có trên trang này"),
    Mistake("missing-anchor-elsewhere", "docs/chuyen-de/index.md", append("Xem [Điều 50](../van-ban/dieu-le-dang.md#dieu-50)."), "#dieu-50", "trỏ tới mục #dieu-50 không có trong docs/van-ban/dieu-le-dang.md"),
    Mistake("article-49", "docs/chuyen-de/dan-van.md", before_first_section("Theo Điều 49 Điều lệ Đảng."), "Theo Điều 49 Điều lệ Đảng", "trích dẫn «Điều 49 Điều lệ Đảng»: Điều lệ Đảng chỉ có 48 điều"),
    Mistake("unknown-document", "docs/chuyen-de/tu-tuong.md", before_first_section("Theo Quy định 20-QĐ/TW năm 2026."), "Quy định 20-QĐ/TW", "văn bản 20-QĐ/TW chưa có trong danh mục văn bản"),
    Mistake("unknown-source-id", "docs/bai-hoc/bai-3.en.md", replace("  - document: qd-294-2025", "  - document: qd-294"), "sources:", "trường `sources`: mã văn bản `qd-294` không có trong danh mục văn bản"),
    Mistake("this-page", "docs/chuyen-de/tu-tuong.md", before_first_section("Trang này nêu cách nắm tình hình tư tưởng."), "Trang này nêu cách", "«Trang này» chỉ đúng trên trang web — Cách sửa: viết «Phần này», «Bài này» hay «Chuyên đề này»"),
    Mistake("this-page-en", "docs/chuyen-de/dan-van.en.md", before_first_section("This page sets out the cell's mass mobilisation work."), "This page sets out", "«This page» chỉ đúng trên trang web"),
    Mistake("prose-abbreviation", "docs/chuyen-de/kiem-tra-giam-sat.md", before_first_section("Cuối năm, UBKT tổng hợp kết quả."), "Cuối năm, UBKT", "chữ viết tắt «UBKT» trong câu văn — Cách sửa: viết đầy đủ «Uỷ ban Kiểm tra»"),
    Mistake("script", "docs/van-ban/qd-29-2016.md", append('<script src="x.js"></script>'), "<script", "thẻ <script> không được phép trong nội dung"),
    Mistake("iframe", "docs/van-ban/qd-294-2025.md", append('<iframe src="bai-giang.html"></iframe>'), "<iframe", "thẻ <iframe> không được phép trong nội dung"),
    Mistake("event-attribute", "docs/van-ban/qd-296-2025.md", append('<span onclick="x()">Bấm</span>'), "onclick", "thuộc tính sự kiện onclick= trong thẻ <span>"),
    Mistake("javascript-url", "docs/van-ban/dieu-le-dang.md", append("[Bấm vào đây](javascript:alert(1))"), "javascript:", "địa chỉ javascript: trong href= của thẻ <a>"),
    Mistake("image-without-alt", "docs/van-ban/qd-29-2016.en.md", append("![](../assets/favicon.svg)"), "favicon.svg", "không có lời mô tả (alt)"),
    Mistake("skipped-heading", "docs/huong-dan/bien-tap.md", append("#### Chi tiết"), "#### Chi tiết", "đề mục cấp 4 «Chi tiết» đứng ngay sau đề mục cấp 2"),
    Mistake("duplicate-title", "docs/bai-hoc/index.en.md", replace('title: "Lessons"', "title: Required readings"), "title: Required readings", "tiêu đề «Required readings» trùng với trang"),
    Mistake("key-term-not-in-glossary", "docs/bai-hoc/bai-5.en.md", replace("key_terms:\n", 'key_terms:\n  - "cell youth union"\n'), "key_terms:", 'thuật ngữ "cell youth union" chưa có trong bảng thuật ngữ'),
    Mistake("registry-successor", REGISTRY, replace("replaced_by: qd-24-2021", "replaced_by: qd-24-2012"), "replaced_by: qd-24-2012", "văn bản `qd-29-2016` dẫn tới mã `qd-24-2012` không có trong danh mục"),
    Mistake("unknown-document-page", "docs/van-ban/qd-294-2025.en.md", replace("document: qd-294-2025", "document: qd-294-2052"), "document: qd-294-2052", "trường `document`: mã văn bản `qd-294-2052` không có trong danh mục văn bản"),
    Mistake("print-edition", "docs/chuyen-de/index.en.md", replace('title: "Local topics"', 'title: "Local topics"\nprint: [giangvien]'), "print: [giangvien]", "không có ấn bản in mã «giangvien»"),
    Mistake("old-editor-note", "docs/van-ban/index.en.md", append('!!! warning "Ghi chú biên tập — cần đối chiếu"\n    Ngày ban hành.'), "!!! warning", "ghi chú biên tập viết bằng hộp `warning`"),
    Mistake("case-without-key", "docs/bai-hoc/bai-1.md", replace("    key:\n", "    keys:\n"), 'title: "Nghị quyết của chi bộ công ty chép lại', "trường `cases` → mục 1: thiếu trường `key`"),
    Mistake("lesson-without-plan", "docs/bai-hoc/bai-4.en.md", replace("session_plan:", "sessionplan:"), "---", "thiếu trường `session_plan`"),
    Mistake("unknown-setting", "docs/bai-hoc/bai-6.md", replace("    setting: ", "    setting: lang-"), "setting: lang-", "`setting` có giá trị \"lang-xa-phuong\" không nằm trong danh sách cho phép"),
    Mistake("termbase-variant", "docs/bai-hoc/bai-2.en.md", append("The official members of the cell met."), "The official members of the cell met.", "thuật ngữ tiếng Anh «official members» không theo bảng thuật ngữ (đảng viên chính thức) — Cách sửa: viết «full member»"),
    Mistake("termbase-registry", REGISTRY, replace("name_en: Charter of the", "name_en: Party Statute of the"), "name_en: Party Statute of the", "thuật ngữ tiếng Anh «Party Statute» không theo bảng thuật ngữ"),
    Mistake("termbase-model-papers", "docs/_data/mau-bieu.yml", replace('cell secretaries and Party committee members at the grassroots"', 'cell secretaries and grassroots Party committee members"'), "grassroots Party committee members", "thuật ngữ tiếng Anh «grassroots Party committee members» không theo bảng thuật ngữ (cấp uỷ viên cơ sở)"),
    Mistake("diagram-syntax", "docs/bai-hoc/bai-6.md", replace("  truoc -> buoi_hop -> mo_dau", "  truoc -> -> buoi_hop -> mo_dau"), "truoc -> -> buoi_hop", "sơ đồ không vẽ được, Graphviz báo: «syntax error in line 12 near '->'»"),
    Mistake("diagram-without-caption", "docs/bai-hoc/bai-1.en.md", replace('```dot caption="The levels', '```dot title="The levels'), '```dot title="The levels', "sơ đồ không có chú thích (caption)"),
    Mistake("diagram-without-text", "docs/bai-hoc/bai-5.en.md", replace("\n}\n---\n1. The Party cell considers", "\n}\n1. The Party cell considers"), '```dot caption="Who decides', "sơ đồ không có phần chữ thay thế (dòng `---` rồi danh sách)"),
    Mistake("diagram-tone-style", "docs/bai-hoc/bai-3.md", replace('tham_tra [label="Chi uỷ thẩm tra', 'tham_tra [label="Chi ủy thẩm tra'), 'tham_tra [label="Chi ủy', "dấu thanh đặt khác kiểu của sổ tay: «ủy» → «uỷ»"),
    Mistake("diagram-termbase", "docs/bai-hoc/bai-6.en.md", replace('"5. Discussion (members)"', '"5. Discussion (official members)"'), "5. Discussion (official members)", "thuật ngữ tiếng Anh «official members» không theo bảng thuật ngữ"),
    Mistake("registry-date", REGISTRY, replace("date: 2021-07-30", "date: 2021-07-32"), "date: 2021-07-32", "văn bản `qd-24-2021`: ngày 2021-07-32 không có thật"),
    Mistake("nav-missing-file", "mkdocs.yml", replace("- huong-dan/chuong-trinh.md", "- huong-dan/chuong-trinh-moi.md"), "chuong-trinh-moi.md", "menu (nav) nêu trang 'huong-dan/chuong-trinh-moi.md' nhưng không có tệp"),
]
# ---- issue 17: what an editor's HTML and Markdown turn into (checked after Markdown, sotay_boiduong.htmlsafety)
UNSAFE = [
    Mistake("meta-refresh", "docs/van-ban/qd-30-2016.md", append('<meta http-equiv="refresh" content="0;url=https://example.org">'), "http-equiv", "thẻ <meta> không được phép trong nội dung"),
    Mistake("svg-onload-no-space", "docs/bai-hoc/index.md", append("<div><svg/onload=alert(1)></svg></div>"), "svg/onload", "thuộc tính sự kiện onload= trong thẻ <svg>"),
    Mistake("img-onerror-no-space", "docs/chuyen-de/index.md", append('<div><img/onerror=alert(1) src="../assets/favicon.svg" alt="Biểu tượng"></div>'), "img/onerror", "thuộc tính sự kiện onerror= trong thẻ <img>"),
    Mistake("event-on-next-line", "docs/index.en.md", append('<span title="x"\nonmouseover="alert(1)">Hover</span>'), "onmouseover", "thuộc tính sự kiện onmouseover= trong thẻ <span>"),
    Mistake("attr-list-event", "docs/van-ban/qd-296-2025.en.md", append("A paragraph with an event.\n{: onclick=\"alert(1)\" }"), '{: onclick="alert(1)" }', "thuộc tính sự kiện onclick= trong thẻ <p>"),
    Mistake("entity-javascript", "docs/van-ban/qd-294-2025.md", append('<a href="&#106;avascript:alert(1)">Mở</a>'), "&#106;avascript", "địa chỉ javascript: trong href= của thẻ <a>"),
    Mistake("tab-javascript", "docs/van-ban/qd-29-2016.en.md", append('<a href="java&#x09;script:alert(1)">Open</a>'), "java&#x09;script", "địa chỉ javascript: trong href= của thẻ <a>"),
    Mistake("data-link", "docs/chuyen-de/index.en.md", append("[Tải mẫu](data:text/html;base64,PHNjcmlwdD4=)"), "data:text/html", "địa chỉ data: trong href= của thẻ <a>"),
    Mistake("vbscript-link", "docs/huong-dan/bien-tap.md", append('<a href="vbscript:msgbox(1)">Open</a>'), 'href="vbscript:', "địa chỉ vbscript: trong href= của thẻ <a>"),
    Mistake("style-element", "docs/bai-hoc/index.en.md", append("<style>body { display: none }</style>"), "<style>", "thẻ <style> không được phép trong nội dung"),
    Mistake("style-attribute-url", "docs/chuyen-de/tu-tuong.en.md", append('<span style="background: url(https://example.org/x.png)">text</span>'), "background: url", "thuộc tính style=\"background: url(https://example.org/x.png)\" trong thẻ <span>"),
    Mistake("link-stylesheet", "docs/chuyen-de/dan-van.en.md", append('<link rel="stylesheet" href="https://example.org/x.css">'), 'rel="stylesheet"', "thẻ <link> không được phép trong nội dung"),
    Mistake("base-element", "docs/van-ban/index.en.md", append('<base href="https://example.org/">'), "<base", "thẻ <base> không được phép trong nội dung"),
    Mistake("object-element", "docs/chuyen-de/kiem-tra-giam-sat.md", append('<object data="../assets/x.swf"></object>'), "<object", "thẻ <object> không được phép trong nội dung"),
    Mistake("embed-element", "docs/index.md", append('<embed src="../assets/x.swf">'), "<embed", "thẻ <embed> không được phép trong nội dung"),
    Mistake("form-element", "docs/bai-hoc/bai-2.md", append('<form action="https://example.org/gui"><input type="text" name="ten"></form>'), "<form", "thẻ <form> không được phép trong nội dung"),
    Mistake("video-element", "docs/bai-hoc/bai-4.md", append('<video src="https://example.org/v.mp4" controls></video>'), "<video", "thẻ <video> không được phép trong nội dung"),
    Mistake("audio-element", "docs/bai-hoc/bai-5.md", append('<audio src="bai-giang.mp3" controls></audio>'), "<audio", "thẻ <audio> không được phép trong nội dung"),
    Mistake("srcset-foreign", "docs/bai-hoc/bai-6.en.md", append('<img src="../assets/favicon.svg" srcset="https://example.org/x.png 2x" alt="Logo">'), "srcset", "hình tải từ máy chủ khác (example.org)"),
    Mistake("markdown-image-foreign", "docs/bai-hoc/bai-1.en.md", append("![Organisation chart](https://example.org/chart.png)"), "https://example.org/chart.png", "hình tải từ máy chủ khác (example.org)"),
    Mistake("protocol-relative-image", "docs/bai-hoc/bai-2.en.md", append('<img src="//cdn.example.org/a.png" alt="A chart">'), "//cdn.example.org", "hình tải từ máy chủ khác (cdn.example.org)"),
    Mistake("text-input", "docs/bai-hoc/bai-3.md", append('<input type="text" placeholder="Họ tên">'), "<input", "ô nhập <input type=\"text\">"),
    Mistake("html-in-title", "docs/huong-dan/bien-tap.en.md", replace("title: Editors' guide", "title: <img src=x onerror=alert(1)> Editors' guide"), "title: <img", "trường `title` có mã HTML «<img src=x onerror=alert(1)>»"),
    Mistake("html-in-description", "docs/bai-hoc/bai-4.en.md", replace('description: "The role', 'description: "<b>Bold</b> The role'), "description: ", "trường `description` có mã HTML «<b>»"),
    Mistake("html-in-registry-note", REGISTRY, replace('note: ""', 'note: "<script>alert(1)</script>"'), 'note: "<script>', "văn bản `dieu-le-dang`: chữ \"<script>alert(1)</script>\" có dấu < hoặc >: không được viết thẻ HTML trong danh mục văn bản"),
]
# ---- characters that cannot be seen or told apart
CHARACTERS = [
    Mistake("zero-width-space", "docs/chuyen-de/kiem-tra-giam-sat.md", append("Theo Điều\u200b30 Điều lệ Đảng, kiểm tra là chức năng lãnh đạo."), "Theo Điều\u200b30", "dấu cách độ rộng 0 (U+200B)"),
    Mistake("non-breaking-space", "docs/chuyen-de/dan-van.md", append("Bí thư\u00a0chi bộ nắm tình hình dân cư."), "Bí thư\u00a0chi bộ", "dấu cách không ngắt (U+00A0)"),
    Mistake("soft-hyphen", "docs/chuyen-de/tu-tuong.md", append("Mỗi đảng\u00adviên nắm tư tưởng quần chúng."), "đảng\u00adviên", "dấu gạch nối mềm (U+00AD)"),
    Mistake("bidi-override", "docs/van-ban/qd-29-2016.md", append("Ngày ban hành: \u202e6102/7/52"), "\u202e", "ký tự điều khiển hướng chữ (U+202E)"),
    Mistake("cyrillic-look-alike", "docs/van-ban/qd-30-2016.md", append("Đ\u0430ng lãnh đạo công tác kiểm tra."), "Đ\u0430ng lãnh đạo", "«а» (U+0430"),
    Mistake("greek-look-alike", "docs/van-ban/index.md", append("Danh mục t\u03bfàn văn."), "t\u03bfàn văn", "«ο» (U+03BF"),
    Mistake("eth-for-d-bar", "docs/bai-hoc/bai-6.md", append("\u00f0ảng viên sinh hoạt đúng giờ."), "\u00f0ảng viên", "«ð» (U+00F0"),
    Mistake("empty-page", "docs/chuyen-de/kiem-tra-giam-sat.en.md", lambda text: "\n\n", "", "tệp trống: trang sẽ không có nội dung"),
]
# ---- YAML and front matter
FRONT_MATTER = [
    Mistake("front-matter-duplicate-key", "docs/van-ban/qd-30-2016.md", replace("---\n", "---\nsearch: {exclude: false}\nsearch: {exclude: true}\n"), "search: {exclude: true}", "khoá `search` được viết hai lần trong phần thông tin đầu trang"),
    Mistake("blank-line-before-front-matter", "docs/van-ban/dieu-le-dang.en.md", lambda text: "\n" + text, "", "có 1 dòng trống trước dòng '---' mở phần thông tin đầu trang"),
    Mistake("four-dashes", "docs/thuat-ngu.en.md", lambda text: "-" + text, "----", "phần thông tin đầu trang mở bằng '----' (4 dấu gạch)"),
    Mistake("impossible-date-front-matter", "docs/huong-dan/chuong-trinh.en.md", replace("---\n", "---\nreviewed: 2025-02-30\n"), "reviewed: 2025-02-30", "ngày «2025-02-30» không có thật"),
    Mistake("registry-impossible-date", REGISTRY, replace("date: 2017-05-23", "date: 2017-02-30"), "date: 2017-02-30", "ngày 2017-02-30 không có thật"),
    Mistake("registry-day-month-swapped", REGISTRY, replace("date: 2021-10-25", "date: 2021-25-10"), "date: 2021-25-10", "ngày 2021-25-10 không có thật"),
    Mistake("list-written-as-text", "docs/bai-hoc/bai-2.md", replace("key_terms:\n", 'key_terms: "công tác tư tưởng, TCCSĐ"\nkey_terms_old:\n'), 'key_terms: "công tác tư tưởng', "trường `key_terms` phải là một danh sách"),
    Mistake("registry-page-typo", REGISTRY, replace("page: van-ban/qd-30-2016.md", "page: van-ban/qd-30-2061.md"), "page: van-ban/qd-30-2061.md", "văn bản `qd-30-2016`: trang van-ban/qd-30-2061.md không có trong docs/"),
    Mistake("registry-duplicate-key", REGISTRY, replace("  status: in-force\n", "  status: in-force\n  status: in-force # (lặp)\n"), "# (lặp)", "khoá `status` được viết hai lần"),
]
# ---- structure that Markdown drops or renders wrong
STRUCTURE = [
    Mistake("translation-number-differs", "docs/bai-hoc/bai-1.en.md", replace("lesson: 1\n", "lesson: 5\n"), "lesson: 5", "bản dịch ghi bài 5, nhưng bản tiếng Việt docs/bai-hoc/bai-1.md là bài 1"),
    Mistake("h1-in-lesson-body", "docs/bai-hoc/bai-5.md", before_first_section("# Kiểm tra và kỷ luật"), "# Kiểm tra và kỷ luật", "bài học, chuyên đề không có đề mục cấp 1 trong phần nội dung"),
    Mistake("second-h1", "docs/van-ban/index.md", append("# Phụ lục văn bản"), "# Phụ lục văn bản", "đề mục cấp 1 thứ hai «Phụ lục văn bản»"),
    Mistake("duplicate-heading", "docs/chuyen-de/tu-tuong.md", append("## Ghi chú\n\nMột.\n\n## Ghi chú {#ghi-chu-2}\n\nHai."), "## Ghi chú {#ghi-chu-2}", "đề mục «Ghi chú» trùng với đề mục ở dòng"),
    Mistake("file-name-with-capitals", "docs/huong-dan/To chuc lop.md", append("# Tổ chức lớp\n\nNội dung."), "", "tên «To chuc lop» có chữ hoa, dấu cách hoặc dấu tiếng Việt"),
    Mistake("file-name-with-marks", "docs/huong-dan/lịch-học.md", append("# Lịch học\n\nNội dung."), "", "tên «lịch-học» có chữ hoa, dấu cách hoặc dấu tiếng Việt"),
    Mistake("stray-word-file", "docs/huong-dan/giao-an.docx", append("giáo án bản Word"), "", "tệp .docx trong docs/ sẽ được đăng nguyên như vậy"),
    Mistake("glossary-line-without-colon", "docs/_glossary/vi.md", append("*[chi đoàn] tổ chức cơ sở của Đoàn trong một đơn vị"), "*[chi đoàn] tổ chức", "không phải một mục thuật ngữ, nên bị bỏ qua"),
    Mistake("glossary-duplicate-term", "docs/_glossary/en.md", append("*[cell secretary]: a second definition of the same term"), "a second definition", "thuật ngữ «cell secretary» đã có ở dòng"),
    Mistake("unclosed-comment", "docs/index.en.md", append("<!-- a note to myself, not closed\n\nMore text that vanishes."), "<!-- a note to myself", "ghi chú HTML `<!--` không được đóng"),
    Mistake("duplicate-nav-entry", "mkdocs.yml", replace("      - bai-hoc/bai-2.md\n", "      - bai-hoc/bai-2.md\n      - Bài 2 lần nữa: bai-hoc/bai-2.md\n"), "Bài 2 lần nữa", "trang bai-hoc/bai-2.md có hai lần trong menu (nav)"),
]
# ---- citations
CITATIONS = [
    Mistake("clause-beyond-count", "docs/huong-dan/chuong-trinh.en.md", append("As clause 9 of Article 4 of the Party Charter says."), "clause 9 of Article 4", "Điều 4 Điều lệ Đảng chỉ có 4 khoản, không có khoản 9"),
    Mistake("clause-count-unknown", "docs/chuyen-de/index.md", append("Theo khoản 2 Điều 9 Điều lệ Đảng."), "khoản 2 Điều 9", "danh mục văn bản chưa ghi Điều 9 có mấy khoản"),
    Mistake("article-beyond-48-in-a-guide", "docs/huong-dan/bien-tap.md", append("Theo Điều 50 Điều lệ Đảng."), "Theo Điều 50 Điều lệ Đảng", "Điều lệ Đảng chỉ có 48 điều, không có Điều 50"),
    Mistake("citation-across-lines", "docs/chuyen-de/dan-van.md", append("Chi bộ làm theo Điều 24\nĐiều lệ Đảng."), "Chi bộ làm theo Điều 24", "trích dẫn bị ngắt sang dòng sau"),
]
# ---- images, snippets, silent drops
IMAGES_AND_DROPS = [
    Mistake("image-file-missing", "docs/van-ban/qd-296-2025.md", append("![Sơ đồ quy trình](../assets/so-do-quy-trinh.png)"), "so-do-quy-trinh.png", "so-do-quy-trinh.png"),
    Mistake("reference-image-without-alt", "docs/bai-hoc/bai-3.en.md", append("![][chart]\n\n[chart]: ../assets/favicon.svg"), "![][chart]", "hình [chart] không có lời mô tả (alt)"),
    Mistake("snippet-missing", "docs/chuyen-de/tu-tuong.en.md", append('--8<-- "chuyen-de/_mau/khong-co.md"'), "khong-co.md", "đoạn chèn «chuyen-de/_mau/khong-co.md» trỏ tới tệp không có"),
    Mistake("snippet-outside-docs", "docs/chuyen-de/dan-van.en.md", append('--8<-- "../mkdocs.yml"'), "../mkdocs.yml", "đoạn chèn «../mkdocs.yml» nằm ngoài thư mục docs/"),
    Mistake("footnote-undefined", "docs/van-ban/qd-296-2025.en.md", append("This needs a source.[^src]"), "a source.[^src]", "chú thích [^src] không có lời chú thích"),
    Mistake("box-indented-two-spaces", "docs/huong-dan/chuong-trinh.en.md", append("!!! note\n  The text of the box, indented by two spaces."), "The text of the box", "chỉ thụt vào 2 dấu cách, nên hộp rỗng"),
]
# ---- the self-check after each lesson (issue 28): one answer per question, a rule that is a citation
SELF_CHECK = [
    Mistake("self-check-without-answer", "docs/bai-hoc/bai-2.en.md", replace('      - text: "At least one day before the meeting"\n        correct: true\n', '      - text: "At least one day before the meeting"\n'), '  - question: "Under Guidance 42-HD/BTCTW, by when', "trường `self_check` → câu 1: không có phương án nào ghi `correct: true`"),
    Mistake("self-check-two-answers", "docs/bai-hoc/bai-5.en.md", replace('      - text: "Articles 35 to 40"\n', '      - text: "Articles 35 to 40"\n        correct: true # (thêm nhầm)\n'), "# (thêm nhầm)", "trường `self_check` → câu 1: 2 phương án cùng ghi `correct: true` («Articles 34 to 40», «Articles 35 to 40»)"),
    Mistake("self-check-rule-not-a-citation", "docs/bai-hoc/bai-3.en.md", replace('    rule: "Article 5 of the Party Charter"', '    rule: "the Party Charter"'), 'rule: "the Party Charter"', "trường `self_check` → câu 3, `rule`: «the Party Charter» không phải một trích dẫn mà sổ tay nhận ra"),
]
CATALOGUE += UNSAFE + CHARACTERS + FRONT_MATTER + STRUCTURE + CITATIONS + IMAGES_AND_DROPS + SELF_CHECK
# One mistake for each stage where the build can stop, run through the README's build command as well.
END_TO_END = ["not-utf8", "article-49", "diagram-syntax", "nav-missing-file", "self-check-two-answers"]


def make_mistake(project: Path, mistake: Mistake) -> None:
    target = project / mistake.file
    if mistake.edit is None:  # saved in a legacy Vietnamese code page instead of UTF-8
        target.write_bytes(target.read_bytes() + "\nĐiều lệ Windows-1258\n".encode("cp1258", errors="replace"))
    else:  # a file that does not exist yet is made from the edit of an empty text
        target.write_text(mistake.edit(target.read_text("utf-8") if target.exists() else ""), "utf-8")


def expected_prefix(project: Path, mistake: Mistake) -> str:
    source = (project / mistake.file).read_bytes().decode("utf-8", errors="replace").splitlines()
    line = next(number for number, text in enumerate(source, 1) if mistake.line_of in text)
    return f"{mistake.file}:{line}: "


def assert_reported(output: str, prefix: str, mistake: Mistake) -> None:
    found = [row for row in output.splitlines() if prefix in row and mistake.message in row]
    assert found, f"expected «{prefix}… {mistake.message}» in:\n{output[-4000:]}"
    assert " — Cách sửa: " in found[0]


def test_every_mistake_is_in_a_file_of_its_own_or_shares_it_harmlessly():
    # A whole-file mistake (encoding, front matter) would hide any other mistake made in the same file.
    whole_file = {"not-utf8", "yaml-colon", "yaml-unclosed", "empty-page", "blank-line-before-front-matter", "four-dashes"}
    files = [m.file for m in CATALOGUE]
    for mistake in CATALOGUE:
        if mistake.name in whole_file:
            assert files.count(mistake.file) == 1, mistake.name


@pytest.fixture(scope="module")
def checked(tmp_path_factory, repo_copy_factory):
    """One repository copy with every mistake of the catalogue, and the content check's output on it."""
    project = repo_copy_factory(tmp_path_factory.mktemp("catalogue"))
    for mistake in CATALOGUE:
        make_mistake(project, mistake)
    result = subprocess.run([sys.executable, "scripts/check.py"], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    return project, result.stdout + result.stderr


@pytest.mark.parametrize("mistake", CATALOGUE, ids=[m.name for m in CATALOGUE])
def test_mistake_fails_naming_file_line_and_fix(checked, mistake):
    project, output = checked
    assert_reported(output, expected_prefix(project, mistake), mistake)


def test_the_check_lists_every_problem_once_with_its_fix_and_counts_them(checked):
    _, output = checked
    problems = [row for row in output.splitlines() if re.match(r"^(docs/|mkdocs\.yml)[^:]*:\d+: ", row)]
    assert len(problems) >= len(CATALOGUE)
    assert len(problems) == len(set(problems))  # each problem once, though both languages' builds see it
    assert all(" — Cách sửa: " in row for row in problems), [row for row in problems if " — Cách sửa: " not in row]
    files = {row.split(":", 1)[0] for row in problems}
    assert len(files) >= 20  # one run, problems of every file
    assert re.search(rf"^{len(problems)} lỗi \(\d+ tệp nội dung\)\.$", output, re.M), output[-500:]


def test_a_broken_registry_entry_is_reported_by_the_registry_check_not_by_the_chain_diagrams(checked):
    _, output = checked
    assert "văn bản `qd-24-2021`: ngày 2021-07-32 không có thật" in output
    assert "sơ đồ «" not in output  # the chains drawn from the registry (pages of van-ban/) said nothing


def run_build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HANDBOOK_VENV=str(Path(sys.executable).parent.parent), HANDBOOK_PDF="0", HANDBOOK_ZIP="0")
    return subprocess.run(["bash", "scripts/build.sh"], cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", END_TO_END)
def test_the_build_stops_naming_file_line_and_fix_and_keeps_the_last_good_site(repo_copy, name):
    mistake = next(m for m in CATALOGUE if m.name == name)

    def make(project: Path):
        make_mistake(project, mistake)
        (project / "site").mkdir()
        (project / "site/index.html").write_text("LAST GOOD SITE", "utf-8")

    project = repo_copy(make, run=False)
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert_reported(output, expected_prefix(project, mistake), mistake)
    assert (project / "site/index.html").read_text("utf-8") == "LAST GOOD SITE"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert not any((project / ".site-builds").iterdir())
    assert "site/ cũ được giữ nguyên" in output


def test_a_good_build_replaces_the_site(repo_copy):
    def make(project: Path):
        (project / "site").mkdir()
        (project / "site/index.html").write_text("OLD", "utf-8")

    project = repo_copy(make, run=False)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Trang chủ" in (project / "site/index.html").read_text("utf-8")
    assert (project / "site/en/index.html").exists() and not any((project / ".site-builds").iterdir())
