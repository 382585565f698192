"""The class kit's part of the handbook (sotay_boiduong.lop; hooks/class_kit.py wires it).

Where a page asks for it with a marker line, renders from overrides/partials/:
- `<!-- handbook:class-timetables -->` the model timetables of a 5-day and a 4-day class, planned at build time
  by the same rules as `bash scripts/class.sh` (sotay_boiduong.lop.plan), with the lessons and local topics of
  the language being built, so the page and the command never disagree;
- `<!-- handbook:class-fields -->` the keys of a class file, from schemas/class.schema.json, and
  `<!-- handbook:class-example -->` the copy-ready class file lop/mau.yml as it is;
- `<!-- handbook:thu-hoach-questions -->`, `-rubric -->`, `-length -->` the written reflection's suggested
  questions, its rubric and grades, its length, from docs/_data/thu-hoach.yml (checked against its schema:
  a mistake stops the build with `file:line: what — how to fix`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..lop import pages, words
from ..lop.catalogue import THU_HOACH, Catalogue, Topic, load_thu_hoach
from . import context
from .i18n import current_language, display_path
from .output import render_markdown, report

MARKERS = {
    "<!-- handbook:class-timetables -->": "partials/class-timetables.md",
    "<!-- handbook:class-fields -->": "partials/class-fields.md",
    "<!-- handbook:thu-hoach-questions -->": "partials/thu-hoach-questions.md",
    "<!-- handbook:thu-hoach-rubric -->": "partials/thu-hoach-rubric.md",
    "<!-- handbook:thu-hoach-length -->": "partials/thu-hoach-length.md",
    "<!-- handbook:class-example -->": "partials/class-example.md",
}
EXAMPLE = "lop/mau.yml"  # the copy-ready class file, beside mkdocs.yml




def render_page(markdown: str, config: MkDocsConfig, log) -> str:
    """The page's Markdown with each of the class kit's markers rendered."""
    wanted = [marker for marker in MARKERS if marker in markdown]
    if not wanted:
        return markdown
    values = _values(config, log, needs_thu_hoach=any("thu-hoach" in marker for marker in wanted))
    if values is None:
        return markdown
    for marker in wanted:
        markdown = markdown.replace(marker, render_markdown(config, MARKERS[marker], **values))
    return markdown


def _catalogue(config: MkDocsConfig, language: str) -> Catalogue:
    """The lessons and local topics of this language's build, as the lesson model validated them."""
    units = context.language_state(config).units.values()
    lessons = {u.number: u.data["title"] for u in units if u.kind == "lesson"}
    topics = {u.slug: Topic(u.slug, u.data["title"], float(u.data.get("sessions", 1))) for u in units if u.kind == "topic"}
    return Catalogue(language, lessons, topics)


def _example(config: MkDocsConfig) -> str:
    text = context.current().sources.text(Path(config.config_file_path or "mkdocs.yml").parent / EXAMPLE)
    return text.rstrip("\n") if text is not None else ""


def _values(config: MkDocsConfig, log, *, needs_thu_hoach: bool) -> dict | None:
    language = current_language(config)
    catalogue = _catalogue(config, language)
    edition_topics = [code for code in context.settings(config).edition.topics if code in catalogue.topics]
    values = {
        "labels": words.words(language),
        "models": pages.model_timetables(catalogue, edition_topics, language),
        "class_fields": pages.class_fields(language),
        "thu_hoach": None,
        "example": _example(config),
    }
    if needs_thu_hoach:
        path = Path(config.docs_dir) / THU_HOACH
        thu_hoach, problems = load_thu_hoach(path)
        problems = [replace(p, path=display_path(str(path))) for p in problems]
        report(log, problems, "đề thu hoạch và thang chấm")
        if thu_hoach is None:
            return None
        values["thu_hoach"] = pages.thu_hoach_values(thu_hoach, catalogue, language)
    return values
