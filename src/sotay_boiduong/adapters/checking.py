"""The checks every source must pass before anything is built (hooks/source_check.py wires them).

Stock MkDocs renders broken front matter as page text without a word and lets everything else through. Here
each source of the language being built is checked (sotay_boiduong.sources: UTF-8, Unicode NFC, valid YAML
front matter; sotay_boiduong.checks: tone-mark style, no script/iframe/on…=/javascript:, images with alt text,
no skipped heading level, …), with the titles of all pages (no duplicates), the editors' notes against the
list of open points (sotay_boiduong.open_points), the English termbase on the English texts, and, once per
build, the file names and the menu. Every problem is `file:line: what — how to fix`.

Each file is read once per build (`Build.sources`); a file that is not UTF-8 is reported and then read with
its bad bytes replaced, so that every other check still lists its problems.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import checks, glossary, lessons, open_points, termbase
from .. import files as docs_files
from ..problems import Problem
from ..sources import check_nfc, decode
from . import context
from .i18n import current_language, default_language, display_path, file_language, languages, markdown_sources, source_path


def check_sources(files: Files, config: MkDocsConfig) -> list[Problem]:
    """Every problem of the sources of the language being built."""
    build = context.current()
    language = current_language(config)
    problems, titles, notes, notes_written_wrong = [], [], [], []
    site_files = {f.url for f in files if not f.is_documentation_page()}
    for file in markdown_sources(files, config, with_excluded=True):
        path = source_path(file, config)
        source = build.sources.file(file.abs_src_path)
        if source is None:
            continue
        if not source.utf8:
            # Reported here; what MkDocs and the other hooks read from now on is the text with the bad bytes
            # replaced, so the content check goes on and lists every other problem.
            problems += decode(path, source.data)[1]
            continue
        text = source.text
        meta, front_matter_problems = source.front_matter(path)
        problems += sorted(check_nfc(path, text) + front_matter_problems)
        problems += checks.check_text(path, text, unit=lessons.kind_of(file.src_uri) is not None, rendered=not file.inclusion.is_excluded())
        problems += checks.check_snippets(path, text, config.docs_dir)
        if not file.inclusion.is_excluded():
            problems += docs_files.missing_raw_images(path, text, file.url, site_files.__contains__)
        if file.src_uri.startswith(glossary.FOLDER + "/"):
            problems += glossary.check(path, text)
        problems += checks.check_print_editions(path, text, meta, tuple(e.key for e in context.settings(config).editions))
        problems += checks.check_plain_fields(path, text, meta)
        if not file.inclusion.is_excluded():
            found, written_wrong = open_points.notes_in(path, text)
            notes += found
            notes_written_wrong += written_wrong
        title, line = checks.page_title(text, meta)
        if title and not file.inclusion.is_excluded():
            titles.append((path, line, title))
    problems += checks.duplicate_titles(titles)
    problems += _open_points(notes, notes_written_wrong, config, language)
    if language == default_language(config):  # the files are the same in every language
        docs = os.path.abspath(config.docs_dir) + os.sep
        own = [(f.src_uri, display_path(f.abs_src_path)) for f in files if f.abs_src_path and os.path.abspath(f.abs_src_path).startswith(docs)]
        problems += docs_files.check_names(own, config.docs_dir)
        problems += docs_files.duplicate_nav(config.nav, build.config_text, display_path(build.config_file))
        topics = context.settings(config).edition.topics
        in_menu = [
            (f.src_uri, display_path(f.abs_src_path))
            for f in markdown_sources(files, config)
            if f.inclusion.is_in_nav() and f.src_uri.split(".")[0] != "404"
            # a topic the edition leaves out is neither in the menu nor built (adapters/units.edition_files)
            and not (lessons.kind_of(f.src_uri) == "topic" and f.src_uri.split("/")[-1].split(".")[0] not in topics)
        ]
        others = {f.src_uri for f in files if f.src_uri.endswith(".md")}  # pages out of the menu on purpose, too
        problems += docs_files.missing_from_nav(in_menu, config.nav, build.config_text, display_path(build.config_file), others)
    if language == termbase.LANGUAGE:
        problems += _terminology(files, config)
    return problems


def single_language_pages(files: Files, config: MkDocsConfig) -> list[str]:
    """Pages written in one language only (the other language shows a fallback): a notice for each, once
    per build, in the default language's pass."""
    all_languages = languages(config)
    if len(all_languages) < 2 or current_language(config) != all_languages[0]:
        return []
    return docs_files.single_language(
        [(file.src_uri, file_language(file.src_uri, config)) for file in files if file.src_uri.endswith(".md") and not file.inclusion.is_excluded()],
        all_languages,
    )


