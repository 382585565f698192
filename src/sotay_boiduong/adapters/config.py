"""The handbook's configuration, read and checked once per language (hooks/settings.py wires it).

- The settings (sotay_boiduong.settings): mkdocs.yml's `extra`, the language's interface strings
  (docs/_data/giao-dien/<language>.yml) and the printed editions (docs/_data/an-ban.yml); a wrong setting stops
  the build with its file, its line and the fix, before any page is read. The templates read the strings as
  `config.extra.ui` and `config.extra.pdf`.
- The handbook's Markdown extension (sotay_boiduong.markdown_extension) gets the language's words and its
  glossary; the toc extension gets the handbook's Vietnamese heading anchors.
- Compiled Jinja templates are kept in .cache/jinja/ beside mkdocs.yml: MkDocs makes a new template
  environment for each language, and compiling Material's templates twice was a tenth of a site build.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .. import settings
from ..languages import slugify
from . import context, i18n, units

MARKDOWN_EXTENSION = "sotay_boiduong.markdown_extension"
TEMPLATE_CACHE = os.path.join(".cache", "jinja")


def prepare(config: MkDocsConfig) -> None:
    """What mkdocs.yml cannot say: the heading anchors are made by a function of the package."""
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify


def load_language(config: MkDocsConfig) -> None:
    """Check the language's settings (a PluginError naming every mistake) and set up its Markdown."""
    build = context.current()
    language = i18n.current_language(config)

    def data(name: str) -> settings.DataFile:
        path = os.path.join(config.docs_dir, name)
        return settings.DataFile(i18n.display_path(path), build.sources.text(path))

    try:
        checked = settings.load(
            config.extra,
            language,
            config_path=i18n.display_path(config.config_file_path or "mkdocs.yml"),
            config_text=build.config_text,
            topics_available=units.topic_slugs(config.docs_dir),
            strings=data(settings.STRINGS.format(language=language)),
            editions=data(settings.EDITIONS),
            node_path=i18n.language_node_path(config, language),
        )
    except settings.SettingsError as error:
        raise PluginError(f"Cấu hình sổ tay ({language}) chưa đúng:\n{error}") from None
    build.language(language).settings = checked
    # The templates (Material's overrides, the Markdown partials) read the words as config.extra.ui / .pdf.
    config.extra["ui"], config.extra["pdf"] = dict(checked.ui), dict(checked.pdf)
    config.mdx_configs[MARKDOWN_EXTENSION] = {
        "language": language,
        "permalink_label": checked.ui["permalink"],
        "editor_note_title": checked.ui["editor_note"],
        "diagram_text": checked.ui["diagram_text"],
        "glossary": units.read_glossary(config),
    }


def template_cache(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """The environment, keeping its compiled templates in .cache/jinja/."""
    env.bytecode_cache = bytecode_cache(config)
    return env


def bytecode_cache(config: MkDocsConfig) -> jinja2.FileSystemBytecodeCache:
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    folder = root / TEMPLATE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
