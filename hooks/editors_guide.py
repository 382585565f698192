"""MkDocs hook: the editors' guide, outside the learners' menu, linked from every page's footer.

The guide (docs/huong-dan/bien-tap.md and its translation) is for the people who maintain the handbook,
not for a class: mkdocs.yml builds it but keeps it out of the menu (`not_in_nav`) and out of the PDFs
(with-pdf's `exclude_pages`). The footer (overrides/partials/copyright.html) links to it in the page's
language through `handbook_editors_guide`: the address MkDocs gives that page in this build
(en/huong-dan/bien-tap/ for English, huong-dan/bien-tap.html in the offline copy), or None if an edition
has no guide.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sotay_boiduong.adapters.i18n import markdown_sources

GUIDE = "huong-dan/bien-tap"


def on_env(env, config: MkDocsConfig, files: Files):
    guide = next((file for file in markdown_sources(files, config) if file.src_uri.split(".")[0] == GUIDE), None)
    env.globals["handbook_editors_guide"] = guide.url if guide else None
    return env
