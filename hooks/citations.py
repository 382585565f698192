"""MkDocs hook: the document registry, reading pages and citations that link themselves
(sotay_boiduong.adapters.readings). Listed after hooks/lessons.py in mkdocs.yml, so the parts rendered from
front matter are linked too; a problem stops the build with `file:line: what — how to fix`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import readings
from sotay_boiduong.adapters.output import report

log = get_plugin_logger("citations")


def on_pre_build(*, config: MkDocsConfig) -> None:
    report(log, readings.load_registry(config), "danh mục văn bản")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    report(log, readings.check_citations(files, config), "trích dẫn")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return readings.render_page(markdown, page, config)
