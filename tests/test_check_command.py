"""`bash scripts/check.sh`: every problem of the content at once, in the editors' words; `--fix`."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from sotay_boiduong.fixes import fix_text

ROOT = Path(__file__).resolve().parent.parent


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "scripts/check.py"), *args], cwd=project, capture_output=True, text=True, timeout=300)


def test_check_passes_on_the_repository():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Không có lỗi")


def test_check_prints_every_problem_at_once_and_fails(repo_copy):
    def break_things(project: Path):
        lesson = project / "docs/bai-hoc/bai-2.md"
        lesson.write_text(lesson.read_text("utf-8").replace("lesson: 2\n", "lesson: hai\n"), "utf-8")
        topic = project / "docs/chuyen-de/dan-van.md"
        topic.write_text(topic.read_text("utf-8").replace("\n## 1.", "\nVăn hóa <script>alert(1)</script> ở [đây](khong-co.md).\n\n## 1.", 1), "utf-8")
        guide = project / "docs/huong-dan/chuong-trinh.md"
        guide.write_text(guide.read_text("utf-8") + "\n" + unicodedata.normalize("NFD", "Cấp uỷ") + "\n\n#### Mục lạc cấp\n", "utf-8")

    project = repo_copy(break_things, run=False)
    result = run_check(project)
    output = result.stdout
    assert result.returncode == 1, output + result.stderr
    lines = output.splitlines()
    expected = [
        "docs/bai-hoc/bai-2.md:3: trường `lesson` phải là một số nguyên",
        "docs/chuyen-de/dan-van.md:",  # the line checked below
        "docs/huong-dan/chuong-trinh.md:",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, output)
    topic_line = (project / "docs/chuyen-de/dan-van.md").read_text("utf-8").splitlines().index(
        next(row for row in (project / "docs/chuyen-de/dan-van.md").read_text("utf-8").splitlines() if "<script>" in row)
    ) + 1
    assert f"docs/chuyen-de/dan-van.md:{topic_line}: dấu thanh đặt khác kiểu của sổ tay: «hóa» → «hoá»" in output
    assert f"docs/chuyen-de/dan-van.md:{topic_line}: nội dung có thẻ <script>" in output
    assert f"docs/chuyen-de/dan-van.md:{topic_line}: liên kết 'khong-co.md' trỏ tới trang không có" in output
    assert "không ở dạng Unicode dựng sẵn (NFC)" in output
    assert "đề mục cấp 4 «Mục lạc cấp» đứng ngay sau đề mục cấp 2" in output
    assert all(" — Cách sửa: " in line for line in lines if line.startswith("docs/"))


def test_fix_rewrites_nfc_and_tone_style_and_nothing_else(repo_copy):
    original = "Văn hóa, " + unicodedata.normalize("NFD", "cấp ủy") + " và thủy lợi; của, quý, hoàn.\n"

    def add_page(project: Path):
        page = project / "docs/huong-dan/chuong-trinh.md"
        page.write_text(page.read_text("utf-8") + "\n" + original, "utf-8")

    project = repo_copy(add_page, run=False)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    assert run_check(project).returncode == 1
    first = run_check(project, "--fix")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "docs/huong-dan/chuong-trinh.md: đã sửa" in first.stdout
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert changed == [project / "docs/huong-dan/chuong-trinh.md"]
    text = changed[0].read_text("utf-8")
    assert text.endswith("Văn hoá, cấp uỷ và thuỷ lợi; của, quý, hoàn.\n")
    assert text.replace("Văn hoá, cấp uỷ và thuỷ lợi", "X") == before[changed[0]].decode().replace(original.split(";")[0], "X")
    second = run_check(project, "--fix")
    assert "đã sửa" not in second.stdout and changed[0].read_text("utf-8") == text


def test_fix_text_is_idempotent_on_all_content():
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text("utf-8")
        assert fix_text(text) == text, path
