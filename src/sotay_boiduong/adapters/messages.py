"""MkDocs' link, anchor and menu warnings rewritten as `file:line: what — how to fix` for editors
(hooks/editor_messages.py installs it).

The validation stays MkDocs' own (mkdocs.yml `validation:`); a logging filter on its loggers rewrites each
warning through sotay_boiduong.links, keeping its level, so `--strict` still fails on it. The filter reads the
docs folder, mkdocs.yml and the sources of the build under way from the build's shared state.
"""

from __future__ import annotations

import logging
import os

from .. import links
from . import context, i18n

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


class EditorMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        build = context.current_or_none()
        if build is None or not build.docs_dir:
            return True
        message = record.getMessage()
        problem = links.explain(message, lambda src_uri: build.sources.text(os.path.join(build.docs_dir, src_uri)), docs_prefix=i18n.display_path(build.docs_dir) + "/")
        if problem is not None:
            record.msg, record.args = str(problem), ()
            return True
        problems = links.explain_nav(message, build.config_text, i18n.display_path(build.config_file))
        if problems:
            record.msg, record.args = "\n".join(map(str, problems)), ()
        return True


_FILTER = EditorMessages()


def install() -> None:
    """Put the filter on MkDocs' loggers once, however many times the hook file is loaded."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, EditorMessages) for f in logger.filters):
            logger.addFilter(_FILTER)
