"""The one place that touches mkdocs-with-pdf 0.9.3 (its last release, 2021) beyond its documented options.

1. Loaded only when the PDFs are asked for. mkdocs.yml names the plugin `handbook-pdf` (this module's
   `HandbookPdf`, an entry point of the package) with with-pdf's own options. MkDocs imports every plugin it is
   given, and with-pdf imports WeasyPrint, which looks for Pango, HarfBuzz and fontconfig at import (0.6 s of a
   5-second site build, and of every preview rebuild). So the real plugin is made only when HANDBOOK_PDF=1, in
   this plugin's `on_config`, and put in the plugin collection under its own name, "with-pdf", where
   static-i18n looks for it to run it once per language (static-i18n calls its events itself).
2. A repair for the Beautiful Soup this project pins. with-pdf copies each page's article with its own
   `clone_element`, which reads `Tag.builder`; Beautiful Soup 4.13 and later keep no builder on a tag, so every
   read became a search of the whole subtree for a tag named "builder", and each copy lost the parse's HTML
   flag, which every later CSS selector asks for at each element: half the time of a build with PDFs.
   Beautiful Soup's own copy keeps the flag, so with-pdf's two modules that copy are pointed to it.
3. The page's article that with-pdf keeps for the book is a private attribute of the page, "pdf-article".

Each private name is checked before use (`_require`): an upgrade of with-pdf that renames one fails the
build with the version found and what to change here, instead of a silently different book.
"""

from __future__ import annotations

import copy
from importlib import metadata

from bs4 import PageElement
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs_with_pdf.options import Options

from . import context

NAME = "with-pdf"  # the name static-i18n looks for
ARTICLE = "pdf-article"  # the attribute with-pdf sets on each page it keeps


class HandbookPdf(BasePlugin):
    """mkdocs-with-pdf, made only when the PDFs are asked for (see the module)."""

    config_scheme = Options.config_scheme

    @event_priority(60)  # before hooks/pdf_handbook.py (50) and static-i18n (-100), which hand the config to with-pdf
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if NAME in config.plugins or not context.current().switches.pdf:
            return config
        from mkdocs_with_pdf import generator, toc
        from mkdocs_with_pdf.plugin import WithPdfPlugin

        for module in (generator, toc):
            _require(module, "clone_element")
            module.clone_element = clone_element
        plugin = WithPdfPlugin()
        errors, warnings = plugin.load_config(dict(self.config), config.config_file_path)
        if errors or warnings:
            raise PluginError(f"mkdocs.yml, plugin handbook-pdf: {errors or warnings}")
        config.plugins[NAME] = plugin  # its events run from here on, until static-i18n takes them over
        return config


def clone_element(element: PageElement) -> PageElement:
    """A deep copy of `element` that remembers it is HTML (what with-pdf's clone_element is meant to do)."""
    return copy.copy(element)


def plugin(config: MkDocsConfig):
    """The real with-pdf plugin of this build, or None (no PDFs asked for)."""
    return config.plugins.get(NAME)


def article(page):
    """The copy of the page's article that with-pdf keeps for the book, or None."""
    return getattr(page, ARTICLE, None)


def drop_article(page) -> bool:
    """Leave the page out of the book; True if it was in."""
    if hasattr(page, ARTICLE):
        delattr(page, ARTICLE)
        return True
    return False


def written_path(config: MkDocsConfig, prefixes) -> str | None:
    """The path, in each language's folder, of the PDF with-pdf itself writes (an empty page; the editions are
    the handbook's). static-i18n leaves the last language's prefix on the option."""
    found = plugin(config)
    if found is None:
        return None
    path = found.config["output_path"]
    for prefix in prefixes:
        path = path.removeprefix(prefix) if prefix else path
    return path


def _require(module, name: str) -> None:
    if not hasattr(module, name):
        version = metadata.version("mkdocs-with-pdf")
        raise PluginError(
            f"mkdocs-with-pdf {version}: {module.__name__}.{name} không còn — sotay_boiduong/adapters/withpdf.py "
            "viết cho bản 0.9.3; đọc lại mã của bản mới và sửa phần sửa chữa này (hoặc ghim lại mkdocs-with-pdf==0.9.3)"
        )
