"""Search for readers on phones: one index per language, and Vietnamese typed without diacritics.

Plain functions with no MkDocs in them (hooks/search.py is the adapter).

- Folding diacritics ("Đảng viên" → "Dang vien") happens in the browser, in the search worker
  (assets/search-worker.js), where it is applied to every indexed word.
- `split_index` turns the single index that static-i18n writes for all languages into one per language,
  with each language's locations relative to its own root, so a reader gets results in the language of
  the page and downloads only that language's index.
- `stub_index` is what each page loads: the real index is fetched by the search worker only when the
  reader first searches (see search-worker.js), which keeps it out of every page view.
- `retarget_page` points a page's Material configuration at its language's index and at the worker that
  adds folding to Material's own search.
- `name_search_dialog` gives Material's search dialog the accessible name it lacks.
- `drop_alternate_links` removes the `<link rel="alternate" hreflang>` tags from a page's head. Material's
  script fetches `sitemap.xml` under every such link; on this site those files do not exist, so each page
  logged 404 errors. The visible language switcher, which links each page to its translation, stays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

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


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def retarget_page(html: str, *, language_prefix: str, worker: str) -> str:
    """Point Material's page configuration at the language's root, where its search index is, and at
    the search worker named `worker` (a file beside Material's own worker).

    Material writes `base` as the way from the page to the site root ("../.."); the language's root is
    that plus the language's folder ("../../en/").
    """

    def replace(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if language_prefix:
            config["base"] = config["base"].rstrip("/") + "/" + language_prefix
        config["search"] = config["search"].rsplit("/", 1)[0] + "/" + worker
        text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        return match.group(1) + text + match.group(3)

    html, count = _CONFIG.subn(replace, html, count=1)
    if not count:
        raise ValueError('no Material configuration (<script id="__config">) in the page')
    return html


_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (it has none: axe's aria-dialog-name)."""
    if _DIALOG not in html:
        return html
    return html.replace(_DIALOG, _DIALOG[:-1] + f' aria-label="{escape(label, quote=True)}">', 1)


_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_alternate_links(html: str) -> str:
    return _ALTERNATE.sub("", html)


def worker_script(source: str, engine: str) -> str:
    """The folding worker with the file name of Material's own search worker filled in."""
    if "__MATERIAL_SEARCH_WORKER__" not in source:
        raise ValueError("the worker source has no __MATERIAL_SEARCH_WORKER__ placeholder")
    return source.replace("__MATERIAL_SEARCH_WORKER__", engine)
