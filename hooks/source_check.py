"""MkDocs hook: the checks every Markdown source must pass, before anything is built.

Stock MkDocs renders broken front matter as page text without a warning and lets everything else through.
This hook checks each source of the language being built (sotay_boiduong.sources: UTF-8, Unicode NFC,
valid YAML front matter; sotay_boiduong.checks: tone-mark style, no script/iframe/on…=/javascript:,
images with alt text, no skipped heading level) and the titles of all pages (no duplicates), and stops
the build with one line per problem, `file:line: what — how to fix`. A page that exists in one language
only is reported as a notice, not an error.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import checks, editions, glossary, lessons, termbase
from sotay_boiduong import files as docs_files
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import current_language, default_language, display_path, file_language, languages, markdown_sources, source_path
from sotay_boiduong.adapters.output import report
from sotay_boiduong.sources import check_front_matter, check_source

log = get_plugin_logger("source_check")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems, titles = [], []
    unreadable = context.language_state(config).unreadable
    for file in markdown_sources(files, config, with_excluded=True):
        path = source_path(file, config)
        with open(file.abs_src_path, "rb") as handle:
            data = handle.read()
        found = check_source(path, data)
        problems += found
        if any("UTF-8" in p.message for p in found):
            # Reported above; what the other hooks and MkDocs read from now on is the text with the bytes that
            # are not UTF-8 replaced, so the content check can go on and list every other problem.
            text = data.decode("utf-8", errors="replace")
            unreadable[file.src_uri] = text
            source = file.abs_src_path
            file.content_string = text
            file.abs_src_path = source  # the setter forgets it; static-i18n and the messages need it
            continue
        text = data.decode("utf-8-sig")
        problems += checks.check_text(path, text, unit=lessons.kind_of(file.src_uri) is not None, rendered=not file.inclusion.is_excluded())
        problems += checks.check_snippets(path, text, config.docs_dir)
        if file.src_uri.startswith(glossary.FOLDER + "/"):
            problems += glossary.check(path, text)
        meta, _ = check_front_matter(path, text)
        problems += checks.check_print_editions(path, text, meta, tuple(e.key for e in editions.EDITIONS))
        problems += checks.check_plain_fields(path, text, meta)
        title, line = checks.page_title(text, meta)
        if title and not file.inclusion.is_excluded():
            titles.append((path, line, title))
    problems += checks.duplicate_titles(titles)
    if current_language(config) == default_language(config):  # the files are the same in every language
        docs = os.path.abspath(config.docs_dir) + os.sep
        own = [(f.src_uri, display_path(f.abs_src_path)) for f in files if f.abs_src_path and os.path.abspath(f.abs_src_path).startswith(docs)]
        problems += docs_files.check_names(own, config.docs_dir)
        build = context.current()
        problems += docs_files.duplicate_nav(config.nav, build.config_text, display_path(build.config_file))
    if current_language(config) == termbase.LANGUAGE:
        problems += _terminology(files, config, unreadable)
    report(log, problems, "nội dung")
    _notice_single_language(files, config)
    return files


def _terminology(files: Files, config: MkDocsConfig, unreadable: dict[str, str]) -> list:
    """The English termbase, enforced on the English pages, the English glossary and the registry's English fields."""
    base = os.path.join(config.docs_dir, termbase.TERMBASE)
    if not os.path.exists(base):
        return []
    terms, problems = termbase.load_bytes(display_path(base), _read(base))
    for file in markdown_sources(files, config, with_excluded=True):
        if file.src_uri not in unreadable and file_language(file.src_uri, config) == termbase.LANGUAGE:
            problems += termbase.check_markdown(source_path(file, config), _read(file.abs_src_path).decode("utf-8-sig"), terms)
    for name, check in ((termbase.GLOSSARY, termbase.check_glossary), (termbase.REGISTRY, termbase.check_registry)):
        path = os.path.join(config.docs_dir, name)
        if os.path.exists(path):
            text = _read(path).decode("utf-8-sig", errors="replace")  # a file not in UTF-8 is reported elsewhere
            problems += check(display_path(path), text, terms)
    return problems


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    # An include of a file that does not exist was reported in on_files; left in, pymdownx.snippets would end
    # the build with a traceback (the content check goes on to list every other problem).
    return checks.drop_bad_snippets(markdown, config.docs_dir)


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    # static-i18n makes new file objects for each language, so MkDocs would read the file from disk again.
    return context.language_state(config).unreadable.get(page.file.src_uri)


def _notice_single_language(files: Files, config: MkDocsConfig) -> None:
    """Pages written in one language only: a notice (the other language shows a fallback), not an error."""
    all_languages, default = languages(config), languages(config)[0]
    if len(all_languages) < 2 or current_language(config) != default:
        return  # once per build, in the default language's pass
    by_page: dict[str, set[str]] = {}
    for file in files:
        if file.src_uri.endswith(".md") and not file.inclusion.is_excluded():
            language = file_language(file.src_uri, config)
            base = file.src_uri[:-3] if language == default else file.src_uri[: -(len(language) + 4)]
            by_page.setdefault(base, set()).add(language)
    for base, present in sorted(by_page.items()):
        for language in all_languages:
            if language not in present:
                log.info(f"Lưu ý: docs/{base}.md chưa có bản '{language}'; trang đó hiện bản có sẵn kèm thông báo.")
