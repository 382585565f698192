"""MkDocs hook around mkdocs-with-pdf: one handbook per language, skipped in `mkdocs serve`.

- `mkdocs serve` skips the PDF so that a saved edit shows in the browser at once; every other command
  builds it. HANDBOOK_PDF=0 or 1 in the environment overrides both.
- Each language's PDF holds only the pages written in that language: static-i18n puts untranslated
  Vietnamese pages into the English navigation as fallbacks, and mkdocs-with-pdf would print them.
- The cover and the table of contents take the language's site_name and `extra.pdf` strings (mkdocs.yml).
"""

from __future__ import annotations

import logging
import os
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs puts hooks/ on sys.path while it loads a hook file, so the domain package imports here;
# tests/conftest.py puts it there for pytest.
from build_language import current_language, language_prefix
from handbook import pdf
from handbook.pdf_state import CURRENT

log = get_plugin_logger("pdf_handbook")
ENV = "HANDBOOK_PDF"
HOOKS_DIR = os.path.dirname(os.path.abspath(__file__))

_fallback_pages: list[Page] = []


class _SiteOnlyIsNotAWarning(logging.Filter):
    """mkdocs-with-pdf warns 'without generate PDF' when its variable is unset, which would fail
    `--strict` in serve and site-only builds; that is the mode we asked for, so it is logged as INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("without generate PDF"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


logging.getLogger("mkdocs.with-pdf").addFilter(_SiteOnlyIsNotAWarning())


def on_startup(*, command: str, dirty: bool) -> None:
    os.environ.setdefault(ENV, "0" if command == "serve" else "1")


@event_priority(50)  # before static-i18n hands the config to mkdocs-with-pdf
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    with_pdf = config.plugins.get("with-pdf")
    if with_pdf is None or not _pdf_enabled():
        return config
    # mkdocs-with-pdf imports its event hook module, hooks/pdf_event_hook.py, by name from sys.path
    # when it reads its config, after MkDocs has taken hooks/ off sys.path again.
    if HOOKS_DIR not in sys.path:
        sys.path.append(HOOKS_DIR)
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
    env.globals["handbook_pdf_path"] = language_prefix(config) + config.extra["handbook"]["pdf_path"]
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not pdf.is_own_language(getattr(page.file, "locale", None), current_language(config)):
        _fallback_pages.append(page)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n applies a language's settings (site_name, extra) after every on_config of ours has run,
    # so what the PDF needs of them is read here, just before mkdocs-with-pdf renders that language.
    CURRENT.update(
        language=current_language(config),
        title=config.site_name,
        author=config.site_author or "",
        toc_title=config.extra["pdf"]["toc_title"],
    )
    # Runs before static-i18n triggers mkdocs-with-pdf for this language: a page without the
    # 'pdf-article' that with-pdf attached to it is left out of the handbook and its contents page.
    for page in _fallback_pages:
        if hasattr(page, "pdf-article"):
            delattr(page, "pdf-article")
            log.info(f"PDF ({current_language(config)}): bỏ trang chưa dịch {page.file.src_uri}")
    _fallback_pages.clear()


def _pdf_enabled() -> bool:
    # mkdocs-with-pdf reads the same variable: default it here for builds not started by the CLI (tests).
    return os.environ.setdefault(ENV, "1") == "1"
