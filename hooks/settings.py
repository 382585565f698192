"""MkDocs hook, first in the list: starts the build's shared state and checks the handbook's settings.

- `on_startup` remembers how MkDocs was started (build or serve, --dirty);
- `on_config` starts the per-build state (sotay_boiduong.adapters.context) when a whole build starts;
- `on_pre_build` checks this language's `extra.handbook`, `extra.edition`, `extra.ui` and `extra.pdf`
  against schemas/settings.schema.json into a typed `Settings`: a wrong setting stops the build with the
  line of mkdocs.yml and the fix, before any page is read. It cannot be an on_config: static-i18n merges the
  language's overrides into `extra` in its own on_config (-100) and re-registers plugins' events there, so
  a later on_config of a hook can be skipped. Hooks that need the settings use on_pre_build or later.

Hook files are loaded by MkDocs by path, so they import nothing from each other: everything they share is
in the installed package `sotay_boiduong` (pip install -e ., done by scripts/lib.sh).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sotay_boiduong import lessons, settings
from sotay_boiduong.adapters import context, i18n
from sotay_boiduong.languages import slugify

MARKDOWN_EXTENSION = "sotay_boiduong.markdown_extension"


def on_startup(*, command: str, dirty: bool) -> None:
    context.on_startup(command, dirty)


@event_priority(100)  # before any other hook
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context.start(config)
    # Vietnamese heading anchors: set here because mkdocs.yml cannot name a function of the package.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config


@event_priority(100)  # before the other hooks' on_pre_build, which read the settings
def on_pre_build(*, config: MkDocsConfig) -> None:
    build = context.current()
    language = i18n.current_language(config)
    try:
        checked = settings.load(
            config.extra,
            language,
            config_path=i18n.display_path(config.config_file_path or "mkdocs.yml"),
            config_text=build.config_text,
            topics_available=_topic_slugs(config.docs_dir),
            node_path=i18n.language_node_path(config, language),
        )
    except settings.SettingsError as error:
        raise PluginError(f"Cấu hình sổ tay ({language}) chưa đúng:\n{error}") from None
    build.language(language).settings = checked
    # The handbook's Markdown extension speaks the language being built (sotay_boiduong.markdown_extension).
    config.mdx_configs[MARKDOWN_EXTENSION] = {
        "language": language,
        "permalink_label": checked.ui["permalink"],
        "editor_note_title": checked.ui["editor_note"],
        "diagram_text": checked.ui["diagram_text"],
    }


def _topic_slugs(docs_dir: str) -> list[str]:
    folder = os.path.join(docs_dir, lessons.TOPIC_DIR)
    if not os.path.isdir(folder):
        return []
    names = (name for name in os.listdir(folder) if lessons.kind_of(f"{lessons.TOPIC_DIR}/{name}") == "topic")
    return sorted({name.split(".")[0] for name in names})
