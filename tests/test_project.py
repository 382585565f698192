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


LOCKED = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+) \\$")  # a dependency may carry its extras: fonttools[woff]==…
HASH = re.compile(r"^    --hash=sha256:[0-9a-f]{64}( \\)?$")


def lock(name: str = "requirements-test.lock") -> dict[str, str]:
    """{package: version} of a hashed lock, whose every package has at least one sha256 hash."""
    entries, lines = {}, (ROOT / name).read_text().splitlines()
    for index, line in enumerate(lines):
        if match := LOCKED.match(line):
            entries[normalise(match[1])] = match[2]
            assert HASH.match(lines[index + 1]), f"{name}: {match[1]} has no hash"
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


def test_the_build_lock_is_the_test_lock_without_the_test_tools():
    build, test = lock("requirements.lock"), lock()
    assert build and all(test.get(name) == version for name, version in build.items())
    assert "pytest" in test and "pytest" not in build and "setuptools" in build


def test_the_setup_installs_from_the_hashed_lock():
    setup = (ROOT / "scripts/lib.sh").read_text()
    assert "--require-hashes -r" in setup and "requirements-test.lock" in setup
    assert "--no-deps --no-build-isolation -e" in setup


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci/run").read_text()
    assert "bash scripts/test.sh" in readme and "bash scripts/build.sh" in readme
    assert re.search(r"^exec bash scripts/test\.sh$", ci, re.M)


# ---------------------------------------------------------------- the package


def test_the_package_is_installed_editable_from_this_checkout():
    # scripts/lib.sh runs `pip install -e ".[test]"`: hooks, scripts and tests import the package like any
    # other, and an edit of src/ takes effect without reinstalling.
    import json

    import pdf_event_hook
    import sotay_boiduong

    distribution = metadata.distribution("so-tay-boi-duong-cong-tac-dang")
    direct = json.loads(distribution.read_text("direct_url.json"))
    assert direct["dir_info"].get("editable") is True
    assert Path(sotay_boiduong.__file__).resolve().is_relative_to(ROOT / "src")
    assert Path(pdf_event_hook.__file__).resolve() == ROOT / "src" / "pdf_event_hook.py"


def test_the_wheel_holds_the_package_its_data_and_the_with_pdf_hook_module(tmp_path):
    import shutil
    import subprocess
    import sys
    import zipfile

    # Built from a copy of what the backend reads: setuptools writes its build/ folder beside pyproject.toml.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(source)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(ROOT / "src").as_posix() for path in (ROOT / "src").rglob("*.py")}
    data = {path.relative_to(ROOT / "src").as_posix() for path in (ROOT / "src").rglob("*") if path.suffix in (".json", ".js", ".html", ".css")}
    assert modules <= names and data <= names, sorted((modules | data) - names)
    assert "pdf_event_hook.py" in names
    assert not any(name.startswith(("tests/", "docs/", "hooks/")) for name in names)


def test_nothing_edits_sys_path():
    # MkDocs itself puts hooks/ on sys.path while it loads each hook file; nothing of ours needs to.
    import re

    offenders = []
    for folder in ("src", "hooks", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"sys\.path\s*(\.\w+\(|\[|=|\+=)", line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_the_web_stylesheets_are_whole_rules():
    """Every rule of the handbook's own stylesheets closes before the next begins (a brace lost in a merge swallows
    the rules after it without an error anywhere): no declaration block holds another rule."""
    import tinycss2

    def visit(rules, where):
        for rule in rules:
            if rule.type == "error":
                raise AssertionError(f"{where}: {rule.message}")
            if rule.type == "qualified-rule":
                inner = [token for token in rule.content if token.type == "{} block"]
                assert not inner, f"{where}: the rule at line {rule.source_line} holds another rule"
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
                visit(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), where)

    for path in sorted((ROOT / "docs/assets/stylesheets").glob("*.css")):
        visit(tinycss2.parse_stylesheet(path.read_text("utf-8"), skip_whitespace=True, skip_comments=True), path.name)
