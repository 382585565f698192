"""A diagram's picture for a slide: the same Graphviz source as the page's SVG, drawn as PNG at the size the
slide shows it (python-pptx cannot embed SVG), with the handbook's look (sotay_boiduong.diagrams.DEFAULTS).

The page's SVG says how big the drawing is; the PNG is drawn at the resolution that gives PICTURE_PPI pixels
an inch once scaled into the slide's picture box. Each PNG is kept in the diagrams' cache folder under a hash
of what it depends on (Graphviz's version, the defaults, the source, the resolution), beside the SVGs.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import subprocess
from pathlib import Path

from .. import atomic, diagrams
from . import layout
from .deck import Picture

# An emphasised box (`class="noi-bat"`) is tinted and drawn with a thick border on the page by the site's
# stylesheet; a PNG has no stylesheet, so the same look is given to Graphviz as attributes.
_EMPHASIS = re.compile(r"""\bclass\s*=\s*(?P<q>["']?)noi-bat(?P=q)""")
_EMPHASIS_LOOK = f'class="noi-bat" penwidth=2.4 fillcolor="#{layout.LIGHT}" color="#{layout.PRIMARY_DARK}"'


class Drawer:
    """Draws diagrams for slides with a diagrams.Renderer (its program, version and SVG cache)."""

    def __init__(self, renderer: diagrams.Renderer, cache: Path | None):
        self.renderer = renderer
        self.cache = cache
        self.drawn = 0

    def __call__(self, diagram: diagrams.Diagram, box: layout.Box) -> tuple[Picture | None, str]:
        """The picture of a diagram as large as it can be in `box`. A slide is wide and a page is tall: a
        diagram drawn top to bottom (Graphviz's default) is also tried left to right, and drawn so when that
        makes it at least a quarter larger; a diagram whose source sets `rankdir` is drawn as it says."""
        drawing = self.renderer.draw(diagram.source)
        if drawing.svg is None:
            return None, ""  # a diagram Graphviz cannot draw: the diagrams' own check names its line

        source, scale, size = diagram.source, *_fit(drawing.svg, box)
        across = _across(diagram.source)
        if across is not None:
            turned = self.renderer.draw(across)
            if turned.svg is not None and not turned.message:
                turned_scale, turned_size = _fit(turned.svg, box)
                if turned_scale >= 1.25 * scale:
                    source, scale, size = across, turned_scale, turned_size
        width_in, height_in = size
        dpi = round(layout.PICTURE_PPI * scale, 1)
        png = self.png(source, dpi)
        if png is None:
            return None, "Graphviz không vẽ được hình PNG"
        return Picture(png, width_in, height_in), ""

    def png(self, source: str, dpi: float) -> bytes | None:
        source = _EMPHASIS.sub(_EMPHASIS_LOOK, source)
        key = hashlib.sha256(json.dumps(["png", self.renderer.version(), diagrams.DEFAULTS, source, dpi]).encode()).hexdigest()
        cached = self.cache / f"{key}.png" if self.cache else None
        if cached is not None and cached.is_file():
            return cached.read_bytes()
        self.drawn += 1
        try:
            result = subprocess.run([self.renderer.program, "-Tpng", f"-Gdpi={dpi}", *diagrams.DEFAULTS], input=source.encode("utf-8"), capture_output=True, timeout=self.renderer.timeout)
        except (OSError, subprocess.SubprocessError):
            return None
        if result.returncode != 0 or not result.stdout.startswith(b"\x89PNG"):
            return None
        if cached is not None:
            with atomic.replacing(cached, prefix=".", suffix=".tmp") as temporary:
                Path(temporary).write_bytes(result.stdout)
        return result.stdout


def _fit(svg: str, box: layout.Box) -> tuple[float, tuple[float, float]]:
    """How much the drawing is scaled to fill the box, and the size it then has in inches."""
    width_pt, height_pt = _size(svg)
    scale = min(box.width * 72 / width_pt, box.height * 72 / height_pt)
    return scale, (width_pt * scale / 72, height_pt * scale / 72)


_GRAPH_OPEN = re.compile(r"^(\s*(?:strict\s+)?(?:di)?graph\b[^{]*\{)", re.S)


def _across(source: str) -> str | None:
    """The source drawn left to right, or None if it chooses its own direction or cannot be read so."""
    if "rankdir" in source:
        return None
    match = _GRAPH_OPEN.match(source)
    if match is None:
        return None
    return f"{match.group(1)}\n  rankdir=LR{source[match.end():]}"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    return struct.unpack(">II", png[16:24])


def _size(svg: str) -> tuple[float, float]:
    """The drawing's size in points (Graphviz's units) from the cleaned SVG's viewBox."""
    match = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
    if not match:
        return 100.0, 100.0
    return max(float(match.group(3)), 1.0), max(float(match.group(4)), 1.0)
