"""MkDocs hook: MkDocs' link, anchor and menu warnings rewritten as `file:line: what — how to fix` for editors.

The validation stays MkDocs' own (mkdocs.yml `validation:`); a logging filter on its logger rewrites each
warning through hooks/handbook/links.py, keeping its level, so `--strict` still fails on it.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig

# MkDocs puts hooks/ on sys.path while it loads a hook file (see hooks/source_check.py).
from build_language import display_path
from handbook import links

_docs = {"dir": "docs", "config_file": "mkdocs.yml", "config_text": ""}


class _EditorMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        problem = links.explain(message, _read, docs_prefix=display_path(_docs["dir"]) + "/")
        if problem is not None:
            record.msg, record.args = str(problem), ()
            return True
        problems = links.explain_nav(message, _docs["config_text"], display_path(_docs["config_file"]))
        if problems:
            record.msg, record.args = "\n".join(map(str, problems)), ()
        return True


def _read(src_uri: str) -> str | None:
    try:
        with open(os.path.join(_docs["dir"], src_uri), encoding="utf-8-sig") as handle:
            return handle.read()
    except OSError:
        return None


_FILTER = _EditorMessages()
for _logger in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
    logging.getLogger(_logger).addFilter(_FILTER)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _docs["dir"] = config.docs_dir
    _docs["config_file"] = config.config_file_path or "mkdocs.yml"
    with open(_docs["config_file"], encoding="utf-8") as handle:
        _docs["config_text"] = handle.read()
    return config
