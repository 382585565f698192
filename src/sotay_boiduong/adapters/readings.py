"""The documents a handbook cites (hooks/citations.py wires it): the registry, citations that link themselves,
the document pages and the reading list.

- docs/_data/van-ban.yml is loaded once per build (sotay_boiduong.documents); any mistake in it stops the build.
- Every citation in lessons, topics, guides and document pages is checked (sotay_boiduong.citations), with the
  documents and articles a unit's front matter names in `sources`: an article the Charter does not have, or a
  document missing from the registry, stops the build naming the file, the line and the citation.
- In lesson and topic pages, and in the model papers of docs/mau/, each citation links to its article anchor or
  document page, with the document's status as tooltip, and a link to the document in force after a replaced one.
- A document page (front matter `document: <id>`) gets its header with metadata and status, a page with
  <!-- handbook:documents --> the reading list, and the Charter's page, under each article, the lessons that
  cite it.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import checks, citations, diagrams, documents, lessons
from ..mau.models import is_model_page
from ..problems import Problem
from ..sources import check_front_matter
from . import context
from .i18n import current_language, display_path, markdown_sources, source_path
from .output import render_markdown

READING_LIST = "van-ban/index.md"
MARKER = "<!-- handbook:documents -->"
_ARTICLE_HEADING = re.compile(r"^###\s.*\{\s*#dieu-(\d+)\s*\}\s*$")


def load_registry(config: MkDocsConfig) -> list[Problem]:
    """The registry, into the build's state, once per build (both languages cite the same documents)."""
    build = context.current()
    if build.registry:
        return []  # read in the first language's build
    path = os.path.join(config.docs_dir, documents.REGISTRY)
    source = build.sources.file(path)
    registry, problems = ({}, []) if source is None else documents.load_registry_bytes(display_path(path), source.data)
    build.registry = registry
    return problems


def check_citations(files: Files, config: MkDocsConfig) -> list[Problem]:
    """Every citation of the language's sources; who cites which article of the Charter, for its page."""
    build = context.current()
    registry = build.registry
    language = current_language(config)
    citers: dict[int, dict[str, str]] = defaultdict(dict)  # article → {src_uri: label}
    pages = {file.src_uri for file in files if file.src_uri.endswith(".md")}
    problems = documents.check_pages(display_path(os.path.join(config.docs_dir, documents.REGISTRY)), registry, pages)
    units = context.language_state(config).units
    lesson_word = context.settings(config).ui["lesson"]
    for file in markdown_sources(files, config):
        source = build.sources.file(file.abs_src_path)
        text = source.text if source is not None else ""
        path = source_path(file, config)
        if lessons.kind_of(file.src_uri) is None:
            problems += _check_document_page(path, text, registry)
            # A guide or a document page may cite too: an article or a document that does not exist is as wrong there.
            problems += citations.check(citations.find(text, language), registry, path)
            continue
        found = citations.find(text, language, include_headings=True)
        problems += citations.check(found, registry, path)
        unit = units.get(file.src_uri)  # None when its front matter has mistakes: reported by hooks/lessons.py
        label = lessons.label(unit, lesson_word) if unit else file.src_uri
        for citation in found:
            if citation.is_article:
                citers[citation.article][file.src_uri] = label
        if unit is not None:
            problems += _check_sources(unit, registry)
            problems += _check_rules(unit, language)
            for source_entry in unit.data.get("sources", []):
                if source_entry.get("document") == citations.CHARTER:
                    for article in source_entry.get("articles", []):
                        citers[article][file.src_uri] = label
    context.language_state(config).citers = citers
    return problems


