"""MkDocs hook: search for readers on phones (the domain is sotay_boiduong.search).

- Every page's Material configuration points at its own language's search index and at the handbook's
  search worker (Material's worker plus diacritic folding, src/sotay_boiduong/assets/search-worker.js):
  overrides/main.html writes it with the two values given here.
- Once the whole site is written, the single index that static-i18n makes for both languages is split into
  one per language (search/ and en/search/): handbook_index.json is the real index of the learner's view,
  handbook_index.giang-vien.json the lecturer's (all documents), and search_index.json, which Material
  fetches with every page, is a stub naming them, so an index downloads only when the reader searches. With Material's offline plugin on, each language gets instead the
  complete search_index.js that Material loads from file://. This runs after static-i18n and the
  offline plugin (priority -110), which both write the combined index at -100. Each language's index names
  its language and marks what only the lecturer's view lists (sotay_boiduong.search.mark_views).
"""

from __future__ import annotations

import glob
import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sotay_boiduong import search
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import is_final_build, language_prefix, language_prefixes, offline_copy

WORKER = "handbook-search.js"


def on_pre_build(*, config: MkDocsConfig) -> None:
    # Material's worker is named after its content hash (search.<hash>.min.js); find it in the theme.
    for directory in config.theme.dirs:
        found = sorted(glob.glob(os.path.join(directory, "assets", "javascripts", "workers", "search.*.min.js")))
        if found:
            context.current().search_worker = os.path.basename(found[0])
            break
    else:
        raise PluginError("hooks/search.py: Material's search worker (assets/javascripts/workers/search.*.min.js) not found")


def on_env(env, *, config: MkDocsConfig, files):
    # Read by overrides/main.html (`config` block): the language's root and the handbook's worker.
    env.globals["handbook_language_prefix"] = language_prefix(config)
    env.globals["handbook_search_worker"] = f"assets/javascripts/workers/{WORKER}"
    # Read by overrides/main.html (`hero` block): the headings whose section only the lecturer's view shows.
    env.globals["handbook_lecturer_sections"] = search.LECTURER_SECTIONS
    return env


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    workers = site / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True, exist_ok=True)
    (workers / WORKER).write_text(
        search.worker_script(search.WORKER_SOURCE.read_text(encoding="utf-8"), context.current().search_worker), encoding="utf-8"
    )

    combined = site / "search" / "search_index.json"
    if not combined.is_file():
        return
    data = json.loads(combined.read_text(encoding="utf-8"))
    prefixes = language_prefixes(config)
    for language, index in search.split_index(data, prefixes).items():
        index = search.mark_views(index, language)
        prefix = prefixes[language]
        folder = site / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        if offline_copy(config):
            # From file:// Material loads only search_index.js, complete: there is nothing to save there.
            (folder / "search_index.js").write_text(search.offline_script(index), encoding="utf-8")
            continue
        (folder / search.LEARNER_INDEX).write_text(search.dump_index(search.learner_index(index)), encoding="utf-8")
        (folder / search.LECTURER_INDEX).write_text(search.dump_index(index), encoding="utf-8")
        # The worker lives in assets/javascripts/workers/; the real indexes are at <language>/search/.
        stub = search.stub_index(index, f"../../../{prefix}search/")
        (folder / "search_index.json").write_text(search.dump_index(stub), encoding="utf-8")
