"""The editors' preview, `bash scripts/build.sh serve` (mkdocs serve --dirty): a saved edit shows, and the
shared state of the hooks survives the partial rebuild (a lesson still knows its neighbours and glossary)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (OSError, urllib.error.URLError):
        return ""


def wait_for(url: str, ready, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and ready(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed what was expected within {timeout} s")


@pytest.fixture
def preview(repo_copy):
    """A repository copy served by `mkdocs serve --dirty` (as build.sh serve runs it), ended by its PID."""
    project = repo_copy(run=False)
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("HANDBOOK_PDF", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_saved_edit_shows_after_a_dirty_rebuild_with_the_lesson_model_intact(preview):
    project, base = preview
    page = f"{base}/bai-hoc/bai-2/"
    before = wait_for(page, lambda body: "handbook-lecturer" in body)
    lesson = project / "docs/bai-hoc/bai-2.md"
    text = lesson.read_text("utf-8")
    marker = "Câu thêm khi xem trước để thử bản dựng lại."
    objective = "Nêu được một mục tiêu mới thêm khi xem trước."
    first = text.index("\nobjectives:\n  - ") + len("\nobjectives:\n")
    text = text[:first] + f'  - "{objective}"' + text[text.index("\n", first):]
    body_start = text.index("\n---\n", 4) + 5
    lesson.write_text(text[:body_start] + f"\n{marker}\n" + text[body_start:], "utf-8")
    after = wait_for(page, lambda body: marker in body)
    assert objective in after  # the front matter was read again: the lesson header shows the new objective
    # What the hooks share survived the partial rebuild: citations, glossary, lecturer block, and Material's
    # way on to the neighbouring lessons.
    for part in ('class="md-footer__link md-footer__link--prev"', 'class="handbook-cite', "<abbr tabindex=\"0\"", "lecturer"):
        assert part in after, part
    assert after.count("<abbr tabindex=") == before.count("<abbr tabindex=")
    # A page that was not edited is still served, in both languages.
    assert "handbook-lecturer" in fetch(f"{base}/bai-hoc/bai-3/")
    assert 'lang="en"' in fetch(f"{base}/en/bai-hoc/bai-2/")


def test_a_broken_save_shows_its_problem_in_the_page_and_a_fixed_save_clears_it(preview):
    # Stopping the preview at a mistake left the browser on the old page, waiting for a reload that never
    # came; the message was only in the terminal.
    project, base = preview
    page = f"{base}/bai-hoc/bai-2/"
    wait_for(page, lambda body: "md-content" in body and "handbook-serve-errors" not in body)
    lesson = project / "docs/bai-hoc/bai-2.md"
    good = lesson.read_text("utf-8")
    lesson.write_text(good + "\nTheo Điều 49 Điều lệ Đảng, chi bộ họp hằng tuần.\n", "utf-8")
    broken = wait_for(page, lambda body: "handbook-serve-errors" in body)
    banner = broken[broken.index("handbook-serve-errors") : broken.index("</div>", broken.index("handbook-serve-errors"))]
    line = len(good.splitlines()) + 2
    assert f"docs/bai-hoc/bai-2.md:{line}: trích dẫn «Điều 49 Điều lệ Đảng»: Điều lệ Đảng chỉ có 48 điều" in banner
    assert "Cách sửa" in banner and 'role="alert"' in broken
    lesson.write_text(good + "\nChi bộ họp mỗi tháng một lần.\n", "utf-8")
    fixed = wait_for(page, lambda body: "Chi bộ họp mỗi tháng một lần." in body)
    assert "handbook-serve-errors" not in fixed
