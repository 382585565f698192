"""MkDocs hook, first in the list: starts the build's shared state and checks the handbook's settings.

- `on_startup` remembers how MkDocs was started (build or serve, --dirty);
- `on_config` starts the per-build state (sotay_boiduong.adapters.context) when a whole build starts;
- `on_pre_build` checks this language's settings into a typed `Settings` (sotay_boiduong.adapters.config: a
  wrong setting stops the build with the file's line and the fix, before any page is read), and gives the
  handbook's Markdown extension the language's words and glossary. It cannot be an on_config: static-i18n
  merges the language's overrides into the config in its own on_config (-100) and re-registers plugins'
  events there, so a later on_config of a hook can be skipped.
- `on_env`: compiled templates are kept in .cache/jinja/ (the theme's templates were compiled anew for each
  language of every build).

Hook files are loaded by MkDocs by path, so they import nothing from each other: everything they share is
in the installed package `sotay_boiduong` (pip install -e ., done by scripts/lib.sh).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sotay_boiduong.adapters import config as handbook_config
from sotay_boiduong.adapters import context


def on_startup(*, command: str, dirty: bool) -> None:
    context.on_startup(command, dirty)


@event_priority(100)  # before any other hook
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context.start(config)
    handbook_config.prepare(config)
    return config


@event_priority(100)  # before the other hooks' on_pre_build, which read the settings
def on_pre_build(*, config: MkDocsConfig) -> None:
    handbook_config.load_language(config)


def on_env(env, *, config: MkDocsConfig, files):
    return handbook_config.template_cache(env, config)
