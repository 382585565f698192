"""The catalogue of editors' mistakes: each one, built with the README's build command, fails with the
exact file, line and message, and leaves the last good site/ exactly where and as it was."""

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
    edit: Callable[[str], str]
    line_of: str  # a text on the line the message must name (after the edit)
    message: str


def insert_before_first_section(text: str, addition: str) -> str:
    return text.replace("\n## 1.", f"\n{addition}\n\n## 1.", 1)


LESSON, GUIDE, TOPIC, REGISTRY = "docs/bai-hoc/bai-3.md", "docs/huong-dan/chuong-trinh.md", "docs/chuyen-de/tu-tuong.md", "docs/_data/van-ban.yml"
NFD_TEXT = unicodedata.normalize("NFD", "Cấp uỷ viên cơ sở.")

CATALOGUE = [
    Mistake("yaml-colon", GUIDE, lambda t: t.replace("title: Chương trình bồi dưỡng", "title: Chương trình: bồi dưỡng", 1), "title: Chương trình: bồi dưỡng", "front matter không phải YAML hợp lệ"),
    Mistake("yaml-unclosed", "docs/thuat-ngu.md", lambda t: t.replace("---\n\n# Thuật ngữ", "\n# Thuật ngữ", 1), "---", "không có dòng '---' đóng lại"),
    Mistake("not-nfc", GUIDE, lambda t: t + f"\n{NFD_TEXT}\n", NFD_TEXT, "không ở dạng Unicode dựng sẵn (NFC)"),
    Mistake("not-utf8", GUIDE, None, "Windows-1258", "tệp không được lưu ở mã UTF-8"),
    Mistake("tone-style", GUIDE, lambda t: t + "\nCông tác văn hóa ở cơ sở.\n", "Công tác văn hóa", "dấu thanh đặt khác kiểu của sổ tay: «hóa» → «hoá»"),
    Mistake("missing-field", LESSON, lambda t: re.sub(r"\nlecturer_notes:\n(  - .*\n)+", "\n", t), "---", "thiếu trường `lecturer_notes`"),
    Mistake("wrong-type", LESSON, lambda t: t.replace("sessions: 1\n", "sessions: một buổi\n", 1), "sessions: một buổi", "trường `sessions` phải là một số"),
    Mistake("unknown-field", LESSON, lambda t: t.replace("key_points:", "keypoints:", 1), "keypoints:", "trường lạ `keypoints` không có trong mẫu bài học — Cách sửa: có phải là `key_points`?"),
    Mistake("too-few-questions", LESSON, lambda t: re.sub(r"\nreview_questions:\n(  - question: .*\n    answer: \|\n      .*\n){3}", "\nreview_questions:\n", t), "review_questions:", "trường `review_questions` cần ít nhất 5 mục"),
    Mistake("duplicate-number", LESSON, lambda t: t.replace("lesson: 3\n", "lesson: 2\n", 1), "lesson: 2", "trường `lesson`: số bài 2 trùng với docs/bai-hoc/bai-2.md"),
    Mistake("missing-page-link", GUIDE, lambda t: t + "\nXem [trang tổ chức lớp](to-chuc-lop.md).\n", "to-chuc-lop.md", "liên kết 'to-chuc-lop.md' trỏ tới trang không có"),
    Mistake("missing-anchor", GUIDE, lambda t: t + "\nXem [mục khen thưởng](#10-khen-thuong).\n", "#10-khen-thuong", "liên kết '#10-khen-thuong' trỏ tới một mục không có trên trang này"),
    Mistake("missing-anchor-elsewhere", GUIDE, lambda t: t + "\nXem [Điều 50](../van-ban/dieu-le-dang.md#dieu-50).\n", "#dieu-50", "trỏ tới mục #dieu-50 không có trong docs/van-ban/dieu-le-dang.md"),
    Mistake("article-49", LESSON, lambda t: insert_before_first_section(t, "Theo Điều 49 Điều lệ Đảng."), "Theo Điều 49 Điều lệ Đảng", "trích dẫn «Điều 49 Điều lệ Đảng»: Điều lệ Đảng chỉ có 48 điều"),
    Mistake("unknown-document", TOPIC, lambda t: insert_before_first_section(t, "Theo Quy định 20-QĐ/TW năm 2026."), "Quy định 20-QĐ/TW", "văn bản 20-QĐ/TW chưa có trong danh mục văn bản"),
    Mistake("unknown-source-id", LESSON, lambda t: t.replace("  - document: qd-294-2025", "  - document: qd-294", 1), "sources:", "trường `sources`: mã văn bản `qd-294` không có trong danh mục văn bản"),
    Mistake("script", GUIDE, lambda t: t + '\n<script src="x.js"></script>\n', "<script", "nội dung có thẻ <script>"),
    Mistake("iframe", GUIDE, lambda t: t + '\n<iframe src="bai-giang.html"></iframe>\n', "<iframe", "nội dung có thẻ <iframe>"),
    Mistake("event-attribute", GUIDE, lambda t: t + '\n<span onclick="x()">Bấm</span>\n', "onclick", "thuộc tính sự kiện on…="),
    Mistake("javascript-url", GUIDE, lambda t: t + "\n[Bấm vào đây](javascript:alert(1))\n", "javascript:", "địa chỉ javascript:"),
    Mistake("image-without-alt", GUIDE, lambda t: t + "\n![](../assets/favicon.svg)\n", "favicon.svg", "không có lời mô tả (alt)"),
    Mistake("skipped-heading", GUIDE, lambda t: t + "\n#### Chi tiết\n", "#### Chi tiết", "đề mục cấp 4 «Chi tiết» đứng ngay sau đề mục cấp 2"),
    Mistake("duplicate-title", "docs/chuyen-de/index.md", lambda t: t.replace("title: Chuyên đề địa phương", "title: Văn bản cần đọc", 1), "title: Văn bản cần đọc", "tiêu đề «Văn bản cần đọc» trùng với trang"),
    Mistake("key-term-not-in-glossary", LESSON, lambda t: t.replace("key_terms:\n", "key_terms:\n  - \"chi đoàn\"\n", 1), "key_terms:", "thuật ngữ \"chi đoàn\" chưa có trong bảng thuật ngữ"),
    Mistake("registry-successor", REGISTRY, lambda t: t.replace("replaced_by: qd-24-2021", "replaced_by: qd-24-2012", 1), "replaced_by: qd-24-2012", "văn bản `qd-29-2016` dẫn tới mã `qd-24-2012` không có trong danh mục"),
    Mistake("unknown-document-page", "docs/van-ban/qd-294-2025.md", lambda t: t.replace("document: qd-294-2025", "document: qd-294-2052", 1), "document: qd-294-2052", "trường `document`: mã văn bản `qd-294-2052` không có trong danh mục văn bản"),
    Mistake("nav-missing-file", "mkdocs.yml", lambda t: t.replace("- huong-dan/bien-tap.md", "- huong-dan/bien-tap-moi.md", 1), "bien-tap-moi.md", "menu (nav) nêu trang 'huong-dan/bien-tap-moi.md' nhưng không có tệp"),
]


