"""MkDocs hook: diagrams drawn at build time into inline SVG (sotay_boiduong.diagrams).

- Before the build reads any page, Graphviz must be installed; the build gets one renderer, which keeps each
  drawing in `.cache/diagrams/` beside mkdocs.yml, under a hash of what it depends on: a rebuild draws only
  the diagrams that changed.
- Every ```dot block of the language's sources is drawn (or found in the cache) and checked: a diagram
  without a caption or a text alternative, or one that Graphviz cannot draw, stops the build at its file and
  line, with Graphviz's own message.
- The fence formatter (sotay_boiduong.adapters.diagram_fence) takes the words around the picture from the
  page's Markdown instance (the handbook's extension speaks the page's language).
The diagrams of document chains are written by overrides/partials/document-*.md from the registry
(hooks/citations.py); a mistake in the registry is reported by the registry's own check.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from sotay_boiduong import diagrams
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import markdown_sources, source_path
from sotay_boiduong.adapters.output import report

log = get_plugin_logger("diagrams")
CACHE = os.path.join(".cache", "diagrams")


def on_pre_build(*, config: MkDocsConfig) -> None:
    build = context.current()
    if build.diagrams is not None:
        return  # made by the first language's build
    if shutil.which("dot") is None:
        raise PluginError("Không tìm thấy chương trình `dot` của Graphviz, cần để vẽ các sơ đồ — Cách sửa: chạy `bash scripts/build.sh` (tự cài gói Debian graphviz) hoặc `apt-get install graphviz`")
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    build.diagrams = diagrams.Renderer(root / CACHE)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = context.current()
    problems = []
    for file in markdown_sources(files, config, with_excluded=True):
        problems += diagrams.check(source_path(file, config), build.sources.text(file.abs_src_path) or "", build.diagrams)
    report(log, problems, "sơ đồ")
    return files
