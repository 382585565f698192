"""MkDocs hook: each page's rendered content against the allowlist of sotay_boiduong.htmlsafety.

Runs after every other hook has added to the content (lesson parts, citation links, glossary marks), so what
is checked is what the reader gets. A finding is reported at the line of the page's Markdown source where
it was written (the front matter too: templates render it), as `file:line: what — Cách sửa: …`, and stops
the strict build; the content check (`scripts/check.sh`) collects them with everything else. Pages shown
in a language they are not written in (static-i18n's fallbacks) are checked in their own language only.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from sotay_boiduong import htmlsafety, pdf
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import current_language, source_path
from sotay_boiduong.adapters.output import report
from sotay_boiduong.problems import Problem

log = get_plugin_logger("html_safety")


@event_priority(-90)  # after the hooks that add to the content, before search and PDF take it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    if not pdf.is_own_language(getattr(page.file, "locale", None), current_language(config)):
        return html
    findings = htmlsafety.check(html)
    if findings:
        path = source_path(page.file, config)
        source = context.current().sources.text(page.file.abs_src_path) or ""
        problems = [Problem(path, htmlsafety.locate(source, f), f.message, f.fix) for f in findings]
        report(log, problems, "nội dung HTML")
    return html
