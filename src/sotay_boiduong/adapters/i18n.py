"""What the hooks need to know of static-i18n's per-language builds.

static-i18n runs one MkDocs build per language over the same configuration; these functions say which
language is being built and which source files belong to it. Without static-i18n (a plain site), there
is one language and every file belongs to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..languages import language_of


def current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n:  # static-i18n sets its language in its own on_config; before that, the default one is built
        return i18n.current_language or i18n.default_language
    return config.theme.get("language") or "vi"


def default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.default_language if i18n else current_language(config)


def languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    return [lang.locale for lang in i18n.config.languages] if i18n else [current_language(config)]


def _prefix(language: str, default: str) -> str:
    return "" if language == default else f"{language}/"


def language_prefix(config: MkDocsConfig) -> str:
    """'' for the default language (built at the site root), 'en/' for English."""
    return _prefix(current_language(config), default_language(config))


def language_prefixes(config: MkDocsConfig) -> dict[str, str]:
    """Each language's folder in the site: {'vi': '', 'en': 'en/'}."""
    default = default_language(config)
    return {language: _prefix(language, default) for language in languages(config)}


def offline_copy(config: MkDocsConfig) -> bool:
    """True in the build of the offline copy (Material's offline plugin on, see hooks/offline.py)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def is_final_build(config: MkDocsConfig) -> bool:
    """True in the last on_post_build of a whole build, once every language is written.

    static-i18n builds the other languages from inside the default language's on_post_build, with its
    `building` flag set; the site is complete only when that flag is down again.
    """
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def file_language(src_uri: str, config: MkDocsConfig) -> str:
    return language_of(src_uri, languages(config), default_language(config))


def markdown_sources(files: Files, config: MkDocsConfig, *, with_excluded: bool = False) -> Iterator[File]:
    """The Markdown sources written in the language being built, so each is handled exactly once.

    Files excluded from the site (docs/_glossary/, docs/chuyen-de/_mau/) are pages of no one, but their text
    is still content: `with_excluded` includes them.
    """
    language = current_language(config)
    for file in files:
        if not file.src_uri.endswith(".md") or file_language(file.src_uri, config) != language:
            continue
        if with_excluded or not file.inclusion.is_excluded():
            yield file


def source_path(file: File, config: MkDocsConfig) -> str:
    """A Markdown source's path as editors see it (docs/…), also for a file whose text was replaced in
    memory (MkDocs forgets the path of such a file)."""
    return display_path(os.path.join(config.docs_dir, file.src_uri))


def display_path(abs_path: str) -> str:
    """A source's path as editors see it: relative to the project root where the build runs (docs/…)."""
    relative = os.path.relpath(abs_path)
    return abs_path if relative.startswith("..") else relative


def language_node_path(config: MkDocsConfig, language: str) -> list:
    """Where a language's `extra` is written in mkdocs.yml: ["extra"] for the default language, the i18n
    plugin's entry for the others (for error messages that name the line)."""
    i18n = config.plugins.get("i18n")
    if not i18n or language == default_language(config):
        return ["extra"]
    names = list(config.plugins.keys())
    index = names.index("i18n") if "i18n" in names else 0
    position = next((i for i, lang in enumerate(i18n.config.languages) if lang.locale == language), 0)
    return ["plugins", index, "i18n", "languages", position, "extra"]
