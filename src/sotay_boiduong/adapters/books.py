"""The printed editions, from MkDocs' side (hooks/pdf.py wires it; the books themselves are
sotay_boiduong.editions, their rendering sotay_boiduong.render).

1. The PDFs are made when HANDBOOK_PDF=1 (scripts/build.sh sets it unless told HANDBOOK_PDF=0; `mkdocs serve`
   leaves it unset); the fonts they are set in must be installed.
2. Each language's books hold only the pages written in that language: static-i18n puts untranslated
   Vietnamese pages into the English navigation as fallbacks, and mkdocs-with-pdf would print them. What is
   for the screen only leaves each article before mkdocs-with-pdf checks its links.
3. mkdocs-with-pdf gathers each language's pages into one document and calls `pre_pdf_render` of the module
   `pdf_event_hook` (src/pdf_event_hook.py) before it renders: there the document becomes the editions, each
   written into the build's own folder, and their render tasks are handed on (`Build.hand_on`): to the build
   script's render stage while the build goes on, or, in a bare `mkdocs build`, kept for the end of the build.
   mkdocs-with-pdf itself is handed an empty page.
4. Once every language is written: the editions kept for the end are rendered (WeasyPrint's warnings fail
   `--strict`) and each language's folder is finished (sotay_boiduong.editions.finish).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import documents, editions, pdf, provenance, render
from . import context, withpdf
from .i18n import current_language, language_prefix, language_prefixes

PRINT_FOLDER = ".print"  # inside the site folder of a bare `mkdocs build`, removed once the editions are written
EMPTY = '<html><head><meta charset="utf-8"></head><body></body></html>'


def wanted(config: MkDocsConfig) -> bool:
    """Whether this build makes the PDFs (HANDBOOK_PDF=1 and the with-pdf plugin loaded)."""
    return context.current().switches.pdf and withpdf.plugin(config) is not None


def check_fonts(config: MkDocsConfig) -> None:
    if not wanted(config):
        return
    missing = pdf.missing_fonts()
    if missing:
        raise PluginError(
            f"Thiếu phông chữ cho sổ tay PDF: {', '.join(missing)}. Cách sửa: chạy `bash scripts/build.sh` "
            "(tự cài gói Debian fonts-noto-core), hoặc dựng không kèm PDF với HANDBOOK_PDF=0."
        )


def without_print_templates(files: Files, config: MkDocsConfig) -> None:
    """overrides/pdf/ holds the books' templates and styles; MkDocs would copy them into the site as theme files."""
    pdf_dir = os.path.join(os.path.abspath(config.theme.custom_dir or "overrides"), "pdf") + os.sep
    for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(pdf_dir)]:
        files.remove(file)


def edition_links(config: MkDocsConfig) -> list[dict]:
    """Each edition of the language: site/pdf/… for the default language, site/en/pdf/… for English."""
    prefix = language_prefix(config)
    return [{"key": e.key, "href": prefix + e.file, "path": e.file, "label": e.button, "offline": e.offline} for e in context.settings(config).editions if not e.proof]


def keep_article(page: Page, config: MkDocsConfig) -> None:
    """After mkdocs-with-pdf has kept the page's article: note a fallback page, and what the book needs."""
    state = context.language_state(config)
    if not pdf.is_own_language(getattr(page.file, "locale", None), current_language(config)):
        state.fallback_pages.append(page)
    article = withpdf.article(page)
    if article is not None:
        pdf.drop_web_only(article)
        state.print_pages[page.url] = _page_info(page, config)


def aim(config: MkDocsConfig, log) -> None:
    """What the books of this language need, read once its pages are built (static-i18n applies a language's
    settings after every on_config of ours, and triggers mkdocs-with-pdf for this language after this event)."""
    if not wanted(config):
        return
    build, settings, state = context.current(), context.settings(config), context.language_state(config)
    folder = Path(config.site_dir) / language_prefix(config)
    book = editions.Book(
        language=settings.language,
        title=config.site_name,
        author=config.site_author or "",
        year=settings.year,
        locality=settings.edition.locality,
        built=provenance.build_day(settings.language, os.environ.get("SOURCE_DATE_EPOCH")),
        commit=provenance.source_version(os.path.dirname(config.config_file_path or ".") or "."),
        checked=_last_checked(build.registry.values(), settings.language),
        pdf=settings.pdf,
        styles=Path(config.theme.custom_dir or "overrides") / "pdf",
        publication=dict(settings.publication),
        glossary=dict(state.glossary),
        points=list(state.open_points),
        pages=dict(state.print_pages),
        chapters={unit_url: number for unit_url, number in _chapters(state, config).items()},
    )
    prefixes = list(language_prefixes(config).values())
    finish = editions.Finish(
        folder=str(folder),
        editions=tuple(settings.edition_files.values()),
        learner=settings.offline_edition.file,
        legacy=settings.pdf_path,
        written=withpdf.written_path(config, prefixes),
        pages_word=settings.ui["pages"],
        language=settings.language,
    )
    print_dir = build.switches.print_dir or Path(config.site_dir) / PRINT_FOLDER
    build.pdf_target = context.PdfTarget(
        book=book,
        folder=folder,
        paths=settings.edition_files,
        print_dir=print_dir,
        render_template=lambda name, **values: config.theme.get_env().get_template(name).render(**values),
        finish=finish,
    )
    for page in state.fallback_pages:
        if withpdf.drop_article(page):
            log.info(f"PDF ({state.language}): bỏ trang chưa dịch {page.file.src_uri}")
    state.fallback_pages.clear()


