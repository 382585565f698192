"""Shared fixtures: the real site built once per test session by the README's build (scripts/build.py: site,
PDF editions, offline copies), and small fixture sites built in tmp_path.

Builds run in a subprocess, as an editor or CI would, so that plugin state (static-i18n and mkdocs-with-pdf
keep some between builds) never leaks from one build into another. Under pytest-xdist the real site is
built once for all workers: the first worker to need it builds it, the others wait for it (a file lock).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def run_mkdocs(project: Path, site: Path, *, pdf: bool, zips: bool = False, site_url: str | None = None, app: bool = False, editions: str | None = None) -> Build:
    """One strict MkDocs build of `project`; with `zips`, the whole build of scripts/build.py (site, PDFs,
    offline copies, service workers) instead. `app`: a bare MkDocs build that makes the service workers too."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="1" if pdf else "0")
    env.pop("HANDBOOK_OFFLINE", None)
    env.pop("HANDBOOK_SERVICE_WORKER", None)  # the app: on in scripts/build.py's builds, off in a bare MkDocs build
    env.pop("HANDBOOK_EDITIONS", None)
    if editions is not None:
        env["HANDBOOK_EDITIONS"] = editions
    # The public address is set only by the tests that ask for one, never inherited from the shell.
    env.pop("HANDBOOK_SITE_URL", None)
    if site_url is not None:
        env["HANDBOOK_SITE_URL"] = site_url
    if app:
        env["HANDBOOK_SERVICE_WORKER"] = "1"
    if zips:
        command = [sys.executable, str(project / "scripts/build.py"), "--out", str(site)] + ([] if pdf else ["--no-pdf"])
    else:
        command = [str(MKDOCS), "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    return Build(result.returncode, result.stdout + result.stderr, site)


def _shared_folder(tmp_path_factory) -> Path:
    """The folder every process of the test run sees: xdist workers' base folders are inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _make_shared(shared: Path, name: str, make, lock) -> None:
    """Make the build `name` while holding its lock (taken by the caller), unless it is made already."""
    try:
        record = shared / f"{name}.json"
        if not record.exists():
            (shared / name).mkdir(exist_ok=True)
            build = make(shared / name)
            record.write_text(json.dumps({"returncode": build.returncode, "output": build.output, "site": str(build.site)}), encoding="utf-8")
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def shared_build(tmp_path_factory, name: str, make) -> Build:
    """A build made once per test run, whatever the number of xdist workers: made at the start of the run in
    the background (pytest_sessionstart), or else by the first process that asks; the others wait for it
    (a file lock) and read its record."""
    if name == "real-site" and os.environ.get("HANDBOOK_TEST_SITE"):
        # A site folder built already by `bash scripts/build.sh` (`HANDBOOK_TEST_SITE=site pytest tests/test_editions.py`),
        # to rerun the tests of the finished site while working on them; the test command never sets it.
        return Build(0, "", Path(os.environ["HANDBOOK_TEST_SITE"]).resolve())
    shared = _shared_folder(tmp_path_factory)
    lock = open(shared / f"{name}.lock", "w")  # noqa: SIM115 (closed by _make_shared)
    fcntl.flock(lock, fcntl.LOCK_EX)
    _make_shared(shared, name, make, lock)
    data = json.loads((shared / f"{name}.json").read_text(encoding="utf-8"))
    assert data["returncode"] == 0, data["output"][-5000:]
    return Build(data["returncode"], data["output"], Path(data["site"]))


def pytest_sessionstart(session):
    """A run of the whole suite starts the two builds that most tests wait for at once, in the background of
    the main (or xdist controller) process, so the workers run the tests that need no site meanwhile."""
    if os.environ.get("PYTEST_XDIST_WORKER") or session.config.args != session.config.getini("testpaths") or os.environ.get("HANDBOOK_TEST_SITE"):
        return
    shared = _shared_folder(session.config._tmp_path_factory)
    for name, make in (("real-site", _make_real_site), ("variant-site", _make_variant_site)):
        lock = open(shared / f"{name}.lock", "w")  # noqa: SIM115 (closed by _make_shared)
        fcntl.flock(lock, fcntl.LOCK_EX)  # taken here, before any worker asks for it
        threading.Thread(target=_make_shared, args=(shared, name, make, lock), daemon=True).start()


def _make_real_site(folder: Path) -> Build:
    return run_mkdocs(ROOT, folder / "site", pdf=True, zips=True)


VARIANT_ADDRESS = "https://example.org/so-tay/"


def _make_variant_site(folder: Path) -> Build:
    project = copy_repository(folder)
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = config.replace("topics: [tu-tuong, kiem-tra-giam-sat, dan-van]", "topics: [dan-van]")
    config = config.replace("topics_left_out: []", "topics_left_out: [tu-tuong, kiem-tra-giam-sat]")
    config = config.replace('locality: ""', 'locality: "Tỉnh Thử Nghiệm"')
    (project / "mkdocs.yml").write_text(config, "utf-8")
    # Its one PDF assertion reads the learner's A4 book: the other editions are not rendered (HANDBOOK_EDITIONS).
    return run_mkdocs(project, folder / "site", pdf=True, zips=True, site_url=VARIANT_ADDRESS, editions="hoc-vien")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The repository itself, built as `bash scripts/build.sh` builds it: --strict, the PDF editions and the
    offline copies. Once per test run."""
    return shared_build(tmp_path_factory, "real-site", _make_real_site)


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory) -> Build:
    """A copy of the repository built with the settings a locality or a publisher changes: an edition for
    one province with one local topic, and a public address (HANDBOOK_SITE_URL). Once per test run."""
    return shared_build(tmp_path_factory, "variant-site", _make_variant_site)


