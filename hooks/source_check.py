"""MkDocs hook: every Markdown source must be in Unicode NFC and have valid YAML front matter.

Stock MkDocs renders broken front matter as page text without a warning. This hook checks each source
before anything is built and stops the build with one line per problem, `file:line: what — how to fix`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

# MkDocs puts hooks/ on sys.path while it loads a hook file, so hooks/build_language.py and the domain
# package hooks/handbook/ import here; tests/conftest.py puts hooks/ there for pytest.
from build_language import display_path, markdown_sources
from handbook.sources import check_source

log = get_plugin_logger("source_check")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems = []
    for file in markdown_sources(files, config):
        with open(file.abs_src_path, "rb") as handle:
            problems += check_source(display_path(file.abs_src_path), handle.read())
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise Abort(f"Dừng dựng trang: {len(problems)} lỗi trong nội dung (xem các dòng ở trên).")
    return files
