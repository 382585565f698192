"""MkDocs hook: the part "Mẫu và biểu" (docs/mau/), the model papers and forms of a Party cell secretary and
of a class. It only wires: what each event does is sotay_boiduong.adapters.toolkit (its docstring), the domain
sotay_boiduong.mau."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong.adapters import toolkit

log = get_plugin_logger("mau")


def on_pre_build(*, config: MkDocsConfig) -> None:
    toolkit.load(config, log)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    toolkit.check_files(files, config, log)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return toolkit.page_markdown(markdown, page, config)


def on_post_build(*, config: MkDocsConfig) -> None:
    toolkit.write_documents(config, log)