@pytest.fixture
def fixture_site(tmp_path):
    """Build a small site made of the real configuration, hooks and templates plus the given pages.

    `pages` maps a path under docs/ to its text (str) or raw bytes; the nav lists the Markdown pages.
    """

    def build(pages: dict[str, str | bytes], *, pdf: bool = False, nav: list | None = None, app: bool = False) -> Build:
        project = tmp_path / "project"
        shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", project / "overrides")
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
        # The site's own words and editions, which every page's template reads (not content of the handbook).
        shutil.copytree(ROOT / "docs" / "_data" / "giao-dien", project / "docs" / "_data" / "giao-dien")
        shutil.copy(ROOT / "docs" / "_data" / "an-ban.yml", project / "docs" / "_data" / "an-ban.yml")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = config[: config.index("\nnav:")] + "\n"
        # A fixture site has no local topics unless it brings them.
        config = config.replace("topics: [tu-tuong, kiem-tra-giam-sat, dan-van]", "topics: []")
        if nav is not None:
            import yaml

            config += yaml.safe_dump({"nav": nav}, allow_unicode=True)
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        for path, content in pages.items():
            target = project / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return run_mkdocs(project, tmp_path / "site", pdf=pdf, app=app)

    return build


def copy_repository(target: Path) -> Path:
    """A copy of what a build reads (content, hooks, templates, scripts, configuration) in `target`/repo."""
    project = target / "repo"
    for name in ("docs", "hooks", "overrides", "scripts", "src"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("mkdocs.yml", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, project / name)
    return project


@pytest.fixture(scope="session")
def repo_copy_factory():
    return copy_repository


@pytest.fixture
def repo_copy(tmp_path):
    """Build a copy of the whole repository, after `change(project_path)` has edited the copy."""

    def build(change=None, *, pdf: bool = False, run: bool = True, zips: bool = False, site_url: str | None = None):
        project = copy_repository(tmp_path)
        if change is not None:
            change(project)
        return run_mkdocs(project, tmp_path / "site", pdf=pdf, zips=zips, site_url=site_url) if run else project

    return build


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright, with the flags this sandbox needs (tests/browser_tools.py)."""
    from browser_tools import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A phone-sized page that records the address of every request it makes (`page.requests`)."""
    from browser_tools import PHONE

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served on 127.0.0.1 (no trailing slash)."""
    from browser_tools import serve

    with serve(real_site.site) as url:
        yield url