@pytest.mark.parametrize("mistake", CATALOGUE, ids=[m.name for m in CATALOGUE])
def test_mistake_fails_the_build_naming_file_line_and_fix_and_keeps_the_last_good_site(repo_copy, mistake):
    def make(project: Path):
        target = project / mistake.file
        if mistake.edit is None:  # saved in a legacy Vietnamese code page instead of UTF-8
            target.write_bytes(target.read_bytes() + "\nĐiều lệ Windows-1258\n".encode("cp1258", errors="replace"))
        else:
            target.write_text(mistake.edit(target.read_text("utf-8")), "utf-8")
        site = project / "site"
        site.mkdir()
        (site / "index.html").write_text("LAST GOOD SITE", "utf-8")

    project = repo_copy(make, run=False)
    env = dict(os.environ, HANDBOOK_VENV=str(Path(sys.executable).parent.parent), HANDBOOK_PDF="0")
    result = subprocess.run(["bash", "scripts/build.sh"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]

    source = (project / mistake.file).read_bytes().decode("utf-8", errors="replace").splitlines()
    line = next(number for number, text in enumerate(source, 1) if mistake.line_of in text)
    expected = f"{mistake.file}:{line}: "
    found = [row for row in output.splitlines() if expected in row and mistake.message in row]
    assert found, f"expected «{expected}… {mistake.message}» in:\n{output[-3000:]}"
    assert " — Cách sửa: " in found[0]

    assert (project / "site/index.html").read_text("utf-8") == "LAST GOOD SITE"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert not (project / ".site-staging").exists()
    assert "site/ cũ được giữ nguyên" in output


def test_a_good_build_replaces_the_site(repo_copy):
    def make(project: Path):
        (project / "site").mkdir()
        (project / "site/index.html").write_text("OLD", "utf-8")

    project = repo_copy(make, run=False)
    env = dict(os.environ, HANDBOOK_VENV=str(Path(sys.executable).parent.parent), HANDBOOK_PDF="0")
    result = subprocess.run(["bash", "scripts/build.sh"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Trang chủ" in (project / "site/index.html").read_text("utf-8")
    assert (project / "site/en/index.html").exists() and not (project / ".site-staging").exists()
