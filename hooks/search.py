"""MkDocs hook: search for readers on phones (the domain is hooks/handbook/search.py).

- Every page's Material configuration points at its own language's search index and at the handbook's
  search worker (Material's worker plus diacritic folding, hooks/handbook/assets/search-worker.js).
- The `<link rel="alternate" hreflang>` tags go (see handbook.search.drop_alternate_links for why).
- Once the whole site is written, the single index that static-i18n makes for both languages is split into
  search/search_index.json (Vietnamese) and en/search/search_index.json (English); when Material's offline
  plugin is on, each gets the search_index.js it loads from file://. This runs after static-i18n and the
  offline plugin (priority -110), which both write the combined index at -100.
"""

from __future__ import annotations

import glob
import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from build_language import is_final_build, language_prefix, language_prefixes
from handbook import search

WORKER = "handbook-search.js"
WORKER_SOURCE = Path(__file__).parent / "handbook" / "assets" / "search-worker.js"

_engine: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Material's worker is named after its content hash (search.<hash>.min.js); find it in the theme.
    for directory in config.theme.dirs:
        found = sorted(glob.glob(os.path.join(directory, "assets", "javascripts", "workers", "search.*.min.js")))
        if found:
            _engine["name"] = os.path.basename(found[0])
            break
    else:
        raise PluginError("hooks/search.py: Material's search worker (assets/javascripts/workers/search.*.min.js) not found")
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = search.retarget_page(output, language_prefix=language_prefix(config), worker=WORKER)
    return search.drop_alternate_links(output)


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    workers = site / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True, exist_ok=True)
    (workers / WORKER).write_text(
        search.worker_script(WORKER_SOURCE.read_text(encoding="utf-8"), _engine["name"]), encoding="utf-8"
    )

    combined = site / "search" / "search_index.json"
    if not combined.is_file():
        return
    data = json.loads(combined.read_text(encoding="utf-8"))
    offline = config.plugins.get("material/offline")
    offline_on = bool(offline and offline.config.enabled)
    for language, index in search.split_index(data, language_prefixes(config)).items():
        folder = site / language_prefixes(config)[language] / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(search.dump_index(index), encoding="utf-8")
        if offline_on:
            (folder / "search_index.js").write_text(search.offline_script(index), encoding="utf-8")
