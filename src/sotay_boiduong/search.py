"""Search for readers on phones: one index per language, and Vietnamese typed without diacritics.

Plain functions with no MkDocs in them (hooks/search.py is the adapter).

- Folding diacritics ("Đảng viên" → "Dang vien") happens in the browser, in the search worker
  (assets/search-worker.js), where it is applied to every indexed word.
- `split_index` turns the single index that static-i18n writes for all languages into one per language,
  with each language's locations relative to its own root, so a reader gets results in the language of
  the page and downloads only that language's index.
- `mark_views` marks what only the lecturer's view lists (`"view": "giang-vien"`): the lecturer block of each
  lesson and topic (its heading, `LECTURER_SECTIONS`) and the editors' guide; the worker leaves them out of the
  learner's results. `learner_index` is the index without them: what a learner's first search downloads and
  what the saved handbook holds (0.84 MB down to 0.62 MB for Vietnamese); the lecturer's view
  fetches the complete index (`LECTURER_INDEX`) instead.
- `stub_index` is what each page loads: the real index is fetched by the search worker only when the
  reader first searches (see search-worker.js), which keeps it out of every page view.
- Each page's Material configuration points at its language's index and at the worker that adds folding
  to Material's own search: overrides/main.html (`config` block), with the words of hooks/search.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import rjsmin

WORKER_SOURCE = Path(__file__).parent / "assets" / "search-worker.js"
LECTURER_VIEW = "giang-vien"
# The anchors of the headings that open lecturer-only material (overrides/partials/lesson-parts.md: the
# `.handbook-lecturer` block), and the pages for editors; tests/test_learner_view.py checks the first against
# the built pages.
LECTURER_SECTIONS = ("goi-y-giang-vien",)
LECTURER_PAGES = ("huong-dan/bien-tap/",)
LEARNER_INDEX = "handbook_index.json"  # each language's search/ folder: the learner's documents
LECTURER_INDEX = "handbook_index.giang-vien.json"  # all the documents, the lecturer's marked


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


def mark_views(index: Mapping, language: str) -> dict:
    """The index with its language named in the configuration (`handbook_lang`, which tells the worker how to
    compare words) and each lecturer-only document marked `"view": "giang-vien"`."""
    docs = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        lecturer = anchor in LECTURER_SECTIONS or page in LECTURER_PAGES
        docs.append({**doc, "view": LECTURER_VIEW} if lecturer else dict(doc))
    return {"config": {**index["config"], "handbook_lang": language}, "docs": docs}


def learner_index(index: Mapping) -> dict:
    """A marked index (`mark_views`) without the documents only the lecturer's view lists."""
    return {"config": dict(index["config"]), "docs": [doc for doc in index["docs"] if doc.get("view") != LECTURER_VIEW]}


def stub_index(index: Mapping, folder_url: str) -> dict:
    """What Material fetches with every page: the configuration, no documents, and where the real indexes
    are (`folder_url`, the language's search/ folder relative to the search worker): the learner's and the
    lecturer's. The worker loads the one for the reader's view on the first query."""
    config = {**index["config"], "handbook_full": folder_url + LEARNER_INDEX, "handbook_lecturer": folder_url + LECTURER_INDEX}
    return {"config": config, "docs": []}


def dump_index(index: Mapping) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def offline_script(index: Mapping) -> str:
    """The index as the script Material's offline mode loads from file:// (it reads `__index`)."""
    return "var __index = " + dump_index(index)


def worker_script(source: str, engine: str) -> str:
    """The folding worker with the file name of Material's own search worker filled in, minified.

    Every page starts the worker on its first visit, and its source is mostly comments: rjsmin, which
    knows JavaScript's strings and regular expressions, strips them and the indentation (7.2 KB of gzip
    down to 3.2 KB), while the source stays readable."""
    if "__MATERIAL_SEARCH_WORKER__" not in source:
        raise ValueError("the worker source has no __MATERIAL_SEARCH_WORKER__ placeholder")
    return rjsmin.jsmin(source.replace("__MATERIAL_SEARCH_WORKER__", engine))
