"""MkDocs hook: the lesson model (sotay_boiduong.adapters.units): the edition's topics, every lesson and topic
validated (a problem stops the build with `file:line: what — how to fix`), and each page's parts and generated
lists rendered from data. Listed before hooks/citations.py, so the parts rendered from front matter are linked."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import units
from sotay_boiduong.adapters.output import report

log = get_plugin_logger("lessons")


@event_priority(90)  # once hooks/settings.py has checked the edition
def on_pre_build(*, config: MkDocsConfig) -> None:
    units.edition_nav(config)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    units.edition_files(files, config)
    report(log, units.validate(files, config), "bài học, chuyên đề")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return units.render_page(markdown, page, config)
