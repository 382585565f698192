"""MkDocs hook, after every language is built: finishes the printed editions (sotay_boiduong.adapters.books).

The editions that render in processes of their own (hooks/pdf_handbook.py) are waited for; a failure stops
the build. The learner's A4 edition is copied to the handbook's former file name, and each edition's page
count and size are written into the home pages' download list.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from sotay_boiduong.adapters import books
from sotay_boiduong.adapters.i18n import is_final_build

log = get_plugin_logger("pdf_editions")


@event_priority(-105)  # once static-i18n (-100) has built every language and mkdocs-with-pdf its editions
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_final_build(config):
        books.finish(config, log)


def on_build_error(*, error: Exception) -> None:
    books.stop(error)
