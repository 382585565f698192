"""The lesson model across a build (hooks/lessons.py wires it): lessons (docs/bai-hoc/) and local topics
(docs/chuyen-de/), the edition's choice of topics, the glossary, and the parts of a page rendered from data.

- The edition (`extra.edition`: locality, included topics): a topic left out is removed from the files and the
  menu, so it is absent from the nav, the search index and the PDF.
- Each lesson's and topic's front matter is validated against schemas/front-matter.schema.json, with lesson
  numbering, session plans, English twins and key terms missing from the glossary.
- A page of a lesson or topic gets its header (number, duration, objectives) and its parts ("Ghi nhớ", cases,
  review questions, the lecturers' block) from overrides/partials/; a page with a marker line gets a generated
  list (lessons, topics, glossary, field tables, the home page's downloads).
- The glossary of each language (docs/_glossary/<language>.md) is read once; the handbook's Markdown
  extension marks each term's first mention in a page with it (sotay_boiduong.markdown_extension).
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import glossary, layout, lessons, offline
from ..languages import format_number
from ..markdown_extension import NO_GLOSSARY
from ..problems import Problem
from . import context
from .i18n import current_language, default_language, display_path, file_language, markdown_sources, source_path
from .output import render_markdown

GLOSSARY_DIR = "_glossary"
GLOSSARY_MARKER = "<!-- handbook:glossary -->"
MARKERS = {
    "<!-- handbook:lessons -->": "partials/lesson-index.md",
    "<!-- handbook:topics -->": "partials/topic-index.md",
    GLOSSARY_MARKER: "partials/glossary.md",
    "<!-- handbook:lesson-fields -->": "partials/lesson-fields.md",
    "<!-- handbook:topic-fields -->": "partials/topic-fields.md",
    # The home page's downloads (HTML, marked for the screen only: the printed books leave them out).
    "<!-- handbook:downloads -->": "partials/handbook-actions.html",
    # The home page's "Read offline" (HTML, for the screen only; nothing where the handbook is not an app).
    "<!-- handbook:offline -->": "partials/offline-control.html",
    # The offline page (docs/ngoai-tuyen.md): the parts saved on the device.
    "<!-- handbook:offline-saved -->": "partials/offline-saved.md",
    # The home page's start of the course: one line, "Bắt đầu: Bài 1" and the six lessons (screen only).
    "<!-- handbook:course -->": "partials/handbook-course.md",
}


def glossary_path(docs_dir: str, language: str) -> str:
    return os.path.join(docs_dir, GLOSSARY_DIR, f"{language}.md")


def read_glossary(config: MkDocsConfig) -> dict[str, str]:
    """The language's glossary, read once per language (a file missing or not UTF-8 gives none: the source
    checks report the second with its line, and the pages are built without marks instead of stopping)."""
    state = context.language_state(config)
    source = context.current().sources.file(glossary_path(config.docs_dir, state.language))
    state.glossary = glossary.parse(source.text) if source is not None and source.utf8 else {}
    return state.glossary


def edition_nav(config: MkDocsConfig) -> None:
    """The menu without the local topics the edition leaves out."""
    edition = context.settings(config).edition
    excluded = {f"{lessons.TOPIC_DIR}/{slug}.md" for slug in topic_slugs(config.docs_dir) if slug not in edition.topics}
    config.nav = without(config.nav, excluded)


def edition_files(files: Files, config: MkDocsConfig) -> None:
    """The files without the local topics the edition leaves out."""
    edition = context.settings(config).edition
    for file in list(files):
        if lessons.kind_of(file.src_uri) == "topic" and PurePosixPath(file.src_uri).name.split(".")[0] not in edition.topics:
            files.remove(file)


def validate(files: Files, config: MkDocsConfig) -> list[Problem]:
    """Every lesson and topic of the language, validated into the language's units."""
    build, state = context.current(), context.language_state(config)
    state.units.clear()
    problems, numbered = [], []
    glossary_file = display_path(glossary_path(config.docs_dir, state.language))
    for file in markdown_sources(files, config):
        if lessons.kind_of(file.src_uri) is None:
            continue
        unit, found = lessons.validate_unit(source_path(file, config), file.src_uri, build.sources.text(file.abs_src_path) or "")
        problems += found
        if unit is not None and unit.kind == "lesson":
            numbered.append(unit)  # a lesson with another mistake still holds its number: no false "missing lesson"
        key_terms = unit.data.get("key_terms") if unit is not None else None
        if isinstance(key_terms, list) and all(isinstance(term, str) for term in key_terms):
            # Checked even when another field of the page is wrong: every mistake is reported in one run.
            problems += glossary.missing_terms(unit, set(state.glossary), glossary_file)
        if unit is not None and not found:
            state.units[file.src_uri] = unit
    problems += lessons.check_numbering(numbered)
    if state.language != default_language(config):
        problems += lessons.check_twins(numbered, lambda src_uri: _text_of(config, src_uri))
    return problems


