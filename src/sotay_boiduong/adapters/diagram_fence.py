"""The Markdown side of the diagrams: pymdownx.superfences calls `validator` and `format` for each ```dot block
(mkdocs.yml: markdown_extensions → pymdownx.superfences → custom_fences).

The drawing itself is sotay_boiduong.diagrams; what the build knows comes from the build's shared state: the
renderer and its cache (made by hooks/diagrams.py), the words of the page's language, and whether this is the
content check. hooks/diagrams.py has already checked every diagram of the sources, with file and line, before
any page is rendered; a diagram that still cannot be drawn here was made from data (a chain of documents): it
is reported with its page and stops the build, except in the content check, which reports it, shows Graphviz's
message in the page and goes on.
"""

from __future__ import annotations

import os

from mkdocs.plugins import get_plugin_logger
from pymdownx.superfences import SuperFencesException

from .. import diagrams
from ..markdown_extension import settings_of
from ..problems import Problem
from . import context

log = get_plugin_logger("diagrams")

_FALLBACK_SUMMARY = "Sơ đồ bằng lời"


def validator(language, inputs, options, attrs, md) -> bool:
    """Every option goes to `format`, which is where a missing caption shows (the hook names its line)."""
    options.update(inputs)
    return True


def format(source, language, class_name, options, md, **kwargs) -> str:
    """The <figure> of one diagram."""
    build = context.current_or_none()
    renderer = build.diagrams if build is not None and build.diagrams is not None else _renderer()
    dot, text, _ = diagrams.split(source)
    diagram = diagrams.Diagram(dot, options.get("caption", ""), text)
    drawing = renderer.draw(dot)
    if drawing.svg is None and dot not in renderer.reported:
        problem = Problem(_registry_path(build), 1, f"sơ đồ «{diagram.caption}» không vẽ được, Graphviz báo: «{drawing.message}»", "sơ đồ này được tạo từ dữ liệu (danh mục văn bản): sửa mục dữ liệu sai, hoặc báo lỗi cho người bảo trì mã")
        log.error(str(problem))
        if not (build is not None and build.switches.collect):
            raise SuperFencesException(str(problem))
    taken = md.__dict__.setdefault("handbook_diagram_ids", set())  # one Markdown instance per page
    summary = settings_of(md).get("diagram_text") or _FALLBACK_SUMMARY  # the page language's words
    return diagrams.figure(diagram, drawing, ident=diagrams.identifier(diagram, taken), summary=summary)


def _registry_path(build) -> str:
    """The only diagrams drawn from data are the documents' chains, made from the registry."""
    from ..documents import REGISTRY
    from .i18n import display_path

    return display_path(os.path.join(build.docs_dir, REGISTRY)) if build is not None and build.docs_dir else REGISTRY


_default: list[diagrams.Renderer] = []


def _renderer() -> diagrams.Renderer:
    """Outside a build (Markdown rendered on its own): draw without a cache folder."""
    if not _default:
        _default.append(diagrams.Renderer(None))
    return _default[0]
