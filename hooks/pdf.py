"""MkDocs hook around mkdocs-with-pdf: the printed editions of each language, made only when HANDBOOK_PDF=1
(sotay_boiduong.adapters.books; with-pdf itself is loaded by sotay_boiduong.adapters.withpdf, only then)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import books
from sotay_boiduong.adapters.i18n import is_final_build

log = get_plugin_logger("pdf")


@event_priority(50)  # after the with-pdf plugin is made (60), before static-i18n hands it the config (-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    books.check_fonts(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    books.without_print_templates(files, config)
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    env.globals["handbook_editions"] = books.edition_links(config)
    return env


@event_priority(-110)  # after static-i18n has handed the page to mkdocs-with-pdf (-100), which kept its article
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    books.keep_article(page, config)
    return output


def _read_the_books(*, config: MkDocsConfig) -> None:
    books.aim(config, log)  # before static-i18n (-100) triggers mkdocs-with-pdf for this language


@event_priority(-105)  # once static-i18n (-100) has built every language and mkdocs-with-pdf its editions
def _finish_the_books(*, config: MkDocsConfig) -> None:
    if is_final_build(config):
        books.finish(config, log)


on_post_build = CombinedEvent(_read_the_books, _finish_the_books)


def on_build_error(*, error: Exception) -> None:
    books.stop(error)
