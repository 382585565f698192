"""MkDocs hook: what a phone downloads, without what only the makers read (sotay_boiduong.minify): the handbook's
own stylesheets and scripts (mkdocs.yml `extra_css`, `extra_javascript`) minified, the sources in docs/assets/
keeping their comments; every page without its templates' indentation and blank lines, before the other hooks
and the PDF plugin read it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import minify
from sotay_boiduong.adapters.i18n import display_path


@event_priority(-200)  # last: after static-i18n (-100) has sorted the files and the source checks have read them
def on_files(files: Files, config: MkDocsConfig) -> Files:
    wanted = minify.own_assets(config.extra_css, config.extra_javascript)
    for file in files:
        if file.src_uri in wanted and file.abs_src_path:
            try:
                text = file.content_bytes.decode("utf-8")
            except UnicodeDecodeError as error:
                raise Abort(f"{display_path(file.abs_src_path)}: tệp không ở mã UTF-8 (byte {error.start}). Cách sửa: mở tệp trong trình soạn thảo và lưu lại với mã UTF-8.") from None
            file.content_string = minify.minified(file.src_uri, text)
    return files


@event_priority(100)  # first: the PDF plugin and the other hooks read the smaller page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return minify.html(output)
