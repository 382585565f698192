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
    Mistake("too-few-questions", "docs/bai-hoc/bai-6.md", replace(r"\nreview_questions:\n(  - question: .*\n    answer: \|\n(      .*\n)+){3}", "\nreview_questions:\n", pattern=True), "review_questions:", "trường `review_questions` cần ít nhất 5 mục"),
    Mistake("duplicate-number", "docs/bai-hoc/bai-3.en.md", replace("lesson: 3\n", "lesson: 2\n"), "lesson: 2", "trường `lesson`: số bài 2 trùng với docs/bai-hoc/bai-2.en.md"),
    Mistake("lesson-gap", "docs/bai-hoc/bai-6.en.md", replace("lesson: 6\n", "lesson: 8\n"), "lesson: 8", "trường `lesson`: thiếu các bài số 6 đến 7 trước bài 8"),
    Mistake("missing-page-link", "docs/index.md", append("Xem [trang tổ chức lớp](to-chuc-lop.md)."), "to-chuc-lop.md", "liên kết 'to-chuc-lop.md' trỏ tới trang không có"),
    Mistake("missing-anchor", "docs/van-ban/index.md", append("Xem [mục khen thưởng](#10-khen-thuong)."), "#10-khen-thuong", "liên kết '#10-khen-thuong' trỏ tới một mục không có trên trang này"),
    Mistake("missing-anchor-elsewhere", "docs/chuyen-de/index.md", append("Xem [Điều 50](../van-ban/dieu-le-dang.md#dieu-50)."), "#dieu-50", "trỏ tới mục #dieu-50 không có trong docs/van-ban/dieu-le-dang.md"),
    Mistake("article-49", "docs/chuyen-de/dan-van.md", before_first_section("Theo Điều 49 Điều lệ Đảng."), "Theo Điều 49 Điều lệ Đảng", "trích dẫn «Điều 49 Điều lệ Đảng»: Điều lệ Đảng chỉ có 48 điều"),
    Mistake("unknown-document", "docs/chuyen-de/tu-tuong.md", before_first_section("Theo Quy định 20-QĐ/TW năm 2026."), "Quy định 20-QĐ/TW", "văn bản 20-QĐ/TW chưa có trong danh mục văn bản"),
    Mistake("unknown-source-id", "docs/bai-hoc/bai-3.en.md", replace("  - document: qd-294-2025", "  - document: qd-294"), "sources:", "trường `sources`: mã văn bản `qd-294` không có trong danh mục văn bản"),
    Mistake("script", "docs/van-ban/qd-29-2016.md", append('<script src="x.js"></script>'), "<script", "nội dung có thẻ <script>"),
    Mistake("iframe", "docs/van-ban/qd-294-2025.md", append('<iframe src="bai-giang.html"></iframe>'), "<iframe", "nội dung có thẻ <iframe>"),
    Mistake("event-attribute", "docs/van-ban/qd-296-2025.md", append('<span onclick="x()">Bấm</span>'), "onclick", "thuộc tính sự kiện on…="),
    Mistake("javascript-url", "docs/van-ban/dieu-le-dang.md", append("[Bấm vào đây](javascript:alert(1))"), "javascript:", "địa chỉ javascript:"),
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
    Mistake("nav-missing-file", "mkdocs.yml", replace("- huong-dan/chuong-trinh.md", "- huong-dan/chuong-trinh-moi.md"), "chuong-trinh-moi.md", "menu (nav) nêu trang 'huong-dan/chuong-trinh-moi.md' nhưng không có tệp"),
]
# One mistake for each stage where the build can stop, run through the README's build command as well.
END_TO_END = ["not-utf8", "article-49", "nav-missing-file"]


def make_mistake(project: Path, mistake: Mistake) -> None:
    target = project / mistake.file
    if mistake.edit is None:  # saved in a legacy Vietnamese code page instead of UTF-8
        target.write_bytes(target.read_bytes() + "\nĐiều lệ Windows-1258\n".encode("cp1258", errors="replace"))
    else:
        target.write_text(mistake.edit(target.read_text("utf-8")), "utf-8")


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
    whole_file = {"not-utf8", "yaml-colon", "yaml-unclosed"}
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
    problems = [row for row in output.splitlines() if re.match(r"^(docs/|mkdocs\.yml)\S*:\d+: ", row)]
    assert len(problems) >= len(CATALOGUE)
    assert len(problems) == len(set(problems))  # each problem once, though both languages' builds see it
    assert all(" — Cách sửa: " in row for row in problems), [row for row in problems if " — Cách sửa: " not in row]
    files = {row.split(":", 1)[0] for row in problems}
    assert len(files) >= 20  # one run, problems of every file
    assert re.search(rf"^{len(problems)} lỗi \(\d+ tệp nội dung\)\.$", output, re.M), output[-500:]


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
