"""The one object the hooks share during a build: configuration checked once, and what one event learns for
another (the registry, the lesson model, who cites which article, the PDF editions under way).

MkDocs calls each hook module's functions separately and static-i18n builds every language inside the
default language's `on_post_build`, so nothing else may carry state between events: no module globals in
the hooks, no environment variables written. The state lives here, in one `Build`, made anew when a whole
build starts (the default language's `on_config`, `mkdocs serve` rebuilds included) and holding one
`LanguageState` per language.

The user-facing switches are environment variables, read in one place (`Switches.from_environ`):
    HANDBOOK_PDF=1        build the PDF handbooks (the same rule as mkdocs-with-pdf's `enabled_if_env`: only
                          "1" turns them on; scripts/build.sh sets it unless told HANDBOOK_PDF=0)
    HANDBOOK_SITE_URL     the public address (read by mkdocs.yml's `site_url: !ENV`)
    HANDBOOK_OFFLINE=true the offline copy's build (read by mkdocs.yml: Material's offline plugin)
The content check (`scripts/check.py`) asks for every problem at once with `collect_problems()`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..settings import Settings
from . import i18n


@dataclass(frozen=True)
class Switches:
    """What the person building asked for."""

    pdf: bool
    collect: bool = False

    @classmethod
    def from_environ(cls, collect: bool = False) -> Switches:
        return cls(pdf=os.environ.get("HANDBOOK_PDF") == "1", collect=collect)


@dataclass
class LanguageState:
    """What the hooks learn about one language's pages during its build."""

    language: str
    settings: Settings | None = None
    units: dict[str, Any] = field(default_factory=dict)  # src_uri → lessons.Unit
    citers: dict[int, dict[str, str]] = field(default_factory=dict)  # Charter article → {src_uri: label}
    fallback_pages: list[Any] = field(default_factory=list)  # pages shown in a language they are not written in
    glossary: dict[str, str] = field(default_factory=dict)  # term → definition
    print_pages: dict[str, Any] = field(default_factory=dict)  # page URL → editions.PageInfo, for the books
    unreadable: dict[str, str] = field(default_factory=dict)  # src_uri → text of a file not in UTF-8, as read


@dataclass
class Build:
    """One whole build (both languages), or one rebuild of `mkdocs serve`."""

    command: str
    dirty: bool
    switches: Switches
    registry: dict[str, Any] = field(default_factory=dict)  # id → documents.Document
    languages: dict[str, LanguageState] = field(default_factory=dict)
    search_worker: str = ""  # file name of Material's search worker
    config_text: str = ""  # mkdocs.yml as written, for line numbers
    config_file: str = "mkdocs.yml"
    docs_dir: str = ""
    pdf_target: dict[str, Any] = field(default_factory=dict)  # the language mkdocs-with-pdf renders next
    pdf_jobs: list[Any] = field(default_factory=list)  # print editions rendering in other processes
    markdown_env: Any = None  # Jinja environment of the Markdown templates (overrides/partials/*.md)
    serve_problems: list[str] = field(default_factory=list)  # `mkdocs serve`: problems shown in the pages
    diagrams: Any = None  # diagrams.Renderer: Graphviz and the drawings' cache (hooks/diagrams.py)
    toolkit: Any = None  # mau.site.Toolkit: the forms and model pages of the part "Mẫu và biểu" (hooks/mau.py)
    page_language: str = ""  # the language of the page being rendered, for the diagrams' words
    page_path: str = ""  # and its source (docs/…), to name it when a diagram made from data cannot be drawn

    def language(self, language: str) -> LanguageState:
        return self.languages.setdefault(language, LanguageState(language))


_startup = {"command": "build", "dirty": False, "collect": False}
_current: Build | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Remember how MkDocs was started (called by the first hook's on_startup)."""
    _startup.update(command=command, dirty=dirty)


def collect_problems() -> None:
    """The content check: report every problem and go on, instead of stopping at the first check that fails."""
    _startup["collect"] = True


def start(config: MkDocsConfig) -> Build:
    """The build this configuration belongs to: a new one when a whole build starts, else the current one.

    static-i18n runs the other languages' builds from inside the default language's build (its `building`
    flag is up meanwhile); `mkdocs serve` runs a whole new build for every change.
    """
    global _current
    i18n_plugin = config.plugins.get("i18n")
    nested = bool(getattr(i18n_plugin, "building", False))
    if _current is None or not nested:
        command = str(_startup["command"])
        _current = Build(
            command=command,
            dirty=bool(_startup["dirty"]),
            switches=Switches.from_environ(collect=bool(_startup["collect"])),
        )
        _current.config_file = config.config_file_path or "mkdocs.yml"
        _current.docs_dir = config.docs_dir
        if config.config_file_path and os.path.exists(config.config_file_path):
            with open(config.config_file_path, encoding="utf-8-sig") as handle:
                _current.config_text = handle.read()
    return _current


def current_or_none() -> Build | None:
    """The build under way, or None outside a build (a logging filter may run at any time)."""
    return _current


def current() -> Build:
    """The build under way; a hook that runs before `start` (none should) gets a clear error."""
    if _current is None:
        raise RuntimeError("sotay_boiduong.adapters.context.start(config) was not called: is hooks/settings.py first under `hooks:` in mkdocs.yml?")
    return _current


def language_state(config: MkDocsConfig) -> LanguageState:
    """The state of the language being built."""
    return current().language(i18n.current_language(config))


def settings(config: MkDocsConfig) -> Settings:
    """The checked settings of the language being built."""
    state = language_state(config)
    if state.settings is None:
        raise RuntimeError("settings are read in hooks/settings.py on_config, before any other hook needs them")
    return state.settings