def unit_of(page: Page, config: MkDocsConfig) -> lessons.Unit | None:
    """The lesson or topic a page presents, or None."""
    unit = context.language_state(config).units.get(page.file.src_uri)
    if unit is None and lessons.kind_of(page.file.src_uri) and file_language(page.file.src_uri, config) != current_language(config):
        # A fallback page (an untranslated Vietnamese lesson in the English build) has no unit of this
        # language: it is validated and rendered with the Vietnamese strings of its own file.
        unit, invalid = lessons.validate_unit(source_path(page.file, config), page.file.src_uri, _text_of(config, page.file.src_uri) or "")
        unit = None if invalid else unit  # reported in its own language's build
    return unit


def render_page(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """The page's Markdown with its unit's header and parts, and every marker line rendered."""
    unit = unit_of(page, config)
    if unit is not None:
        if unit.kind == "lesson":
            page.title = lessons.label(unit, context.settings(config).ui["lesson"])
        markdown = _with_parts(unit, markdown, config)
    wanted = [marker for marker in MARKERS if marker in markdown]
    if wanted:
        values = _index_values(page, config)
        for marker in wanted:
            markdown = markdown.replace(marker, render_markdown(config, MARKERS[marker], **values))
    if GLOSSARY_MARKER in wanted:
        # The glossary page gives every meaning in its tables: a term marked with its own definition there
        # would only repeat the table (sotay_boiduong.markdown_extension leaves this block alone).
        markdown = f'<div class="{NO_GLOSSARY}" markdown>\n\n{markdown}\n\n</div>\n'
    return markdown


def topic_slugs(docs_dir: str) -> list[str]:
    """The codes of the local topics that have a file in docs/chuyen-de/."""
    folder = os.path.join(docs_dir, lessons.TOPIC_DIR)
    if not os.path.isdir(folder):
        return []
    names = (name for name in os.listdir(folder) if lessons.kind_of(f"{lessons.TOPIC_DIR}/{name}") == "topic")
    return sorted({name.split(".")[0] for name in names})


def without(nav, excluded: set[str]):
    """The nav with every entry pointing at an excluded file removed (sections left empty are dropped)."""
    if nav is None:
        return None
    result = []
    for item in nav:
        if isinstance(item, str):
            if item not in excluded:
                result.append(item)
        elif isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                children = without(value, excluded)
                if children:
                    result.append({title: children})
            elif value not in excluded:
                result.append(item)
    return result


# ---------------------------------------------------------------- helpers


def _text_of(config: MkDocsConfig, src_uri: str) -> str | None:
    return context.current().sources.text(os.path.join(config.docs_dir, src_uri))


def _with_parts(unit: lessons.Unit, body: str, config: MkDocsConfig) -> str:
    settings = context.settings(config)
    label, short = lessons.label(unit, settings.ui["lesson"]), lessons.short_label(unit, settings.ui["lesson"])
    values = {
        "unit": unit,
        "data": unit.data,
        "sessions": format_number(unit.data["sessions"], settings.language),
        "locality": settings.edition.locality,
        # The home page's zip of this language's offline copy (its name names the language).
        "offline_zip": offline.zip_path(settings.offline_path, settings.language),
        "phone_title": short if layout.needs_phone_title(label, short) else None,
        "self_check": lessons.self_check_items(unit, {"true": settings.ui["self_check_true"], "false": settings.ui["self_check_false"]}),
    }
    header = render_markdown(config, "partials/lesson-header.md", **values)
    parts = render_markdown(config, "partials/lesson-parts.md", **values)
    return f"{header}\n\n{body.strip()}\n\n{parts}\n"


def _index_values(page: Page, config: MkDocsConfig) -> dict:
    here = os.path.dirname(page.file.src_uri)
    settings = context.settings(config)
    state = context.language_state(config)

    def entry(unit: lessons.Unit) -> dict:
        return {
            "unit": unit,
            "data": unit.data,
            "sessions": format_number(unit.data["sessions"], settings.language),
            "link": os.path.relpath(unit.src_uri, here).replace(os.sep, "/"),
        }

    units = state.units.values()
    lesson_units = sorted((u for u in units if u.kind == "lesson"), key=lambda u: u.number)
    # Topics in the order the edition lists them (the programme's order: ideology, inspection, mass mobilisation).
    topic_units = sorted((u for u in units if u.kind == "topic"), key=lambda u: settings.edition.topics.index(u.slug))
    return {
        "lessons": [entry(u) for u in lesson_units],
        "topics": [entry(u) for u in topic_units],
        "locality": settings.edition.locality,
        # The home page's zip of this language's offline copy (its name names the language).
        "offline_zip": offline.zip_path(settings.offline_path, settings.language),
        "abbreviations": glossary.abbreviations(state.glossary),
        "terms": glossary.terms(state.glossary),
        "letters": glossary.by_letter(glossary.terms(state.glossary)),
        "handbook_editions": [{"key": e.key, "path": e.file, "label": e.button, "offline": e.offline} for e in settings.editions if not e.proof],
        "lesson_fields": lessons.field_descriptions("lesson"),
        "topic_fields": lessons.field_descriptions("topic"),
    }
