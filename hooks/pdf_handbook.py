"""MkDocs hook around mkdocs-with-pdf: three printed editions per language, made only when HANDBOOK_PDF=1.

- mkdocs-with-pdf builds the PDFs when HANDBOOK_PDF=1 (its `enabled_if_env`); `scripts/build.sh` sets it
  unless told HANDBOOK_PDF=0, and `mkdocs serve` leaves it unset, so a saved edit shows at once.
- Each language's books hold only the pages written in that language: static-i18n puts untranslated
  Vietnamese pages into the English navigation as fallbacks, and mkdocs-with-pdf would print them.
- mkdocs-with-pdf gathers each language's pages into one document and calls `pre_pdf_render` of the module
  `pdf_event_hook` (src/pdf_event_hook.py, installed with the package) before it renders. There the
  document becomes the three editions (sotay_boiduong.editions), each rendered at once in a worker process
  while the build goes on; mkdocs-with-pdf itself is handed an empty page.
- hooks/pdf_editions.py waits for the workers once the whole build is written, copies the learner's A4
  edition to the handbook's former file name, and writes each edition's page count and size into the home
  pages.
"""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import documents, editions, pdf
from sotay_boiduong.adapters import context, withpdf
from sotay_boiduong.adapters.i18n import current_language, language_prefix

log = get_plugin_logger("pdf_handbook")


class _SiteOnlyIsNotAWarning(logging.Filter):
    """mkdocs-with-pdf warns 'without generate PDF' when its variable is unset, which would fail
    `--strict` in serve and site-only builds; that is the mode we asked for, so it is logged as INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("without generate PDF"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


withpdf.repair()  # mkdocs-with-pdf's copies of the pages, made fast again (see the module)

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
    # overrides/pdf/ holds the books' templates and styles; MkDocs would copy them into the site as theme files.
    pdf_dir = os.path.join(os.path.abspath(config.theme.custom_dir or "overrides"), "pdf") + os.sep
    for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(pdf_dir)]:
        files.remove(file)
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Each language links its own editions: site/pdf/… for the default language, site/en/pdf/… for English.
    prefix = language_prefix(config)
    env.globals["handbook_editions"] = [{"key": key, "href": prefix + path, "path": path} for key, path in context.settings(config).editions.items()]
    return env


@event_priority(-110)  # after static-i18n has handed the page to mkdocs-with-pdf (-100), which kept its article
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    state = context.language_state(config)
    if not pdf.is_own_language(getattr(page.file, "locale", None), current_language(config)):
        state.fallback_pages.append(page)
    article = getattr(page, "pdf-article", None)
    if article is not None:
        # What is for the screen only leaves the article before mkdocs-with-pdf checks its links.
        pdf.drop_web_only(article)
        state.print_pages[page.url] = _page_info(page, config)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n applies a language's settings (site_name, extra) after every on_config of ours has run,
    # and triggers mkdocs-with-pdf for this language after this event: what the books need is read here.
    # Without PDFs (a site-only build, every `mkdocs serve` rebuild) there is nothing to read, nor git to ask.
    if config.plugins.get("with-pdf") is None or not context.Switches.from_environ().pdf:
        return
    build = context.current()
    settings = context.settings(config)
    state = context.language_state(config)
    build.pdf_target = {
        "book": editions.Book(
            language=settings.language,
            title=config.site_name,
            author=config.site_author or "",
            year=settings.year,
            locality=settings.edition.locality,
            built=_today(settings.language),
            commit=_commit(config),
            checked=documents.format_date(settings.status_checked, settings.language),
            pdf=settings.pdf,
            styles=Path(config.theme.custom_dir or "overrides") / "pdf",
            pages=dict(state.print_pages),
        ),
        "folder": Path(config.site_dir) / language_prefix(config),
        "paths": settings.editions,
        "render": lambda name, **values: config.theme.get_env().get_template(name).render(**values),
    }
    # A page without the 'pdf-article' that with-pdf attached to it is left out of the books.
    for page in state.fallback_pages:
        if hasattr(page, "pdf-article"):
            delattr(page, "pdf-article")
            log.info(f"PDF ({state.language}): bỏ trang chưa dịch {page.file.src_uri}")
    state.fallback_pages.clear()


def _page_info(page: Page, config: MkDocsConfig) -> editions.PageInfo:
    unit = context.language_state(config).units.get(page.file.src_uri)
    printed = tuple(page.meta.get("print") or ())
    if unit is not None:
        short = unit.data.get("short_title") or unit.data["title"]
        running = f"{context.settings(config).ui['lesson']} {unit.number}. {short}" if unit.kind == "lesson" else short
        return editions.PageInfo("unit", running, printed)
    return editions.PageInfo("page", page.meta.get("short_title") or page.meta.get("title") or page.title or "", printed)


def _today(language: str) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible builds set it
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()
    return documents.format_date(day.isoformat(), language)


def _commit(config: MkDocsConfig) -> str:
    folder = os.path.dirname(config.config_file_path or ".") or "."
    try:
        result = subprocess.run(["git", "-C", folder, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, timeout=10)
    except OSError:
        return "—"
    commit = result.stdout.strip() if result.returncode == 0 else ""
    if commit:
        dirty = subprocess.run(["git", "-C", folder, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=10).stdout.strip()
        return commit + (" (có sửa đổi chưa ghi)" if dirty else "")
    return "—"
