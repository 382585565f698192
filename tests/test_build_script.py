"""The README's build (scripts/build.sh → scripts/build.py) as a whole: the offline copy is a second strict
build whose warnings fail everything, and what is in site/ is only ever a complete build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
