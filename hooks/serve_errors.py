"""MkDocs hook, `mkdocs serve` only: the problems of the last save, at the top of every page.

In a build, a problem stops everything (`--strict`). In the preview, stopping would leave the browser on the
old page, waiting for a reload that never comes, while the message sits in a terminal the editor may not be
looking at. So there the checks report and go on (sotay_boiduong.adapters.output.report), and each page
opens with the list of problems, `file:line: what — Cách sửa: …`; the next save that fixes them rebuilds
the pages without it.
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sotay_boiduong import htmledit
from sotay_boiduong.adapters import context


@event_priority(-120)  # the last change to the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build = context.current()
    if build.command != "serve" or not build.serve_problems:
        return output
    body = htmledit.find(output, "body", what="serve error banner")[0]
    items = "".join(f"<li><code>{escape(problem)}</code></li>" for problem in dict.fromkeys(build.serve_problems))
    banner = (
        '<div class="handbook-serve-errors" role="alert" style="background:#b3261e;color:#fff;padding:1rem 1.5rem;'
        'font:0.9rem/1.5 sans-serif;position:relative;z-index:10">'
        f"<strong>Bản xem trước có {len(build.serve_problems)} lỗi; sửa rồi lưu tệp, trang tự tải lại:</strong>"
        f'<ul style="margin:0.5rem 0 0 1rem">{items}</ul></div>'
    )
    return htmledit.apply(output, [(body.start_end, body.start_end, banner)])