def render_page(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Citations linked, a document page's header, the Charter's backlinks and the reading list."""
    registry = context.current().registry
    src_uri = page.file.src_uri
    if lessons.kind_of(src_uri) is not None or is_model_page(src_uri):  # model papers cite like lessons
        markdown = citations.link(markdown, registry, current_language(config), _targets(src_uri, registry), context.settings(config).ui["now_is"])
    document_id = page.meta.get("document")
    if document_id in registry:
        header = render_markdown(config, "partials/document-header.md", document=registry[document_id], **_context(src_uri, config))
        markdown = f"{header}\n\n{markdown}"
    if document_id == citations.CHARTER:
        markdown = _with_backlinks(markdown, src_uri, config)
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, render_markdown(config, "partials/document-list.md", **_context(src_uri, config)))
    return markdown




def _check_document_page(path: str, text: str, registry) -> list[Problem]:
    """A page that presents a document (front matter `document: <id>`) must name one in the registry."""
    meta, _ = check_front_matter(path, text) if text else ({}, [])
    document_id = meta.get("document")
    if document_id is None or document_id in registry:
        return []
    line = checks.front_matter_line(text, "document", 1)
    return [Problem(path, line, f"trường `document`: mã văn bản `{document_id}` không có trong danh mục văn bản", "dùng một mã có trong docs/_data/van-ban.yml (trường `id`)")]


def _check_sources(unit: lessons.Unit, registry) -> list:
    problems = []
    line = unit.key_lines.get("sources", 1)
    for source in unit.data.get("sources", []):
        document = registry.get(source.get("document"))
        if document is None:
            problems.append(Problem(unit.path, line, f"trường `sources`: mã văn bản `{source.get('document')}` không có trong danh mục văn bản", "dùng một mã có trong docs/_data/van-ban.yml (trường `id`), hoặc thêm văn bản vào đó"))
            continue
        limit = document.articles
        for article in source.get("articles", []):
            if limit and article > limit:
                problems.append(Problem(unit.path, line, f"trường `sources`: {document.short_name('vi')} chỉ có {limit} điều, không có Điều {article}", "sửa số điều cho đúng"))
    return problems


def _check_rules(unit: lessons.Unit, language: str) -> list[Problem]:
    """The rule of each self-check question is a citation, which the page links to its article or document."""
    problems = []
    for index, item in enumerate(unit.data.get("self_check") or []):
        problem = citations.rule_problem(item["rule"], language)
        if problem:
            problems.append(
                Problem(
                    unit.path,
                    unit.line("self_check", index, "rule"),
                    f"trường `self_check` → câu {index + 1}, `rule`: {problem}",
                    f"viết căn cứ như một trích dẫn, ví dụ {citations.RULE_EXAMPLES.get(language, citations.RULE_EXAMPLES['vi'])}, "
                    "với văn bản có trong docs/_data/van-ban.yml",
                )
            )
    return problems


def _targets(src_uri: str, registry) -> dict[str, str]:
    """Where each document links from this page: its own page, else its entry in the reading list."""
    here = os.path.dirname(src_uri)
    targets = {}
    for document in registry.values():
        if document.page:
            targets[document.id] = os.path.relpath(document.page, here).replace(os.sep, "/")
        else:
            targets[document.id] = os.path.relpath(READING_LIST, here).replace(os.sep, "/") + f"#{document.id}"
    return targets


def _context(src_uri: str, config: MkDocsConfig) -> dict:
    registry = context.current().registry
    language = current_language(config)
    groups = defaultdict(list)
    for document in registry.values():
        groups[document.status].append(document)
    return {
        "documents": registry,
        "groups": [(status, documents.STATUS_LABELS[language][status], groups[status]) for status in documents.STATUSES if groups[status]],
        "targets": _targets(src_uri, registry),
        "language": language,
        "status_labels": documents.STATUS_LABELS[language],
        "chain": lambda document_id: documents.chain(registry, document_id),
        "current": lambda document_id: documents.current_version(registry, document_id),
        "date": lambda value: documents.format_date(value, language),
        "chain_diagram": lambda document_id, here: _chain_diagram(registry, document_id, language, config, here),
    }


def _chain_diagram(registry, document_id: str, language: str, config: MkDocsConfig, here: bool) -> str:
    """The Markdown of the diagram of a document's chain of replacements, or "" when it has none."""
    ui = context.settings(config).ui
    words = {"caption": ui["doc_chain_caption"], "replaced_by": ui["replaced_by"], "this_page": ui["diagram_this_page"]}
    diagram = diagrams.chain(registry, document_id, language, words, page=document_id if here else None)
    return diagrams.fence(diagram) if diagram else ""


def _with_backlinks(markdown: str, src_uri: str, config: MkDocsConfig) -> str:
    """Under each article of the Charter page, the lessons and topics that cite it."""
    here = os.path.dirname(src_uri)
    citers = context.language_state(config).citers
    lines, result, pending = markdown.split("\n"), [], None

    def flush():
        if pending is not None and citers.get(pending):
            links = ", ".join(
                f"[{label}]({os.path.relpath(uri, here).replace(os.sep, '/')})" for uri, label in sorted(citers[pending].items(), key=lambda item: item[0])
            )
            result.extend(["", f"{context.settings(config).ui['cited_in']}: {links}", "{ .handbook-backlinks }", ""])

    for line in lines:
        heading = _ARTICLE_HEADING.match(line)
        if heading or line.startswith("## "):
            flush()
            pending = int(heading.group(1)) if heading else None
        result.append(line)
    flush()
    return "\n".join(result)

