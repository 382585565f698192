"""MkDocs hook, `mkdocs serve` only: the problems of the last save, at the top of every page.

In a build, a problem stops everything (`--strict`). In the preview, stopping would leave the browser on the
old page, waiting for a reload that never comes, while the message sits in a terminal the editor may not be
looking at. So there the checks report and go on (sotay_boiduong.adapters.output.report), and each page
opens with the list of problems, `file:line: what — Cách sửa: …` (overrides/main.html, `announce` block);
the next save that fixes them rebuilds the pages without it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sotay_boiduong.adapters import context


def on_env(env, *, config: MkDocsConfig, files):
    build = context.current()
    # The build's own list: problems reported while pages are rendered show on the pages rendered after them.
    env.globals["handbook_serve_problems"] = build.serve_problems if build.command == "serve" else []
    return env