def _last_checked(documents_: object, language: str) -> str:
    """The latest date on which a document's status was checked against an official source (the registry's
    `checked`), written out in the language; "" when none has been yet."""
    dates = sorted(str(d.checked) for d in documents_ if getattr(d, "checked", None))
    return documents.format_date(dates[-1], language) if dates else ""


def _chapters(state: context.LanguageState, config: MkDocsConfig) -> dict[str, int]:
    """Page URL of each lesson → its number (tables and figures are numbered by lesson)."""
    return {url: info.number for url, info in state.print_pages.items() if info.number}


def make_editions(soup: BeautifulSoup) -> BeautifulSoup:
    """mkdocs-with-pdf's combined document of a language → its editions, written and handed on; with-pdf gets
    an empty page to render instead."""
    build = context.current()
    target = build.pdf_target
    book = target.book
    editions.prepare(soup, book)
    tasks = []
    printed = _asked_for(context.settings_of(book.language).editions, build.switches.editions)
    for index, edition in enumerate(printed):
        document = editions.make(soup, book, edition, target.render_template, in_place=index == len(printed) - 1)
        tasks.append(editions.stage(document, target.print_dir, book.language, edition, target.folder / target.paths[edition.key], target.folder))
    build.hand_on(tasks, target.finish)
    return BeautifulSoup(EMPTY, "html.parser")


def _asked_for(printed, keys: tuple[str, ...] | None):
    """The editions to render: all, or those HANDBOOK_EDITIONS names (a quicker preview of one book)."""
    if keys is None:
        return list(printed)
    unknown = sorted(set(keys) - {edition.key for edition in printed})
    if unknown:
        raise Abort(f"HANDBOOK_EDITIONS nêu ấn bản không có: {', '.join(unknown)}. Cách sửa: dùng các mã trong docs/_data/an-ban.yml ({', '.join(e.key for e in printed)}), cách nhau bằng dấu phẩy, hoặc bỏ biến này để dựng mọi ấn bản.")
    return [edition for edition in printed if edition.key in keys]


def finish(config: MkDocsConfig, log) -> None:
    """Once every language is written: render what the build kept for itself, then finish each language."""
    build = context.current()
    if not build.print_tasks:
        return
    try:
        reports = render.render_all(build.print_tasks)
    except render.RenderError as error:
        for line in str(error).splitlines():
            log.error(f"Không dựng được ấn bản PDF {line}")
        raise Abort("Dựng sổ tay PDF thất bại.") from None
    finally:
        shutil.rmtree(Path(config.site_dir) / PRINT_FOLDER, ignore_errors=True)
    for report in reports:
        log.info(f"PDF ({report.label}): {os.path.relpath(report.out, config.site_dir)} — {report.pages} trang, {report.passes} lần dàn trang, {report.seconds} giây")
        for warning in report.warnings:
            log.warning(f"PDF ({report.label}): WeasyPrint: {warning}")
    for plan in build.print_finish:
        editions.finish(plan)
    build.print_tasks.clear()
    build.print_finish.clear()


def stop(error: Exception, config: MkDocsConfig | None = None) -> None:
    """A failed build leaves no staged document in the site it throws away."""
    build = context.current_or_none()
    if build is not None and build.pdf_target is not None and build.switches.print_dir is None:
        shutil.rmtree(build.pdf_target.print_dir, ignore_errors=True)


def _page_info(page: Page, config: MkDocsConfig) -> editions.PageInfo:
    unit = context.language_state(config).units.get(page.file.src_uri)
    printed = tuple(page.meta.get("print") or ())
    if unit is not None:
        short = unit.data.get("short_title") or unit.data["title"]
        running = f"{context.settings(config).ui['lesson']} {unit.number}. {short}" if unit.kind == "lesson" else short
        return editions.PageInfo("unit", running, printed, unit.number if unit.kind == "lesson" else None)
    return editions.PageInfo("page", page.meta.get("short_title") or page.meta.get("title") or page.title or "", printed)
