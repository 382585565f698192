"""MkDocs hook: every Markdown source must be in Unicode NFC and have valid YAML front matter.

Stock MkDocs renders broken front matter as page text without a warning. This hook checks each source
before anything is built and stops the build with one line per problem, `file:line: what — how to fix`.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

# MkDocs puts hooks/ on sys.path while it loads a hook file, so the domain package imports here;
# tests/conftest.py puts it there for pytest.
from handbook.sources import check_source

log = get_plugin_logger("source_check")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems = []
    for file in _sources_of_this_build(files, config):
        with open(file.abs_src_path, "rb") as handle:
            problems += check_source(_display_path(file.abs_src_path), handle.read())
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise Abort(f"Dừng dựng trang: {len(problems)} lỗi trong nội dung (xem các dòng ở trên).")
    return files


def _sources_of_this_build(files: Files, config: MkDocsConfig):
    """The Markdown sources of the language being built, so that each file is checked exactly once.

    static-i18n runs one MkDocs build per language over the same files; without it, all are checked.
    """
    i18n = config.plugins.get("i18n")
    languages = [lang.locale for lang in i18n.config.languages] if i18n else []
    current = i18n.current_language if i18n else None
    default = i18n.default_language if i18n else None
    for file in files:
        if not file.src_uri.endswith(".md"):
            continue
        suffix = file.src_uri[:-3].rpartition(".")[2] if "." in file.src_uri[:-3] else None
        language = suffix if suffix in languages else default
        if current is None or language == current:
            yield file


def _display_path(abs_path: str) -> str:
    """Path relative to the working directory (the project root when built by the scripts)."""
    relative = os.path.relpath(abs_path)
    return abs_path if relative.startswith("..") else relative
