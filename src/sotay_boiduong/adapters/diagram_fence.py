"""The Markdown side of the diagrams: pymdownx.superfences calls `validator` and `format` for each ```dot block
(mkdocs.yml: markdown_extensions → pymdownx.superfences → custom_fences).

The drawing itself is sotay_boiduong.diagrams; what the build knows comes from the build's shared state: the
renderer and its cache (made by hooks/diagrams.py), the words of the page's language, and whether this is the
content check. hooks/diagrams.py has already checked every diagram of the sources, with file and line, before
any page is rendered; a diagram that still cannot be drawn here was made from data (a chain of documents), and
stops the build, except in the content check, which shows Graphviz's message in the page and goes on.
"""

from __future__ import annotations

from pymdownx.superfences import SuperFencesException

from .. import diagrams
from . import context

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
    if drawing.svg is None and not (build is not None and build.switches.collect):
        raise SuperFencesException(f"Sơ đồ «{diagram.caption}» không vẽ được, Graphviz báo: «{drawing.message}»")
    taken = md.__dict__.setdefault("handbook_diagram_ids", set())  # one Markdown instance per page
    return diagrams.figure(diagram, drawing, ident=diagrams.identifier(diagram, taken), summary=_summary(build))


def _summary(build) -> str:
    state = build.languages.get(build.page_language) if build is not None else None
    return state.settings.ui["diagram_text"] if state is not None and state.settings is not None else _FALLBACK_SUMMARY


_default: list[diagrams.Renderer] = []


def _renderer() -> diagrams.Renderer:
    """Outside a build (Markdown rendered on its own): draw without a cache folder."""
    if not _default:
        _default.append(diagrams.Renderer(None))
    return _default[0]
