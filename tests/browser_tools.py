"""Shared helpers for the browser tests: the phone screen and Material's search, as a reader uses it (Chromium
and the local server come from sotay_boiduong.devtools, shared with the benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sotay_boiduong.devtools import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: F401 (the tests' one source of them)

PHONE = {"width": 390, "height": 844}


@dataclass
class Result:
    path: str  # the page of the result, without query string or fragment
    title: str
    text: str  # what the preview shows (title, text and the "missing" line)


def open_search(page) -> None:
    page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").wait_for(state="visible")


def search(page, query: str) -> list[Result]:
    """Type `query` into the open search box and return the results as Material lists them.

    An empty list is asked for once more: on a loaded CI machine the first query, which also fetches the
    whole index, has come back empty once in many runs (the fetch from the test server timing out); a
    query that really finds nothing is empty both times."""
    results = _search_once(page, query)
    return results or _search_once(page, query)


def _search_once(page, query: str) -> list[Result]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("document.querySelector('.md-search-result__list').children.length === 0")
    # Material's own words for "initializing search" and "type to start searching", in the page's language:
    # until the meta line says something else, the list does not answer the query yet.
    waiting = page.evaluate(
        "(() => { const t = JSON.parse(document.getElementById('__config').textContent).translations;"
        " return [t['search.result.initializer'], t['search.result.placeholder']] })()"
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "waiting => !waiting.includes(document.querySelector('.md-search-result__meta').innerText.trim())",
        arg=waiting, timeout=10_000,
    )
    # The worker may answer a prefix of the query first; act on the answer to the whole of it.
    wait_until_quiet(page, ".md-search-result", quiet_ms=300)
    results = []
    items = page.locator(".md-search-result__item")
    for i in range(items.count()):
        link = items.nth(i).locator("a").first
        href = link.get_attribute("href")
        results.append(
            Result(
                path=urlsplit(href).path,
                title=link.locator("h1, h2").first.inner_text(),
                text=link.inner_text(),
            )
        )
    return results


# Runs in the page: starts the page's own search worker on the page's own index, as Material does, and
# returns every result of every query (Material's list shows only the first ones until one scrolls).
_WORKER_SEARCH = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const base = new URL(config.base, location.href)
  const index = await (await fetch(new URL("search/search_index.json", base))).json()
  const worker = new Worker(new URL(config.search, location.href))
  const send = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data)
    worker.postMessage(message)
  })
  await send({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})
  const answers = {}
  for (const query of queries) {
    const reply = await send({type: 2, data: query})
    answers[query] = reply.data.items.map(group => ({
      page: new URL(group[0].location.split("#")[0], base).pathname,
      terms: group.map(item => item.terms),
    }))
  }
  worker.terminate()
  return answers
}
"""


def worker_search(page, queries: list[str]) -> dict[str, list[dict]]:
    """{query: [{page: "/bai-hoc/bai-3/", terms: [{term: matched}, ...]}, ...]} in Material's order."""
    return page.evaluate(_WORKER_SEARCH, queries)


def wait_until_quiet(page, selector: str, quiet_ms: int = 500, timeout_ms: int = 10_000) -> None:
    """Wait until nothing under `selector` has changed for `quiet_ms`.

    Typing sends one query per key, and the worker may answer an earlier prefix ("ket na") before the
    whole query; the answer to the last key then redraws the list. A test that acts on the list must
    act on the last drawing, not on one that is about to be replaced.
    """
    settled = page.evaluate(
        """([selector, quiet, timeout]) => new Promise(resolve => {
            const node = document.querySelector(selector)
            const start = Date.now()
            let last = Date.now()
            const observer = new MutationObserver(() => { last = Date.now() })
            observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true })
            const tick = () => {
                if (Date.now() - last >= quiet) { observer.disconnect(); resolve(true) }
                else if (Date.now() - start > timeout) { observer.disconnect(); resolve(false) }
                else setTimeout(tick, 50)
            }
            tick()
        })""",
        [selector, quiet_ms, timeout_ms],
    )
    assert settled, f"{selector} kept changing for {timeout_ms} ms"
