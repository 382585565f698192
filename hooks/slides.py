"""MkDocs hook: each lesson's PowerPoint deck and lesson plan, in every language, and the links to them
(sotay_boiduong.adapters.lecture_kit; the files are made by sotay_boiduong.bai_giang)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import lecture_kit
from sotay_boiduong.adapters.output import report

log = get_plugin_logger("slides")


# static-i18n rebuilds every file of the language in its own on_files (priority -100) from docs/, which would
# lose a generated file's content: the decks are added after it.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    report(log, lecture_kit.add_files(files, config), "bài giảng")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return lecture_kit.render_page(markdown, page, config)