def page_source(file: File, config: MkDocsConfig) -> str | None:
    """A page's text as the checks read it (MkDocs would read the file again, and fail on bytes not UTF-8)."""
    if file.abs_src_path is None:
        return None
    return context.current().sources.text(file.abs_src_path)


def _open_points(notes: list[open_points.Note], written_wrong: list[Problem], config: MkDocsConfig, language: str) -> list[Problem]:
    build = context.current()
    path = os.path.join(config.docs_dir, open_points.POINTS)
    shown = display_path(path)
    text = build.sources.text(path)
    if text is None:
        return []  # a site without the list (a small fixture site) has no open points to check
    points, problems = open_points.load(shown, text)
    problems += written_wrong
    # The registry's notes count as notes of its documents' pages.
    registry_path = display_path(os.path.join(config.docs_dir, termbase.REGISTRY))
    for document in build.registry.values():
        if document.note_point:
            notes.append(open_points.Note(document.note_point, registry_path, document.key_lines.get("note_point", document.line)))
        elif document.text("note", language):
            line = document.key_lines.get("note", document.line)
            problems.append(Problem(registry_path, line, f"văn bản `{document.id}` có ghi chú (`note`) nhưng không nêu điểm cần đối chiếu", f"thêm `note_point: <mã>` với một mã trong docs/{open_points.POINTS}"))
    problems += open_points.check(notes, points, shown, language, complete=True)
    noted = {}
    for note in notes:
        noted.setdefault(note.point, f"{note.path}:{note.line}")
    context.language_state(config).open_points = [(point.id, point.status, point.text(language), noted.get(point.id, f"{shown}:{point.line}")) for point in points.values()]
    return problems


def _terminology(files: Files, config: MkDocsConfig) -> list[Problem]:
    """The English termbase, enforced on the English pages, the English glossary and the registry's English fields."""
    sources = context.current().sources
    base = os.path.join(config.docs_dir, termbase.TERMBASE)
    source = sources.file(base)
    if source is None:
        return []
    terms, problems = termbase.load_bytes(display_path(base), source.data)
    for file in markdown_sources(files, config, with_excluded=True):
        page = sources.file(file.abs_src_path)
        if page is not None and page.utf8 and file_language(file.src_uri, config) == termbase.LANGUAGE:
            problems += termbase.check_markdown(source_path(file, config), page.text, terms)
    for name, check in ((termbase.GLOSSARY, termbase.check_glossary), (termbase.REGISTRY, termbase.check_registry)):
        text = sources.text(os.path.join(config.docs_dir, name))
        if text is not None:  # a file not in UTF-8 is reported elsewhere, its bad bytes replaced here
            problems += check(display_path(os.path.join(config.docs_dir, name)), text, terms)
    for name in (*termbase.ENGLISH_DATA, termbase.INTERFACE):
        text = sources.text(os.path.join(config.docs_dir, name))
        if text is not None:
            problems += termbase.check_english_yaml(display_path(os.path.join(config.docs_dir, name)), text, terms, every_value=name == termbase.INTERFACE)
    return problems
