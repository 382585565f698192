"""The project's promises about itself: exact pins, a lock the install follows, CI running the README command."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;]+)$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock() -> dict[str, str]:
    entries = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = PIN.match(line).groups()
            entries[normalise(name)] = version
    return entries


def pyproject_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]


def test_mkdocs_stays_below_2():
    version = metadata.version("mkdocs")
    assert version == "1.6.1"
    assert int(version.split(".")[0]) < 2


def test_every_requirement_is_pinned_exactly_and_matches_the_lock():
    locked = lock()
    for requirement in pyproject_requirements():
        match = PIN.match(requirement)
        assert match, f"not an exact pin: {requirement}"
        name, version = match.groups()
        assert locked.get(normalise(name)) == version, requirement


def test_installed_packages_are_the_locked_versions():
    for name, version in lock().items():
        assert metadata.version(name) == version, name


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci/run").read_text()
    assert "bash scripts/test.sh" in readme and "bash scripts/build.sh" in readme
    assert re.search(r"^exec bash scripts/test\.sh$", ci, re.M)
