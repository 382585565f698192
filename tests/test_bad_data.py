"""Data files and settings fed broken bytes and broken types: each ends in a `file:line` message, never in a
traceback; and legitimate input of every kind the catalogue rejects still passes (a BOM, CRLF line endings,
text that `--fix` normalises, HTML that is allowed, look-alike letters in a word wholly of their script)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from test_bad_input_catalogue import REGISTRY, Mistake, append, expected_prefix, make_mistake, replace

TERMBASE = "docs/_data/thuat-ngu-en.yml"


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/check.py", *args], cwd=project, capture_output=True, text=True, timeout=600)


def save_in_cp1258(project: Path, name: str) -> None:
    target = project / name
    text = target.read_text("utf-8")
    target.write_bytes(unicodedata.normalize("NFD", text).encode("cp1258", errors="replace"))


# Each run: mistakes in different files, none of which hides the others.
RUNS = {
    "bytes": (
        [REGISTRY, TERMBASE, "docs/_glossary/vi.md"],
        [],
        [
            (REGISTRY, "tệp không được lưu ở mã UTF-8"),
            (TERMBASE, "tệp không được lưu ở mã UTF-8"),
            ("docs/_glossary/vi.md", "tệp không được lưu ở mã UTF-8"),
        ],
    ),
    "types": (
        [],
        [
            Mistake("articles-as-text", REGISTRY, replace("articles: 48", "articles: 48 điều"), "articles: 48 điều", "trường `articles` phải là một số nguyên"),
            Mistake("clause-count-as-text", REGISTRY, replace('"22": 5', "22: năm"), "22: năm", "trường `clauses` → `22` phải là một số nguyên"),
            Mistake("rejected-as-text", TERMBASE, replace("  rejected:\n    - branch committee\n", "  rejected: branch committee\n"), "rejected: branch committee", "phải là một danh sách"),
            Mistake("termbase-unknown-key", TERMBASE, replace("  en: Party cell\n", "  en: Party cell\n  english: Party cell\n"), "english: Party cell", "trường lạ `english`"),
            Mistake("sources-as-text", "docs/bai-hoc/bai-2.en.md", replace("sources:\n", "sources: dieu-le-dang\nsources_old:\n"), "sources: dieu-le-dang", "trường `sources` phải là một danh sách"),
        ],
        [],
    ),
}


@pytest.mark.parametrize("run", list(RUNS))
def test_broken_data_files_end_in_messages_not_tracebacks(repo_copy, run):
    recode, mistakes, whole_file = RUNS[run]

    def make(project: Path):
        for mistake in mistakes:
            make_mistake(project, mistake)
        for name in recode:
            save_in_cp1258(project, name)

    project = repo_copy(make, run=False)
    result = run_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "Traceback" not in output, output[-4000:]
    for mistake in mistakes:
        prefix = expected_prefix(project, mistake)
        assert any(prefix in row and mistake.message in row and " — Cách sửa: " in row for row in output.splitlines()), f"{prefix} {mistake.message}\n{output[-3000:]}"
    for name, message in whole_file:
        assert any(row.startswith(f"{name}:") and message in row and "CSV UTF-8" not in row for row in output.splitlines()), f"{name}: {message}\n{output[-3000:]}"


SETTINGS = [
    Mistake("locality-with-html", "mkdocs.yml", replace('locality: ""', 'locality: "<script>alert(1)</script>"'), 'locality: "<script>', "`locality` có giá trị \"<script>alert(1)</script>\" không đúng dạng"),
    Mistake("cover-text-with-html", "docs/_data/giao-dien/vi.yml", replace("cover_kicker: Sổ tay học tập", 'cover_kicker: "Sổ tay <img src=x onerror=alert(1)>"'), "cover_kicker: \"Sổ tay <img", "`cover_kicker` có giá trị \"Sổ tay <img src=x onerror=alert(1)>\" không đúng dạng"),
    Mistake("topics-as-text", "mkdocs.yml", replace("topics: [tu-tuong, kiem-tra-giam-sat, dan-van]", "topics: tu-tuong"), "topics: tu-tuong", "phải là một danh sách"),
]


@pytest.mark.parametrize("mistake", SETTINGS, ids=[m.name for m in SETTINGS])
def test_a_broken_setting_stops_with_its_line_of_mkdocs_yml(repo_copy, mistake):
    project = repo_copy(lambda p: make_mistake(p, mistake), run=False)
    result = run_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-3000:]
    prefix = expected_prefix(project, mistake)
    assert any(prefix in row and mistake.message in row for row in output.splitlines()), f"{prefix} {mistake.message}\n{output[-3000:]}"


LEGITIMATE = [
    # HTML that stays: a table cell's alignment, classes and titles, details, an outside link, mail, a local image
    Mistake("allowed-html", "docs/van-ban/qd-30-2016.md", append(
        '| Cột | Số |\n| :--- | ---: |\n| a | 1 |\n\n<span class="x" title="Ghi chú">chữ</span> <abbr title="Hội đồng nhân dân">HĐND</abbr>\n\n'
        '<details><summary>Thêm</summary>Nội dung.</details>\n\n[Cổng thông tin](https://dangcongsan.vn){ target="_blank" rel="noopener" } · '
        '[Thư](mailto:lienhe@example.org)\n\n![Biểu tượng của sổ tay](../assets/favicon.svg)\n\nĐoạn có lớp riêng.\n{ .handbook-note #doan-rieng }'
    ), "", ""),
    # characters: every Vietnamese mark, a Greek word on its own, a closed comment, a footnote, a proper box
    Mistake("allowed-text", "docs/chuyen-de/index.md", append(
        "Chữ Việt đủ dấu: à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ ê ề ế ể ễ ệ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ.\n\n"
        "Ký hiệu Hy Lạp đứng riêng: α, β, γ.\n\n<!-- ghi chú của người biên tập, có đóng -->\n\nCâu có chú thích.[^nguon]\n\n"
        "[^nguon]: Nguồn của câu.\n\n!!! note \"Ghi chú\"\n    Nội dung thụt vào bốn dấu cách.\n\nTheo khoản 2 Điều 1 Điều lệ Đảng và khoản 5 Điều 22 Điều lệ Đảng."
    ), "", ""),
]


def test_legitimate_input_of_every_kind_passes(repo_copy):
    def make(project: Path):
        for mistake in LEGITIMATE:
            make_mistake(project, mistake)
        # a BOM and Windows line endings, as Notepad saves a file
        page = project / "docs/van-ban/qd-29-2016.md"
        page.write_bytes(b"\xef\xbb\xbf" + page.read_text("utf-8").replace("\n", "\r\n").encode("utf-8"))
        # decomposed text (from Word or a PDF) is fixed by the command the message names
        topic = project / "docs/chuyen-de/dan-van.md"
        topic.write_text(topic.read_text("utf-8") + "\n" + unicodedata.normalize("NFD", "Cấp uỷ viên cơ sở.") + "\n", "utf-8")

    project = repo_copy(make, run=False)
    before = run_check(project)
    assert before.returncode == 1 and "không ở dạng Unicode dựng sẵn (NFC)" in before.stdout + before.stderr
    fixed = run_check(project, "--fix")
    output = fixed.stdout + fixed.stderr
    assert fixed.returncode == 0, output[-3000:]
    again = run_check(project)
    assert again.returncode == 0, (again.stdout + again.stderr)[-3000:]
