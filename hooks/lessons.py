"""MkDocs hook: the lesson model.

- Validates the front matter of every lesson (docs/bai-hoc/) and local topic (docs/chuyen-de/) against
  src/sotay_boiduong/schemas/front-matter.schema.json, checks lesson numbering, session plans and that every
  key term is in the glossary; stops the build with `file:line: what — how to fix` for each problem.
- Renders the parts every lesson page has (header with number, duration and objectives; "Ghi nhớ";
  cases; review questions with their answers; the lecturers' block) from templates in overrides/partials/,
  and the generated lists (lesson index, topic index, glossary) where a page asks for them with a marker
  line. The way on to the previous and next page is Material's footer alone, in the menu's order.
- Applies the edition (`extra.edition`: locality, included topics): a topic left out of the edition is
  removed from the files, so it is absent from the nav, the search index and the PDF.
- Keeps each glossary definition on the first mention of the term in a page's body text, never in a
  heading (sotay_boiduong.glossary).
- Fits a page's title on a phone (sotay_boiduong.layout): no "#" link after it, and a lesson's or topic's
  title too long for three lines shows its short form there.
- Appends the glossary of the page's language (docs/_glossary/<language>.md) through pymdownx.snippets,
  so Python-Markdown's `abbr` extension marks each term; not on the glossary page itself, whose tables
  already give every meaning. snippets' own `auto_append` is one list for all
  languages, so this hook picks the file per page.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sotay_boiduong import glossary, layout, lessons
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import current_language, default_language, display_path, file_language, markdown_sources, source_path
from sotay_boiduong.adapters.output import render_markdown, report
from sotay_boiduong.languages import format_number

log = get_plugin_logger("lessons")

GLOSSARY_MARKER = "<!-- handbook:glossary -->"
MARKERS = {
    "<!-- handbook:lessons -->": "partials/lesson-index.md",
    "<!-- handbook:topics -->": "partials/topic-index.md",
    GLOSSARY_MARKER: "partials/glossary.md",
    "<!-- handbook:lesson-fields -->": "partials/lesson-fields.md",
    "<!-- handbook:topic-fields -->": "partials/topic-fields.md",
    # The home page's downloads (HTML, marked for the screen only: the printed books leave them out).
    "<!-- handbook:downloads -->": "partials/handbook-actions.html",
}
GLOSSARY_DIR = "_glossary"


@event_priority(90)  # once hooks/settings.py has checked the edition
def on_pre_build(*, config: MkDocsConfig) -> None:
    edition = context.settings(config).edition
    available = {name.split(".")[0] for name in _topic_files(config.docs_dir)}
    excluded = {f"{lessons.TOPIC_DIR}/{slug}.md" for slug in available if slug not in edition.topics}
    config.nav = _without(config.nav, excluded)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    edition = context.settings(config).edition
    for file in list(files):
        if lessons.kind_of(file.src_uri) == "topic" and _slug(file.src_uri) not in edition.topics:
            files.remove(file)

    state = context.language_state(config)
    state.units.clear()
    state.glossary = _glossary_entries(config, state.language)
    problems, numbered = [], []
    for file in markdown_sources(files, config):
        if lessons.kind_of(file.src_uri) is None:
            continue
        unit, found = lessons.validate_unit(source_path(file, config), file.src_uri, file.content_string)
        problems += found
        if unit is not None and unit.kind == "lesson":
            numbered.append(unit)  # a lesson with another mistake still holds its number: no false "missing lesson"
        if unit is not None and not found:
            problems += glossary.missing_terms(unit, set(state.glossary), display_path(_glossary_file(config, state.language)))
            state.units[file.src_uri] = unit
    problems += lessons.check_numbering(numbered)
    if state.language != default_language(config):
        problems += lessons.check_twins(numbered, lambda src_uri: _read_source(config, src_uri))
    report(log, problems, "bài học, chuyên đề")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = current_language(config)
    unit = _unit_for(page, config)
    if unit is not None:
        if unit.kind == "lesson":
            page.title = lessons.label(unit, context.settings(config).ui["lesson"])
        markdown = _render_unit(unit, markdown, page, config)
    # The glossary page lists every term with its meaning: marks there would only repeat the table.
    glossary_page = GLOSSARY_MARKER in markdown
    for marker, template in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render_markdown(config, template, **_index_context(page, config)))
    glossary_file = f"{GLOSSARY_DIR}/{language}.md"
    if not glossary_page and _readable_glossary(config, language) is not None:
        markdown += f'\n\n--8<-- "{glossary_file}"\n'
    return markdown


# ---------------------------------------------------------------- helpers


def _units(config: MkDocsConfig) -> dict[str, lessons.Unit]:
    return context.language_state(config).units


def _unit_for(page: Page, config: MkDocsConfig) -> lessons.Unit | None:
    # A fallback page (an untranslated Vietnamese lesson in the English build) has no unit of this
    # language: it is read, validated and rendered with the Vietnamese strings of its own file.
    unit = _units(config).get(page.file.src_uri)
    if unit is None and lessons.kind_of(page.file.src_uri) and file_language(page.file.src_uri, config) != current_language(config):
        unit, invalid = lessons.validate_unit(source_path(page.file, config), page.file.src_uri, page.file.content_string)
        unit = None if invalid else unit  # reported in its own language's build
    return unit


def _render_unit(unit: lessons.Unit, body: str, page: Page, config: MkDocsConfig) -> str:
    settings = context.settings(config)
    values = {
        "unit": unit,
        "data": unit.data,
        "sessions": format_number(unit.data["sessions"], settings.language),
        "locality": settings.edition.locality,
    }
    label, short = lessons.label(unit, settings.ui["lesson"]), lessons.short_label(unit, settings.ui["lesson"])
    values["phone_title"] = short if layout.needs_phone_title(label, short) else None
    header = render_markdown(config, "partials/lesson-header.md", **values)
    parts = render_markdown(config, "partials/lesson-parts.md", **values)
    return f"{header}\n\n{body.strip()}\n\n{parts}\n"


def _index_context(page: Page, config: MkDocsConfig) -> dict:
    here = os.path.dirname(page.file.src_uri)
    settings = context.settings(config)

    def entry(unit: lessons.Unit) -> dict:
        return {
            "unit": unit,
            "data": unit.data,
            "sessions": format_number(unit.data["sessions"], settings.language),
            "link": os.path.relpath(unit.src_uri, here).replace(os.sep, "/"),
        }

    order = settings.edition.topics
    units = _units(config).values()
    lesson_units = sorted((u for u in units if u.kind == "lesson"), key=lambda u: u.number)
    # Topics in the order the edition lists them (the programme's order: ideology, inspection, mass mobilisation).
    topic_units = sorted((u for u in units if u.kind == "topic"), key=lambda u: order.index(u.slug))
    entries = context.language_state(config).glossary
    return {
        "lessons": [entry(u) for u in lesson_units],
        "topics": [entry(u) for u in topic_units],
        "locality": settings.edition.locality,
        "abbreviations": glossary.abbreviations(entries),
        "terms": glossary.terms(entries),
        "handbook_editions": [{"key": key, "path": path} for key, path in settings.editions.items()],
        "lesson_fields": lessons.field_descriptions("lesson"),
        "topic_fields": lessons.field_descriptions("topic"),
    }


def _read_source(config: MkDocsConfig, src_uri: str) -> str | None:
    try:
        with open(os.path.join(config.docs_dir, src_uri), encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None  # reported by the source checks


def _glossary_file(config: MkDocsConfig, language: str) -> str:
    return os.path.join(config.docs_dir, GLOSSARY_DIR, f"{language}.md")


def _glossary_entries(config: MkDocsConfig, language: str) -> dict[str, str]:
    return glossary.parse(_readable_glossary(config, language) or "")


def _readable_glossary(config: MkDocsConfig, language: str) -> str | None:
    """The glossary file's text, or None if there is none or it is not UTF-8 (hooks/source_check.py reports
    that with its line; the pages are then built without the glossary instead of stopping with a traceback)."""
    try:
        with open(_glossary_file(config, language), encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _topic_files(docs_dir: str) -> list[str]:
    folder = os.path.join(docs_dir, lessons.TOPIC_DIR)
    if not os.path.isdir(folder):
        return []
    return [name for name in os.listdir(folder) if lessons.kind_of(f"{lessons.TOPIC_DIR}/{name}") == "topic"]


def _slug(src_uri: str) -> str:
    return PurePosixPath(src_uri).name.split(".")[0]


def _without(nav, excluded: set[str]):
    """The nav with every entry pointing at an excluded file removed (sections left empty are dropped)."""
    if nav is None:
        return None
    result = []
    for item in nav:
        if isinstance(item, str):
            if item not in excluded:
                result.append(item)
        elif isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                children = _without(value, excluded)
                if children:
                    result.append({title: children})
            elif value not in excluded:
                result.append(item)
    return result
