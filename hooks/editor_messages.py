"""MkDocs hook: MkDocs' link, anchor and menu warnings rewritten as `file:line: what — how to fix` for editors.

The validation stays MkDocs' own (mkdocs.yml `validation:`); a logging filter on its logger rewrites each
warning through sotay_boiduong.links, keeping its level, so `--strict` still fails on it. The filter reads
the docs folder and mkdocs.yml of the build under way from the build's shared state.
"""

from __future__ import annotations

import logging
import os

from sotay_boiduong import links
from sotay_boiduong.adapters import context, i18n


class _EditorMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        build = context.current_or_none()
        if build is None or not build.docs_dir:
            return True
        message = record.getMessage()
        problem = links.explain(message, lambda src_uri: _read(build.docs_dir, src_uri), docs_prefix=i18n.display_path(build.docs_dir) + "/")
        if problem is not None:
            record.msg, record.args = str(problem), ()
            return True
        problems = links.explain_nav(message, build.config_text, i18n.display_path(build.config_file))
        if problems:
            record.msg, record.args = "\n".join(map(str, problems)), ()
        return True


def _read(docs_dir: str, src_uri: str) -> str | None:
    try:
        with open(os.path.join(docs_dir, src_uri), encoding="utf-8-sig") as handle:
            return handle.read()
    except OSError:
        return None


_FILTER = _EditorMessages()
for _logger in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
    if _FILTER not in logging.getLogger(_logger).filters:
        logging.getLogger(_logger).addFilter(_FILTER)

