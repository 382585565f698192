"""MkDocs hook: the checks every Markdown source must pass, before anything is built
(sotay_boiduong.adapters.checking): a problem stops the build with `file:line: what — how to fix`; a page that
exists in one language only is a notice, not an error."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import checks
from sotay_boiduong.adapters import checking
from sotay_boiduong.adapters.output import report

log = get_plugin_logger("source_check")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    report(log, checking.check_sources(files, config), "nội dung")
    for notice in checking.single_language_pages(files, config):
        log.info(notice)
    return files


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    # Each file is read once per build; static-i18n makes new file objects for each language.
    return checking.page_source(page.file, config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    # An include of a file that does not exist was reported in on_files; left in, pymdownx.snippets would end
    # the build with a traceback (the content check goes on to list every other problem).
    return checks.drop_bad_snippets(markdown, config.docs_dir)
