"""The part "Mẫu và biểu" (docs/mau/) from MkDocs' side (hooks/mau.py wires it; the domain is sotay_boiduong.mau).

- `load` (once per build): reads the form definitions, docs/_data/mau-bieu.yml; a mistake stops the build with
  `file:line: what — how to fix`.
- `check_files`: checks each model page of the language being built against its schema and its form (a field
  the form lacks, a computed field typed, a class paper printed for learners, …), each translation against its
  Vietnamese page, and every vote threshold that any page states (sotay_boiduong.mau.claims): a wrong figure
  in a lesson, a topic or a model stops the build at its line. The pages are read from the build's sources
  (read once; a file not in UTF-8 is reported by the content check, with its bad bytes replaced here).
- `page_markdown`: a model page is rendered from its front matter (overrides/partials/mau-*.md): title, what it
  is for, when and by whom it is made, the rules it follows (linked by hooks/citations.py, listed after
  hooks/mau.py), its lessons, its status as the handbook's model, its .docx, then the body with each filled
  example and, last, the blank form; the vote table and the appeal deadline where the page asks for them; the
  list of papers where a page has <!-- handbook:models -->, and the fields of a model page's front matter (from
  its schema) where the editors' guide has <!-- handbook:model-fields -->.
- `write_documents`: each language's forms as .docx files in site/mau/ (English: site/en/mau/), from the cache in
  .cache/mau/ when they did not change (sotay_boiduong.mau.docx.build_documents). It runs at the end of each
  language's build: static-i18n runs the English build inside the Vietnamese one's on_post_build, after this has
  written the Vietnamese files, and calls it again for English.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import lessons, schema_errors
from ..mau import docx, models, site
from . import context
from .i18n import current_language, default_language, display_path, file_language, language_prefix, markdown_sources, source_path
from .output import render_markdown, report

INDEX_MARKER = "<!-- handbook:models -->"
FIELDS_MARKER = "<!-- handbook:model-fields -->"


def load(config: MkDocsConfig, log) -> None:
    build = context.current()
    if build.toolkit is not None:
        return  # read by the first language's build
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    toolkit, problems = site.Toolkit.load(config.docs_dir, lambda relative: display_path(os.path.join(config.docs_dir, relative)), root / site.CACHE)
    build.toolkit = toolkit
    report(log, problems, "mẫu biểu")


def check_files(files: Files, config: MkDocsConfig, log) -> None:
    toolkit = context.current().toolkit
    read = context.current().sources
    sources = [(source_path(f, config), f.src_uri, read.text(f.abs_src_path) or "") for f in markdown_sources(files, config)]
    editions = {edition.key: edition.audience for edition in context.settings(config).editions}
    problems = site.check_sources(toolkit, current_language(config), default_language(config), sources, lambda src_uri: _read(config, src_uri), editions)
    report(log, problems, "mẫu giấy tờ và số phiếu biểu quyết")


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    toolkit = context.current().toolkit
    if INDEX_MARKER in markdown:
        markdown = markdown.replace(INDEX_MARKER, _index(page, config, toolkit))
    if FIELDS_MARKER in markdown:
        fields = schema_errors.descriptions(models.SCHEMA, "#/$defs/model")
        words = {key: toolkit.definitions.word(key, current_language(config)) for key in toolkit.definitions.words} if toolkit.definitions else {"model_field": "?"}
        markdown = markdown.replace(FIELDS_MARKER, render_markdown(config, "partials/mau-fields.md", model_fields=fields, words=words))
    if not models.is_model_page(page.file.src_uri):
        return markdown
    language = file_language(page.file.src_uri, config)  # a fallback page keeps the words of its own language
    model = toolkit.model(language, page.file.src_uri)
    if model is None or toolkit.definitions is None:
        return markdown  # its mistakes, or the definitions', were reported in on_files
    parts = site.page_parts(toolkit, model, language, page.url, language_prefix(config), _lesson_links(page, config))
    header = render_markdown(config, "partials/mau-header.md", **parts)
    return f"{header}\n\n{_body(markdown, parts, config)}\n"


def write_documents(config: MkDocsConfig, log) -> None:
    toolkit = context.current().toolkit
    if toolkit is None or toolkit.definitions is None:
        return
    folder = Path(config.site_dir) / language_prefix(config) / docx.FOLDER
    written = docx.build_documents(toolkit.definitions, current_language(config), folder, toolkit.cache)
    log.debug(f"{len(written)} tệp .docx ({current_language(config)}) trong {folder}")


# ---------------------------------------------------------------- helpers


def _body(markdown: str, parts: dict, config: MkDocsConfig) -> str:
    """The page's body with its markers replaced; the examples it does not place follow it, then the blank form."""
    examples = {example["id"]: example for example in parts["examples"]}
    placed, pieces, position, form_placed = set(), [], 0, False
    for name, argument, start, end in models.placements(markdown):
        pieces.append(markdown[position:start])
        position = end
        if name == "example" and argument in examples:
            pieces.append(render_markdown(config, "partials/mau-example.md", example=examples[argument], **parts))
            placed.add(argument)
        elif name == "form" and parts["blank"] is not None:
            pieces.append(render_markdown(config, "partials/mau-blank.md", **parts))
            form_placed = True
        elif name == "vote-table":
            pieces.append(render_markdown(config, "partials/mau-vote-table.md", rows=site.vote_table(), **parts))
        elif name == "appeal-deadline":
            pieces.append(render_markdown(config, "partials/mau-appeal.md", appeal=site.appeal(argument, parts["language"], parts["words"]), **parts))
    pieces.append(markdown[position:])
    for example in parts["examples"]:
        if example["id"] not in placed:
            pieces.append("\n\n" + render_markdown(config, "partials/mau-example.md", example=example, **parts))
    if parts["blank"] is not None and not form_placed:
        pieces.append("\n\n" + render_markdown(config, "partials/mau-blank.md", **parts))
    return "".join(pieces)


def _lesson_links(page: Page, config: MkDocsConfig) -> dict[int, tuple[str, str]]:
    """Each lesson of this language: its label ("Bài 6. Nhiệm vụ…") and its link from `page`."""
    here = os.path.dirname(page.file.src_uri)
    ui = context.settings(config).ui
    links = {}
    for unit in context.language_state(config).units.values():
        if unit.kind == "lesson":
            links[unit.number] = (lessons.label(unit, ui["lesson"]), os.path.relpath(unit.src_uri, here).replace(os.sep, "/"))
    return links


def _index(page: Page, config: MkDocsConfig, toolkit) -> str:
    """The papers of the part, in the order of the menu, the cell's first, then the class papers."""
    language = current_language(config)
    here = os.path.dirname(page.file.src_uri)
    siblings = [child for child in (page.parent.children if page.parent else []) if getattr(child, "file", None) is not None]
    cell, lecturers = [], []
    for child in siblings:
        model = toolkit.model(language, child.file.src_uri)
        if model is None:
            continue
        entry = {"title": model.data["title"], "purpose": model.data["purpose"], "link": os.path.relpath(child.file.src_uri, here).replace(os.sep, "/")}
        (lecturers if model.for_lecturers else cell).append(entry)
    words = {key: toolkit.definitions.word(key, language) for key in toolkit.definitions.words} if toolkit.definitions else {}
    return render_markdown(config, "partials/mau-index.md", cell=cell, lecturers=lecturers, words=words)


def _read(config: MkDocsConfig, src_uri: str) -> str | None:
    return context.current().sources.text(os.path.join(config.docs_dir, src_uri))
