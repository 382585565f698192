"""MkDocs hook: the class kit's part of the handbook: model timetables, the class file's keys and example,
the written reflection's questions and rubric, where a page asks for them with a marker line
(sotay_boiduong.adapters.class_pages)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import class_pages

log = get_plugin_logger("class_kit")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return class_pages.render_page(markdown, config, log)
