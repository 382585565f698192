"""MkDocs hook around mkdocs-with-pdf: one handbook per language, made only when HANDBOOK_PDF=1.

- mkdocs-with-pdf builds the PDF when HANDBOOK_PDF=1 (its `enabled_if_env`); `scripts/build.sh` sets it
  unless told HANDBOOK_PDF=0, and `mkdocs serve` leaves it unset, so a saved edit shows at once.
- Each language's PDF holds only the pages written in that language: static-i18n puts untranslated
  Vietnamese pages into the English navigation as fallbacks, and mkdocs-with-pdf would print them.
- The cover and the table of contents take the language's site_name and `extra.pdf` strings (mkdocs.yml);
  mkdocs-with-pdf calls `pre_pdf_render` of the module `pdf_event_hook` (src/pdf_event_hook.py, installed
  with the package), which reads them from the build's shared state.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import pdf
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import current_language, language_prefix

log = get_plugin_logger("pdf_handbook")


class _SiteOnlyIsNotAWarning(logging.Filter):
    """mkdocs-with-pdf warns 'without generate PDF' when its variable is unset, which would fail
    `--strict` in serve and site-only builds; that is the mode we asked for, so it is logged as INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("without generate PDF"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


_FILTER = _SiteOnlyIsNotAWarning()
if _FILTER not in logging.getLogger("mkdocs.with-pdf").filters:
    logging.getLogger("mkdocs.with-pdf").addFilter(_FILTER)


@event_priority(50)  # before static-i18n hands the config to mkdocs-with-pdf
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.plugins.get("with-pdf") is None or not context.Switches.from_environ().pdf:
        return config
    missing = pdf.missing_fonts()
    if missing:
        raise PluginError(
            f"Thiếu phông chữ cho sổ tay PDF: {', '.join(missing)}. Cách sửa: chạy `bash scripts/build.sh` "
            "(tự cài gói Debian fonts-noto-core), hoặc dựng không kèm PDF với HANDBOOK_PDF=0."
        )
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # overrides/pdf/ holds the PDF's cover and styles; MkDocs would copy them into the site as theme files.
    pdf_dir = os.path.join(os.path.abspath(config.theme.custom_dir or "overrides"), "pdf") + os.sep
    for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(pdf_dir)]:
        files.remove(file)
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Each language links its own handbook: site/pdf/… for the default language, site/en/pdf/… for English.
    env.globals["handbook_pdf_path"] = language_prefix(config) + context.settings(config).pdf_path
    return env


@event_priority(-110)  # after static-i18n has handed the page to mkdocs-with-pdf (-100), which kept its article
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not pdf.is_own_language(getattr(page.file, "locale", None), current_language(config)):
        context.language_state(config).fallback_pages.append(page)
    article = getattr(page, "pdf-article", None)
    if article is not None:
        # What is for the screen only leaves the article before mkdocs-with-pdf checks its links.
        pdf.drop_web_only(article)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n applies a language's settings (site_name, extra) after every on_config of ours has run,
    # and triggers mkdocs-with-pdf for this language after this event: what the PDF needs is read here.
    settings = context.settings(config)
    context.current().pdf_target = {
        "language": settings.language,
        "title": config.site_name,
        "author": config.site_author or "",
        "toc_title": settings.pdf["toc_title"],
    }
    # A page without the 'pdf-article' that with-pdf attached to it is left out of the handbook and its
    # contents page.
    state = context.language_state(config)
    for page in state.fallback_pages:
        if hasattr(page, "pdf-article"):
            delattr(page, "pdf-article")
            log.info(f"PDF ({state.language}): bỏ trang chưa dịch {page.file.src_uri}")
    state.fallback_pages.clear()
