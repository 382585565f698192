"""Search for readers on phones: one index per language, and Vietnamese typed without diacritics.

Plain functions with no MkDocs in them (hooks/search.py is the adapter).

- Folding diacritics ("Đảng viên" → "Dang vien") happens in the browser, in the search worker
  (assets/search-worker.js), where it is applied to every indexed word.
- `split_index` turns the single index that static-i18n writes for all languages into one per language,
  with each language's locations relative to its own root, so a reader gets results in the language of
  the page and downloads only that language's index.
- `stub_index` is what each page loads: the real index is fetched by the search worker only when the
  reader first searches (see search-worker.js), which keeps it out of every page view.
- `adjust_page` points a page's Material configuration at its language's index and at the worker that
  adds folding to Material's own search, gives Material's search dialog the accessible name it lacks, and
  removes the `<link rel="alternate" hreflang>` tags from the page's head: Material's script fetches
  `sitemap.xml` under every such link; on this site those files do not exist, so each page logged 404
  errors. The visible language switcher, which links each page to its translation, stays.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import rjsmin

from . import htmledit

WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"


def split_index(data: Mapping, prefixes: Mapping[str, str]) -> dict[str, dict]:
    """One search index per language from a combined one.

    `prefixes` maps each language to its folder in the site ("" for the default language, "en/" for
    English). A document belongs to the language with the longest matching prefix; its location is made
    relative to that folder.
    """
    ordered = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)
    result = {language: {"config": dict(data["config"]), "docs": []} for language in prefixes}
    for doc in data["docs"]:
        location = doc["location"]
        for language, prefix in ordered:
            if location.startswith(prefix):
                result[language]["docs"].append({**doc, "location": location[len(prefix):]})
                break
    return result


def stub_index(index: Mapping, full_url: str) -> dict:
    """What Material fetches with every page: the configuration, no documents, and where the real index
    is (`full_url`, relative to the search worker). The worker loads that on the first query."""
    return {"config": {**index["config"], "handbook_full": full_url}, "docs": []}


def dump_index(index: Mapping) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def offline_script(index: Mapping) -> str:
    """The index as the script Material's offline mode loads from file:// (it reads `__index`)."""
    return "var __index = " + dump_index(index)


def adjust_page(html: str, *, language_prefix: str, worker: str, dialog_label: str) -> str:
    """One page's search set-up, in one pass over its HTML (sotay_boiduong.htmledit):

    - Material's configuration (`<script id="__config">`) points at the language's root, where its search
      index is, and at the search worker named `worker` (a file beside Material's own worker). Material
      writes `base` as the way from the page to the site root ("../.."); the language's root is that plus
      the language's folder ("../../en/").
    - The search dialog gets the accessible name it lacks (axe: aria-dialog-name).
    - The `<link rel="alternate" hreflang>` tags go (see the module's notes).
    Raises htmledit.MarkupNotFound if the configuration or the dialog is not where Material puts them.
    """
    found = htmledit.elements(html, ["script", "div", "link"])
    configs = [e for e in found if e.tag == "script" and e.attrs.get("id") == "__config"]
    dialogs = [e for e in found if e.tag == "div" and e.attrs.get("data-md-component") == "search" and e.attrs.get("role") == "dialog"]
    if not configs:
        raise htmledit.MarkupNotFound('Material\'s configuration: no <script id="__config"> in the page (has the theme\'s markup changed?)')
    if not dialogs:
        raise htmledit.MarkupNotFound('the search dialog: no <div data-md-component="search" role="dialog"> in the page (has the theme\'s markup changed?)')
    config_element = configs[0]
    config = json.loads(config_element.inner(html))
    if language_prefix:
        config["base"] = config["base"].rstrip("/") + "/" + language_prefix
    config["search"] = config["search"].rsplit("/", 1)[0] + "/" + worker
    edits = [(config_element.start_end, config_element.end_start, json.dumps(config, ensure_ascii=False).replace("</", "<\\/"))]
    edits.append(htmledit.retag(dialogs[0], aria_label=dialog_label))
    for link in (e for e in found if e.tag == "link" and e.attrs.get("rel") == "alternate" and "hreflang" in e.attrs):
        start = html.rfind("\n", 0, link.start) + 1  # the whole line, indentation and line break included
        whole_line = not html[start : link.start].strip() and html[link.end : link.end + 1] == "\n"
        edits.append((start, link.end + 1, "") if whole_line else (link.start, link.end, ""))
    return htmledit.apply(html, edits)


def worker_script(source: str, engine: str) -> str:
    """The folding worker with the file name of Material's own search worker filled in, minified.

    Every page starts the worker on its first visit, and its source is mostly comments: rjsmin, which
    knows JavaScript's strings and regular expressions, strips them and the indentation (7.2 KB of gzip
    down to 3.2 KB), while the source stays readable."""
    if "__MATERIAL_SEARCH_WORKER__" not in source:
        raise ValueError("the worker source has no __MATERIAL_SEARCH_WORKER__ placeholder")
    return rjsmin.jsmin(source.replace("__MATERIAL_SEARCH_WORKER__", engine))
