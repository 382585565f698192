"""The lecturers' decks and lesson plans from MkDocs' side (hooks/slides.py wires it; the files themselves are
sotay_boiduong.bai_giang).

- Once the lesson model has read the language's lessons, every lesson gets its deck and its lesson plan,
  made by `build_decks` or taken from `.cache/slides/` beside mkdocs.yml when nothing they are made from has
  changed. They join the site's files as generated files, `giang-vien/bai-giang/bai-N.pptx` and
  `bai-N-ke-hoach.docx` in the language's folder (English under en/), so MkDocs writes them, `mkdocs serve`
  serves them, the offline copy carries them and the links to them are checked like any other link. Material
  that cannot fit a slide stops the build with `file:line: what — Cách sửa: what to shorten`.
- `<!-- handbook:lesson-slides -->` (in the lecturers' block of overrides/partials/lesson-parts.md) becomes the
  lesson's "Bài giảng" part, and `<!-- handbook:slides -->` (the organisers' page) the list of every lesson's
  files, each with its size and number of slides (overrides/partials/lesson-slides.md, slides-list.md). Both
  are for the site only (`handbook-web-only`): the printed editions leave them out, as a link to a file means
  nothing on paper; the offline copy has them.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..bai_giang import words
from ..bai_giang.build import LessonSource, build_decks, format_size
from ..bai_giang.deck import Handbook
from ..problems import Problem
from . import context
from .i18n import current_language, language_prefix, markdown_sources
from .output import render_markdown

CACHE = os.path.join(".cache", "slides")
LESSON_MARKER = "<!-- handbook:lesson-slides -->"
LIST_MARKER = "<!-- handbook:slides -->"


def add_files(files: Files, config: MkDocsConfig) -> list[Problem]:
    """Each lesson's deck and plan of the language, added to the site's files; the problems of the lessons."""
    build, state = context.current(), context.language_state(config)
    lessons = []
    for file in markdown_sources(files, config):
        unit = state.units.get(file.src_uri)
        if unit is not None and unit.kind == "lesson":
            lessons.append(LessonSource(unit, build.sources.text(file.abs_src_path) or ""))
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    outputs, problems = build_decks(lessons, _handbook(config), build.diagrams, cache_dir=root / CACHE)
    prefix = language_prefix(config)
    state.lecture_kit = {output.slug: output for output in outputs}
    for output in outputs:
        for path, content in ((output.deck_path, output.deck), (output.plan_path, output.plan)):
            file = File.generated(config, path, content=content)
            file.dest_uri = prefix + path
            files.append(file)
    return problems


def render_page(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """The page's Markdown with its slides markers rendered."""
    if LESSON_MARKER not in markdown and LIST_MARKER not in markdown:
        return markdown
    kit = context.language_state(config).lecture_kit
    here = posixpath.dirname(page.file.src_uri)
    language = current_language(config)
    labels = words.words(language, context.settings(config).ui)
    entries = [_entry(output, here, labels, language) for output in kit.values()]
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        marker = LESSON_MARKER if line.strip() == LESSON_MARKER else LIST_MARKER if line.strip() == LIST_MARKER else None
        if marker is None:
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if marker == LESSON_MARKER:
            slug = posixpath.basename(page.file.src_uri).split(".")[0]
            chosen = [e for e in entries if e["slug"] == slug]
            text = render_markdown(config, "partials/lesson-slides.md", entry=chosen[0], labels=labels) if chosen else ""
        else:
            text = render_markdown(config, "partials/slides-list.md", entries=entries, labels=labels) if entries else ""
        lines[index] = "\n".join(indent + row if row.strip() else "" for row in text.strip("\n").split("\n"))
    return "\n".join(lines)



# ---------------------------------------------------------------- helpers


def _handbook(config: MkDocsConfig) -> Handbook:
    state, settings = context.language_state(config), context.settings(config)
    return Handbook(
        language=state.language,
        words=words.words(state.language, settings.ui),
        glossary=state.glossary,
        documents=context.current().registry,
        locality=settings.edition.locality,
        programme=config.site_name or "",
    )


def _entry(output, here: str, labels, language: str) -> dict:
    return {
        "slug": output.slug,
        "lesson": output.lesson,
        "deck": posixpath.relpath(output.deck_path, here or "."),
        "plan": posixpath.relpath(output.plan_path, here or "."),
        "slides": output.slides,
        "deck_file": posixpath.basename(output.deck_path),
        "plan_file": posixpath.basename(output.plan_path),
        "deck_size": format_size(output.deck_size, labels, language),
        "plan_size": format_size(output.plan_size, labels, language),
    }
