"""Every lesson's deck and lesson plan of one language, made or taken from the cache.

`build_decks` is the plain function the MkDocs hook (hooks/slides.py) and the tests call. Each lesson's two
files are kept in `cache_dir` under a hash of everything they are made from: the lesson's file, the
language's words, the glossary, the document registry, the edition's locality, the programme's name,
Graphviz's version, the fonts the measures use, python-pptx's and python-docx's versions and this package's
code. An unchanged lesson costs reading three small files; a lesson with a problem is not cached, so the
problem is reported again at every build until it is fixed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .. import atomic, diagrams
from ..languages import format_number
from ..lessons import Unit
from ..problems import Problem
from . import deck as deck_module
from . import layout, pictures, plan, powerpoint

FOLDER = "giang-vien/bai-giang"  # in each language's folder of the site
_PACKAGE = Path(__file__).parent
_CODE_FILES = sorted(_PACKAGE.glob("*.py")) + [_PACKAGE.parent / name for name in ("diagrams.py", "documents.py", "lessons.py", "languages.py", "lop/report.py")]


@dataclass(frozen=True)
class LessonSource:
    """A validated lesson and its file's text."""

    unit: Unit
    text: str


@dataclass(frozen=True)
class Output:
    """One lesson's two files: where they go in the language's folder, their bytes and what the links say."""

    lesson: int
    slug: str  # bai-3
    deck_path: str  # giang-vien/bai-giang/bai-3.pptx
    plan_path: str  # giang-vien/bai-giang/bai-3-ke-hoach.docx
    deck: bytes
    plan: bytes
    slides: int

    @property
    def deck_size(self) -> int:
        return len(self.deck)

    @property
    def plan_size(self) -> int:
        return len(self.plan)


def build_decks(
    lessons: Iterable[LessonSource],
    handbook: deck_module.Handbook,
    renderer: diagrams.Renderer,
    *,
    out_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> tuple[list[Output], list[Problem]]:
    """The deck and the lesson plan of each lesson, in lesson order, and the problems of those that cannot be
    made. With `out_dir`, the files are also written there (a file whose bytes did not change is left alone,
    so `mkdocs serve` does not see a change)."""
    drawer = pictures.Drawer(renderer, renderer.cache)
    common = _common_key(handbook, renderer)
    outputs: list[Output] = []
    problems: list[Problem] = []
    for source in sorted(lessons, key=lambda s: (s.unit.number or 0, s.unit.src_uri)):
        slug = source.unit.slug
        key = hashlib.sha256(json.dumps([common, source.unit.src_uri, source.text]).encode("utf-8")).hexdigest()
        cached = _read_cache(cache_dir, key)
        if cached is None:
            deck, found = deck_module.build(source.unit, source.text, handbook, drawer)
            if deck is None:
                problems += found
                continue
            deck_bytes = powerpoint.write(deck)
            plan_bytes = plan.write(plan.make(source.unit, handbook.words, handbook.language, deck))
            cached = (deck_bytes, plan_bytes, len(deck.slides))
            _write_cache(cache_dir, key, *cached)
        deck_bytes, plan_bytes, count = cached
        output = Output(source.unit.number or 0, slug, f"{FOLDER}/{slug}.pptx", f"{FOLDER}/{slug}-ke-hoach.docx", deck_bytes, plan_bytes, count)
        outputs.append(output)
        if out_dir is not None:
            _write_if_changed(out_dir / output.deck_path, deck_bytes)
            _write_if_changed(out_dir / output.plan_path, plan_bytes)
    return outputs, sorted(set(problems))


def format_size(size: int, words, language: str) -> str:
    """310 kB, 1,2 MB (the language's decimal mark)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} {words['kilobytes']}"
    return f"{format_number(round(size / 1_000_000, 1), language)} {words['megabytes']}"


# ---------------------------------------------------------------- helpers


def _common_key(handbook: deck_module.Handbook, renderer: diagrams.Renderer) -> str:
    code = hashlib.sha256()
    for path in _CODE_FILES:
        code.update(path.read_bytes())
    documents = {key: getattr(document, "data", document) for key, document in sorted(handbook.documents.items())}
    parts = [
        code.hexdigest(),
        layout.fingerprint(),
        _version("python-pptx"),
        _version("python-docx"),
        renderer.version(),
        handbook.language,
        sorted(handbook.words.items()),
        sorted(handbook.glossary.items()),
        documents,
        handbook.locality,
        handbook.programme,
    ]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode("utf-8")).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _read_cache(cache_dir: Path | None, key: str) -> tuple[bytes, bytes, int] | None:
    if cache_dir is None:
        return None
    try:
        facts = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return (cache_dir / f"{key}.pptx").read_bytes(), (cache_dir / f"{key}.docx").read_bytes(), int(facts["slides"])
    except (OSError, ValueError, KeyError):
        return None


def _write_cache(cache_dir: Path | None, key: str, deck: bytes, plan_bytes: bytes, slides: int) -> None:
    """The two files, then the facts that say they are whole: a reader that finds the facts finds the files
    (two builds side by side, the site and its offline copy, may write the same lesson)."""
    if cache_dir is None:
        return
    _write_if_changed(cache_dir / f"{key}.pptx", deck)
    _write_if_changed(cache_dir / f"{key}.docx", plan_bytes)
    _write_if_changed(cache_dir / f"{key}.json", json.dumps({"slides": slides}).encode("utf-8"))


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    with atomic.replacing(path, prefix=".", suffix=".tmp") as temporary:
        Path(temporary).write_bytes(data)
