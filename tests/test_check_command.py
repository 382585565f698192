"""`bash scripts/check.sh` passes on the repository, and `--fix` repairs what it safely can. (Every problem at
once, in the editors' words: tests/test_bad_input_catalogue.py, which runs the check over its catalogue.)"""

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


def test_fix_rewrites_nfc_and_tone_style_and_nothing_else(repo_copy):
    original = "Văn hóa, " + unicodedata.normalize("NFD", "cấp ủy") + " và thủy lợi; của, quý, hoàn.\n"

    def add_page(project: Path):
        page = project / "docs/huong-dan/chuong-trinh.md"
        page.write_text(page.read_text("utf-8") + "\n" + original, "utf-8")

    project = repo_copy(add_page, run=False)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    first = run_check(project, "--fix")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "docs/huong-dan/chuong-trinh.md: đã sửa" in first.stdout
    changed = [p for p in before if p.read_bytes() != before[p]]
    assert changed == [project / "docs/huong-dan/chuong-trinh.md"]
    text = changed[0].read_text("utf-8")
    assert text.endswith("Văn hoá, cấp uỷ và thuỷ lợi; của, quý, hoàn.\n")
    assert text.replace("Văn hoá, cấp uỷ và thuỷ lợi", "X") == before[changed[0]].decode().replace(original.split(";")[0], "X")
    # Applying the fixes again changes nothing: test_fix_text_is_idempotent_on_all_content, without a build.
    assert fix_text(text) == text


def test_fix_text_is_idempotent_on_all_content():
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text("utf-8")
        assert fix_text(text) == text, path
