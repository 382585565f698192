"""The README's build (scripts/build.sh → scripts/build.py) as a whole: the offline copy is a second strict
build whose warnings fail everything, and what is in site/ is only ever a complete build: two builds at
once run one after the other, a killed build leaves the last good site, and the setup deletes no folder it
did not make."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WARNS_OFFLINE_ONLY = '''
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("only_offline")


def on_post_build(config):
    if config.plugins["material/offline"].config.enabled:
        log.warning("a problem that only the offline copy's build meets")
'''


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HANDBOOK_VENV=str(Path(sys.executable).parent.parent), HANDBOOK_PDF="0")
    env.pop("HANDBOOK_ZIP", None)
    return subprocess.run(["bash", "scripts/build.sh", *args], cwd=project, env=env, capture_output=True, text=True, timeout=600)


def test_a_warning_only_the_offline_build_meets_fails_the_build(repo_copy):
    # The offline copy used to be built from inside a hook with --quiet, which hides warnings from the
    # strict count: a problem only that build met passed in silence.
    def make(project: Path):
        (project / "hooks/only_offline.py").write_text(WARNS_OFFLINE_ONLY, "utf-8")
        config = (project / "mkdocs.yml").read_text("utf-8")
        (project / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - hooks/only_offline.py\n", 1), "utf-8")
        (project / "site").mkdir()
        (project / "site/index.html").write_text("LAST GOOD SITE", "utf-8")

    project = repo_copy(make, run=False)
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "a problem that only the offline copy's build meets" in output
    assert "Bản đọc ngoại tuyến (lần dựng thứ hai, HANDBOOK_OFFLINE=true) không dựng được" in output
    assert (project / "site/index.html").read_text("utf-8") == "LAST GOOD SITE"


def _site_files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def _start_build(project: Path) -> subprocess.Popen:
    env = dict(os.environ, HANDBOOK_VENV=str(Path(sys.executable).parent.parent), HANDBOOK_PDF="0", HANDBOOK_ZIP="0")
    return subprocess.Popen(["bash", "scripts/build.sh"], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _wait_for_staging(project: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        builds = project / ".site-builds"
        if builds.is_dir() and any(p.name.startswith("build-") for p in builds.iterdir()):
            return
        assert process.poll() is None, process.communicate()[0][-2000:]
        time.sleep(0.05)
    raise AssertionError("the build never started writing")


def test_two_builds_started_together_run_one_after_the_other_and_leave_a_whole_site(repo_copy):
    project = repo_copy(run=False)
    first = _start_build(project)
    _wait_for_staging(project, first)
    second = _start_build(project)
    first_output, _ = first.communicate(timeout=600)
    second_output, _ = second.communicate(timeout=600)
    assert first.returncode == 0, first_output[-2000:]
    assert second.returncode == 0, second_output[-2000:]
    assert "Một lần dựng khác đang chạy trong thư mục này" in second_output
    files = _site_files(project / "site")
    assert {"index.html", "en/index.html", "bai-hoc/bai-6/index.html", "en/bai-hoc/bai-6/index.html", "search/search_index.json"} <= files
    assert len(files) > 80
    assert not any((project / ".site-builds").iterdir())


def test_a_build_killed_while_writing_keeps_the_last_good_site_and_the_next_build_recovers(repo_copy):
    def make(project: Path):
        (project / "site").mkdir()
        (project / "site/index.html").write_text("LAST GOOD SITE", "utf-8")

    project = repo_copy(make, run=False)
    build = _start_build(project)
    _wait_for_staging(project, build)
    time.sleep(2)  # well into MkDocs writing pages
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=60)
    assert (project / "site/index.html").read_text("utf-8") == "LAST GOOD SITE"
    assert _site_files(project / "site") == {"index.html"}
    result = run_build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    assert "Trang chủ" in (project / "site/index.html").read_text("utf-8")
    assert not any((project / ".site-builds").iterdir())  # what the killed build left is gone


def test_setup_never_deletes_a_virtual_environment_folder_it_cannot_run(tmp_path):
    # A folder at the venv's place that is not a working venv (someone else's, or not executable by this
    # user) used to be removed with rm -rf by the setup.
    project = tmp_path / "repo"
    (project / "scripts").mkdir(parents=True)
    for name in ("lib.sh", "build.sh"):
        (project / "scripts" / name).write_text((Path(__file__).resolve().parent.parent / "scripts" / name).read_text("utf-8"), "utf-8")
    venv = project / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin/python").write_text("not a program", "utf-8")  # present, not executable
    (venv / "keep.txt").write_text("precious", "utf-8")
    env = {key: value for key, value in os.environ.items() if key != "HANDBOOK_VENV"}
    env["PATH"] = "/usr/bin:/bin"
    script = 'source scripts/lib.sh; ensure_venv'
    result = subprocess.run(["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "đã có nhưng không chạy được" in result.stderr and "Cách sửa" in result.stderr
    assert (venv / "keep.txt").read_text("utf-8") == "precious"


def test_a_file_written_whole_replaces_the_old_one_and_a_failed_write_leaves_it_and_no_partial_file(tmp_path):
    from sotay_boiduong import atomic

    target = tmp_path / "pdf" / "so-tay.pdf"
    with atomic.replacing(target, mode=0o644) as partial:
        Path(partial).write_text("NEW", "utf-8")
    assert target.read_text("utf-8") == "NEW" and (target.stat().st_mode & 0o777) == 0o644
    with pytest.raises(RuntimeError), atomic.replacing(target) as partial:
        Path(partial).write_text("HALF", "utf-8")
        raise RuntimeError("WeasyPrint failed")
    assert target.read_text("utf-8") == "NEW" and sorted(p.name for p in target.parent.iterdir()) == ["so-tay.pdf"]
