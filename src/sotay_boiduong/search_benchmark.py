"""The search benchmark (tests/data/search-benchmark.yml): what learners type, the sections that answer it, and
precision at 1 and 3 of the site's own search, run in headless Chromium. Shared by the benchmark test
(tests/test_search_benchmark.py) and `bash scripts/benchmark.sh --search`; not used by the build.

A result is what the search box lists: one page, opening with the sections Material shows unfolded under its
title (the items whose score reaches the first item's; the rest sit under "N more on this page"). A query is
answered at rank k when one of the first k results is a wanted section: its page, and the section among those
shown first (a wanted page alone: any of its sections). Precision at k is the share of queries answered at
rank k or better; the page-level figure counts a result whose page is wanted, whatever section it opens with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

BENCHMARK = Path(__file__).resolve().parents[2] / "tests" / "data" / "search-benchmark.yml"
PREFIXES = {"vi": "", "en": "en/"}


@dataclass(frozen=True)
class Query:
    text: str
    want: tuple[str, ...]  # locations relative to the language's root: "page/" or "page/#anchor"


@dataclass(frozen=True)
class Result:
    page: str  # location of the page, relative to the language's root
    shown: tuple[str, ...]  # the locations of the items shown unfolded, in order


def load(path: Path = BENCHMARK) -> dict[str, list[Query]]:
    """{language: [Query, ...]} from the benchmark file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {language: [Query(entry["q"], tuple(entry["want"])) for entry in entries] for language, entries in data.items()}


def location(address: str) -> str:
    """A result's location without what the opened page is to mark ("page/?h=…#anchor" → "page/#anchor")."""
    page, hash_, anchor = address.partition("#")
    return page.split("?")[0] + hash_ + anchor


def results(groups: Iterable[list[Mapping]]) -> list[Result]:
    """The worker's answer ({items: [[{location, score}, ...], ...]}) as the search box lists it."""
    listed = []
    for group in groups:
        threshold = group[0]["score"]
        page = location(group[0]["location"]).split("#")[0]
        shown = tuple(location(item["location"]) for index, item in enumerate(group) if index == 0 or item["score"] >= threshold)
        listed.append(Result(page, shown))
    return listed


def rank(query: Query, listed: list[Result], *, pages_only: bool = False) -> int | None:
    """The rank (from 1) of the first result that answers the query, or None."""
    for position, result in enumerate(listed, 1):
        for want in query.want:
            page = want.split("#")[0]
            if result.page != page:
                continue
            if pages_only or "#" not in want or want in result.shown:
                return position
    return None


def precision(queries: list[Query], answers: Mapping[str, list[Result]], k: int, *, pages_only: bool = False) -> float:
    """Share of the queries answered within the first k results."""
    hits = [rank(query, answers[query.text], pages_only=pages_only) for query in queries]
    return sum(1 for hit in hits if hit is not None and hit <= k) / len(queries)


# Runs in a page of the site: starts the page's own search worker on the language's whole index, as Material
# does once the reader searches, and returns each query's groups (location and score of every item).
WORKER_ANSWERS = """
async ([queries, view]) => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const base = new URL(config.base, location.href)
  const stub = await (await fetch(new URL("search/search_index.json", base))).json()
  const worker = new Worker(new URL(config.search, location.href))
  const send = message => new Promise(resolve => {
    worker.onmessage = event => { if (event.data.type !== 1 || message.type === 0) resolve(event.data) }
    worker.postMessage(message)
  })
  if (view && typeof BroadcastChannel !== "undefined")
    new BroadcastChannel("handbook-view").postMessage({ view })
  await send({type: 0, data: {config: stub.config, docs: stub.docs, options: {suggest: false}}})
  const answers = {}
  for (const query of queries) {
    const reply = await send({type: 2, data: query})
    answers[query] = reply.data.items.map(group => group.map(item => ({
      location: item.location, score: item.score, terms: item.terms,
    })))
  }
  worker.terminate()
  return answers
}
"""


def worker_answers(page, queries: list[str], view: str | None = None) -> dict[str, list[list[dict]]]:
    """{query: [[{location, score, terms}, ...], ...]} from the worker of the site open in `page`."""
    return page.evaluate(WORKER_ANSWERS, [queries, view])


def run(site_url: str, browser, benchmark: dict[str, list[Query]] | None = None) -> dict[str, dict[str, list[Result]]]:
    """Every query of the benchmark, asked from a lesson page of its language: {language: {query: results}}."""
    benchmark = benchmark or load()
    answers: dict[str, dict[str, list[Result]]] = {}
    for language, queries in benchmark.items():
        page = browser.new_page()
        page.goto(f"{site_url}/{PREFIXES[language]}bai-hoc/bai-1/", wait_until="load")
        raw = worker_answers(page, [query.text for query in queries])
        page.close()
        answers[language] = {text: results(groups) for text, groups in raw.items()}
    return answers


def report(benchmark: dict[str, list[Query]], answers: dict[str, dict[str, list[Result]]]) -> list[str]:
    """Lines to print: precision at 1 and 3 per language (sections, then pages), and each query missed at 3."""
    lines = []
    for language, queries in benchmark.items():
        figures = [precision(queries, answers[language], k) for k in (1, 3)]
        pages = [precision(queries, answers[language], k, pages_only=True) for k in (1, 3)]
        lines.append(
            f"{language}: {len(queries)} queries; precision at 1 {figures[0]:.2f}, at 3 {figures[1]:.2f} "
            f"(pages only: {pages[0]:.2f}, {pages[1]:.2f})"
        )
        for query in queries:
            found = rank(query, answers[language][query.text])
            if found is None or found > 3:
                top = [f"{r.page}{' ' + r.shown[0] if r.shown[0] != r.page else ''}" for r in answers[language][query.text][:3]]
                lines.append(f"   missed at 3: {query.text!r} (rank {found}); first: {top}")
    return lines
