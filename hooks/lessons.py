"""MkDocs hook: the lesson model.

- Validates the front matter of every lesson (docs/bai-hoc/) and local topic (docs/chuyen-de/) against
  hooks/handbook/schemas/front-matter.schema.json, checks lesson numbering and that every key term is in
  the glossary; stops the build with `file:line: what — how to fix` for each problem.
- Renders the parts every lesson page has (header with number, duration and objectives; "Ghi nhớ";
  cases; review questions with collapsible answers; lecturer notes; previous/next lesson) from templates
  in overrides/partials/, and the generated lists (lesson index, topic index, glossary) where a page asks
  for them with a marker line.
- Applies the edition setting `extra.edition` (locality, included topics): a topic left out of the edition
  is removed from the files, so it is absent from the nav, the search index and the PDF.
- Keeps each glossary tooltip on the first mention of the term in a page (handbook.glossary.first_mentions).
- Appends the glossary of the page's language (docs/_glossary/<language>.md) through pymdownx.snippets,
  so Python-Markdown's `abbr` extension shows a tooltip on each term. snippets' own `auto_append` is one
  list for all languages, so this hook picks the file per page.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs puts hooks/ on sys.path while it loads a hook file (see hooks/source_check.py).
from build_language import current_language, display_path, file_language, markdown_sources, render_markdown, report
from handbook import glossary, lessons, permalinks
from handbook.languages import format_number, slugify

log = get_plugin_logger("lessons")

MARKERS = {
    "<!-- handbook:lessons -->": "partials/lesson-index.md",
    "<!-- handbook:topics -->": "partials/topic-index.md",
    "<!-- handbook:glossary -->": "partials/glossary.md",
    "<!-- handbook:lesson-fields -->": "partials/lesson-fields.md",
    "<!-- handbook:topic-fields -->": "partials/topic-fields.md",
}
GLOSSARY_DIR = "_glossary"

_units: dict[str, lessons.Unit] = {}  # src_uri → unit, for the language being built


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Vietnamese heading anchors: set here because mkdocs.yml cannot name a function of hooks/.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    edition = config.extra.get("edition") or {}
    topics = edition.get("topics")
    available = _topic_slugs(config.docs_dir)
    if not isinstance(topics, list) or not all(isinstance(slug, str) for slug in topics):
        raise PluginError(
            "mkdocs.yml: extra.edition.topics phải là danh sách mã chuyên đề, ví dụ [tu-tuong, dan-van]; "
            f"các chuyên đề hiện có: {', '.join(available)}"
        )
    unknown = [slug for slug in topics if slug not in available]
    if unknown:
        raise PluginError(
            f"mkdocs.yml: extra.edition.topics nêu chuyên đề không có tệp: {', '.join(unknown)} — Cách sửa: "
            f"tạo docs/{lessons.TOPIC_DIR}/<mã>.md hoặc chọn trong: {', '.join(available)}"
        )
    excluded = {f"{lessons.TOPIC_DIR}/{slug}.md" for slug in available if slug not in topics}
    config.nav = _without(config.nav, excluded)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    included = set(config.extra["edition"]["topics"])
    for file in list(files):
        if lessons.kind_of(file.src_uri) == "topic" and _slug(file.src_uri) not in included:
            files.remove(file)

    _units.clear()
    glossary_terms = set(_glossary_entries(config, current_language(config)))
    problems = []
    for file in markdown_sources(files, config):
        if lessons.kind_of(file.src_uri) is None:
            continue
        with open(file.abs_src_path, encoding="utf-8-sig") as handle:
            unit, found = lessons.validate_unit(display_path(file.abs_src_path), file.src_uri, handle.read())
        problems += found
        if unit is not None and not found:
            problems += glossary.missing_terms(
                unit, glossary_terms, display_path(_glossary_file(config, current_language(config)))
            )
            _units[file.src_uri] = unit
    problems += lessons.check_numbering([u for u in _units.values() if u.kind == "lesson"])
    report(log, problems, "bài học, chuyên đề")
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = current_language(config)
    unit = _unit_for(page, config)
    if unit is not None:
        if unit.kind == "lesson":
            page.title = f"{config.extra['ui']['lesson']} {unit.number}. {unit.data['title']}"
        markdown = _render_unit(unit, markdown, page, config)
    for marker, template in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render_markdown(config, template, **_index_context(page, config)))
    glossary_file = f"{GLOSSARY_DIR}/{language}.md"
    if os.path.exists(os.path.join(config.docs_dir, glossary_file)):
        markdown += f'\n\n--8<-- "{glossary_file}"\n'
    return markdown


# ---------------------------------------------------------------- helpers


def _unit_for(page: Page, config: MkDocsConfig) -> lessons.Unit | None:
    # A fallback page (an untranslated Vietnamese lesson in the English build) has no unit of this
    # language: it is read, validated and rendered with the Vietnamese strings of its own file.
    unit = _units.get(page.file.src_uri)
    if unit is None and lessons.kind_of(page.file.src_uri) and file_language(page.file.src_uri, config) != current_language(config):
        with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
            unit, _ = lessons.validate_unit(display_path(page.file.abs_src_path), page.file.src_uri, handle.read())
    return unit


def _render_unit(unit: lessons.Unit, body: str, page: Page, config: MkDocsConfig) -> str:
    language = current_language(config)
    context = {
        "unit": unit,
        "data": unit.data,
        "sessions": format_number(unit.data["sessions"], language),
        "locality": config.extra["edition"].get("locality") or "",
        "previous": None,
        "next": None,
    }
    if unit.kind == "lesson":
        ordered = sorted((u for u in _units.values() if u.kind == "lesson"), key=lambda u: u.number)
        position = next((i for i, u in enumerate(ordered) if u.src_uri == unit.src_uri), None)
        if position is not None:
            context["previous"] = _neighbour(ordered[position - 1], unit, config) if position > 0 else None
            context["next"] = _neighbour(ordered[position + 1], unit, config) if position + 1 < len(ordered) else None
    header = render_markdown(config, "partials/lesson-header.md", **context)
    parts = render_markdown(config, "partials/lesson-parts.md", **context)
    return f"{header}\n\n{body.strip()}\n\n{parts}\n"


def _neighbour(other: lessons.Unit, unit: lessons.Unit, config: MkDocsConfig) -> dict[str, str]:
    link = os.path.relpath(other.src_uri, os.path.dirname(unit.src_uri)).replace(os.sep, "/")
    return {"label": f"{config.extra['ui']['lesson']} {other.number}. {other.data['title']}", "link": link}


def _index_context(page: Page, config: MkDocsConfig) -> dict:
    here = os.path.dirname(page.file.src_uri)
    language = current_language(config)

    def entry(unit: lessons.Unit) -> dict:
        return {
            "unit": unit,
            "data": unit.data,
            "sessions": format_number(unit.data["sessions"], language),
            "link": os.path.relpath(unit.src_uri, here).replace(os.sep, "/"),
        }

    order = config.extra["edition"]["topics"]
    lesson_units = sorted((u for u in _units.values() if u.kind == "lesson"), key=lambda u: u.number)
    # Topics in the order the edition lists them (the programme's order: ideology, inspection, mass mobilisation).
    topic_units = sorted((u for u in _units.values() if u.kind == "topic"), key=lambda u: order.index(u.slug))
    entries = _glossary_entries(config, language)
    return {
        "lessons": [entry(u) for u in lesson_units],
        "topics": [entry(u) for u in topic_units],
        "locality": config.extra["edition"].get("locality") or "",
        "abbreviations": glossary.abbreviations(entries),
        "terms": glossary.terms(entries),
        "lesson_fields": lessons.field_descriptions("lesson"),
        "topic_fields": lessons.field_descriptions("topic"),
    }


def _glossary_file(config: MkDocsConfig, language: str) -> str:
    return os.path.join(config.docs_dir, GLOSSARY_DIR, f"{language}.md")


def _glossary_entries(config: MkDocsConfig, language: str) -> dict[str, str]:
    path = _glossary_file(config, language)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return glossary.parse(handle.read())


def _topic_slugs(docs_dir: str) -> list[str]:
    folder = os.path.join(docs_dir, lessons.TOPIC_DIR)
    if not os.path.isdir(folder):
        return []
    return sorted({_slug(name) for name in os.listdir(folder) if lessons.kind_of(f"{lessons.TOPIC_DIR}/{name}") == "topic"})


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


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return permalinks.label_permalinks(glossary.first_mentions(html), config.extra["ui"]["permalink"])
