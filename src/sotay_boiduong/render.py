"""The render stage: HTML documents into PDF files with WeasyPrint, in worker processes that one owner holds
from start to end (the whole build, scripts/build.py; a bare `mkdocs build` with HANDBOOK_PDF=1; the class kit).

- `RenderStage` is a context manager around a `ProcessPoolExecutor` with the *forkserver* start method, whose
  server imports WeasyPrint once (`set_forkserver_preload`): each worker is forked from that small,
  single-threaded process, not from a build that runs Jinja, static-i18n and threads of its own (forking
  those is what Python warns against), and starts in milliseconds instead of the second and a half a new
  interpreter needs to import WeasyPrint. Workers are as many as the cores this process may use
  (`os.sched_getaffinity`, not the machine's count), or fewer when the owner asks.
- A task renders one file (`render`): its page references are checked before the PDF is written. WeasyPrint
  fills "(xem trang N)" and the contents' page numbers with target-counter(), and when a heading moves on to the
  next page after it was first laid out (a title kept with its text, a part sent to a right-hand page) the
  references to it can keep the first page. So every reference's printed number is compared with the page
  where its target ended up; if any differs, all references are written into the document as plain numbers
  (data-page, which the edition's stylesheet prints instead of the counter) and the document is laid out
  again, until they agree.
- WeasyPrint's warnings in a worker (a CSS property it ignores, an image it cannot load) come back with the
  task's report, for the owner to log where `--strict` counts them.
- The PDF is written beside its place and moved there whole (sotay_boiduong.atomic): a reader never gets half
  of one, and a failed render leaves no partial file.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic

MAX_PASSES = 4
_NUMBER = re.compile(r"(\d+)\)?\s*$")


class RenderError(RuntimeError):
    """A document could not be rendered as it should be."""


@dataclass(frozen=True)
class RenderTask:
    """One PDF to make: from an HTML file (`source`) or from HTML held in memory (`html`)."""

    out: Path
    label: str  # how messages name it: "vi/hoc-vien", "lich-hoc"
    source: Path | None = None
    html: str | None = None
    base_url: str | None = None  # where relative addresses in the document resolve (default: the source's folder)
    notes_pages: int = 0  # the document ends with this many pages for notes, of which only as many are kept
    multiple: int = 1  # as make the page count a multiple of this (a booklet: 4)
    weight: float = 1.0  # how long it takes, roughly: the stage starts the longest first

    def to_json(self) -> dict:
        return {key: (str(value) if isinstance(value, Path) else value) for key, value in self.__dict__.items()}

    @classmethod
    def from_json(cls, data: dict) -> RenderTask:
        paths = {key: Path(data[key]) for key in ("out", "source") if data.get(key)}
        return cls(**{**data, **paths})


@dataclass(frozen=True)
class RenderReport:
    label: str
    out: Path
    pages: int
    passes: int
    seconds: float
    warnings: tuple[str, ...] = field(default_factory=tuple)


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may give it fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class RenderStage:
    """Worker processes for render tasks, held from `with` to its end (see the module)."""

    def __init__(self, workers: int | None = None):
        self.workers = max(1, workers or available_cores())
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> RenderStage:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["sotay_boiduong.render", "weasyprint"])
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return self

    def __exit__(self, kind, error, traceback) -> None:
        # A failed or interrupted build starts nothing more and does not wait for what it will throw away
        # longer than the tasks already running take.
        self._pool.shutdown(wait=True, cancel_futures=kind is not None)
        self._pool = None

    def submit(self, task: RenderTask) -> Future:
        """Start `task` as soon as a worker is free; the future's result is its RenderReport."""
        if self._pool is None:
            raise RuntimeError("RenderStage.submit outside its `with` block")
        return self._pool.submit(render, task)


def render_all(tasks: Iterable[RenderTask], workers: int | None = None) -> list[RenderReport]:
    """Render every task, the longest first, on a stage of its own; RenderError naming each that failed."""
    ordered = sorted(tasks, key=lambda task: -task.weight)
    if not ordered:
        return []
    with RenderStage(min(workers or available_cores(), len(ordered))) as stage:
        futures = [(task, stage.submit(task)) for task in ordered]
        return collect(futures)


def collect(futures: Iterable[tuple[RenderTask, Future]]) -> list[RenderReport]:
    """The reports of `futures` in order; RenderError listing every task that failed."""
    reports, failures = [], []
    for task, future in futures:
        try:
            reports.append(future.result())
        except Exception as error:  # the worker's own exception, passed back
            failures.append(f"{task.label}: {error}")
    if failures:
        raise RenderError("\n".join(failures))
    return reports


# ---------------------------------------------------------------- in a worker


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(task: RenderTask) -> RenderReport:
    """Render one task (see the module); WeasyPrint's warnings are returned, not printed."""
    from weasyprint import HTML

    started = time.monotonic()
    html = task.html if task.html is not None else task.source.read_text(encoding="utf-8")
    base_url = task.base_url or (str(task.source.parent) if task.source else None)
    weasyprint_log = logging.getLogger("weasyprint")
    caught = _Warnings()
    weasyprint_log.addHandler(caught)
    previous, weasyprint_log.propagate = weasyprint_log.propagate, False
    try:
        for passes in range(1, MAX_PASSES + 1):
            document = HTML(string=html, base_url=base_url).render()
            pages, wrong = where_targets_are(document)
            if not wrong:
                break
            if passes == MAX_PASSES:
                raise RenderError(f"{task.out}: page references still disagree after {MAX_PASSES} layouts: {wrong[:5]}")
            html = pin_page_numbers(html, pages)
        if task.notes_pages:
            content = len(document.pages) - task.notes_pages
            keep = content + (-content) % task.multiple
            if keep > len(document.pages):
                raise RenderError(f"{task.out}: {content} pages need {keep - content} pages of notes, more than the {task.notes_pages} the document has")
            document = document.copy(document.pages[:keep])
        # The site's files are readable by all.
        with atomic.replacing(task.out, mode=0o644) as partial:
            document.write_pdf(partial)
    finally:
        weasyprint_log.removeHandler(caught)
        weasyprint_log.propagate = previous
    return RenderReport(task.label, task.out, len(document.pages), passes, round(time.monotonic() - started, 2), tuple(dict.fromkeys(caught.messages)))


def where_targets_are(document) -> tuple[dict[str, int], list[tuple[int, str, int, int]]]:
    """({anchor: page number}, [(page, anchor, number printed, real page)] for every reference that prints
    a number other than its target's page)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    wrong = []
    for number, page in enumerate(document.pages, start=1):
        for kind, target, _, box in page.links:
            if kind != "internal":
                continue
            printed = _printed_number(box)
            if printed is not None and printed != pages.get(target):
                wrong.append((number, target, printed, pages.get(target)))
    return pages, wrong


def pin_page_numbers(html: str, pages: dict[str, int]) -> str:
    """The document with every internal link's target page written in its data-page attribute."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        target = link["href"][1:] if link["href"].startswith("#") else None
        if target in pages:
            link["data-page"] = str(pages[target])
    return str(soup)


def _printed_number(box) -> int | None:
    """The page number a link's generated text (its ::after) prints, if it prints one."""
    texts = []
    for descendant in box.descendants():
        # The pseudo-element's boxes and the boxes inside them all bear its tag: take the text boxes only.
        if getattr(descendant, "element_tag", "").endswith("::after") and hasattr(descendant, "text"):
            texts.append(descendant.text)
    match = _NUMBER.search("".join(texts))
    return int(match.group(1)) if match else None
