"""The one object the hooks share during a build: configuration checked once, and what one event learns for
another (the registry, the lesson model, who cites which article, the printed editions handed on).

MkDocs calls each hook module's functions separately and static-i18n builds every language inside the
default language's `on_post_build`, so nothing else may carry state between events: no module globals in
the hooks, no environment variables written. The state lives here, in one `Build`, made anew when a whole
build starts (the default language's `on_config`, `mkdocs serve` rebuilds included) and holding one
`LanguageState` per language.

The user-facing switches are environment variables, read once, into `Build.switches` (`Switches.from_environ`):
    HANDBOOK_PDF=1        build the PDF handbooks (the same rule as mkdocs-with-pdf's `enabled_if_env`: only
                          "1" turns them on; scripts/build.sh sets it unless told HANDBOOK_PDF=0)
    HANDBOOK_SITE_URL     the public address (read by mkdocs.yml's `site_url: !ENV`)
    HANDBOOK_OFFLINE=true the offline copy's build (read by mkdocs.yml: Material's offline plugin)
    HANDBOOK_SERVICE_WORKER=1  the handbook as an app (a manifest per language, a service worker that saves it
                          for offline reading; sotay_boiduong.pwa), made at the end of this build: off in
                          `mkdocs serve` and a bare `mkdocs build` unless set. scripts/build.py gives its build
                          HANDBOOK_SERVICE_WORKER=script instead (unless told 0): the pages are the same, and the
                          script makes the workers itself, once the finished site has its PDFs and zips
and two that scripts/build.py gives the build it runs, so that the build script's render stage renders the
editions (sotay_boiduong.render) while the build goes on:
    HANDBOOK_PRINT_DIR    where the editions' documents are written (the build script's own folder)
    HANDBOOK_PRINT_FD     a pipe on which each language's render tasks are announced, one JSON line each
The content check (`scripts/check.py`) asks for every problem at once with `collect_problems()`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig

from ..settings import Settings
from ..sources import Sources
from . import i18n

if TYPE_CHECKING:
    from ..bai_giang.build import Output as LectureKit
    from ..diagrams import Renderer
    from ..documents import Document
    from ..editions import Book, Finish, PageInfo
    from ..lessons import Unit
    from ..mau.site import Toolkit
    from ..render import RenderTask


@dataclass(frozen=True)
class Switches:
    """What the person building asked for (and, for the build script's own build, where the editions go)."""

    pdf: bool
    collect: bool = False
    print_dir: Path | None = None
    print_fd: int | None = None
    app: bool = False  # the pages link the manifest and register the service worker
    app_worker_here: bool = False  # this build generates the workers at its end (else scripts/build.py does)
    editions: tuple[str, ...] | None = None  # HANDBOOK_EDITIONS=hoc-vien,giang-vien: only these are rendered

    @classmethod
    def from_environ(cls, collect: bool = False) -> Switches:
        folder, pipe = os.environ.get("HANDBOOK_PRINT_DIR"), os.environ.get("HANDBOOK_PRINT_FD")
        worker = os.environ.get("HANDBOOK_SERVICE_WORKER", "")
        return cls(
            pdf=os.environ.get("HANDBOOK_PDF") == "1",
            collect=collect,
            print_dir=Path(folder) if folder else None,
            print_fd=int(pipe) if pipe and pipe.isdigit() else None,
            app=worker in ("1", "script"),
            app_worker_here=worker == "1",
            editions=tuple(key.strip() for key in os.environ["HANDBOOK_EDITIONS"].split(",") if key.strip()) if os.environ.get("HANDBOOK_EDITIONS") else None,
        )


@dataclass
class PdfTarget:
    """The language mkdocs-with-pdf gathers next: its book, its folder in the site, where its documents go."""

    book: Book
    folder: Path  # the language's folder of the site (the PDFs' place, and where their addresses resolve)
    paths: dict[str, str]  # edition key → the edition's path in that folder
    print_dir: Path  # where the editions' documents are written for the render stage
    render_template: Callable[..., str]  # renders a template of overrides/pdf/
    finish: Finish  # what is done to the language's folder once its editions are written


@dataclass
class LanguageState:
    """What the hooks learn about one language's pages during its build."""

    language: str
    settings: Settings | None = None
    units: dict[str, Unit] = field(default_factory=dict)  # src_uri → the lesson or topic
    citers: dict[int, dict[str, str]] = field(default_factory=dict)  # Charter article → {src_uri: label}
    fallback_pages: list = field(default_factory=list)  # pages shown in a language they are not written in
    glossary: dict[str, str] = field(default_factory=dict)  # term → definition, read once per language
    print_pages: dict[str, PageInfo] = field(default_factory=dict)  # page URL → what the books need of it
    lecture_kit: dict[str, LectureKit] = field(default_factory=dict)  # lesson slug → its deck and plan (hooks/slides.py)
    open_points: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, status, fact, "path:line" of its note), for the proof
    app_manifest: dict = field(default_factory=dict)  # the language's web app manifest (hooks/offline.py)
    app_left_out: list[str] = field(default_factory=list)  # pages its worker does not save in advance


@dataclass
class Build:
    """One whole build (both languages), or one rebuild of `mkdocs serve`."""

    command: str
    dirty: bool
    switches: Switches
    sources: Sources = field(default_factory=Sources)  # every source file, read once
    registry: dict[str, Document] = field(default_factory=dict)  # id → document
    languages: dict[str, LanguageState] = field(default_factory=dict)
    search_worker: str = ""  # file name of Material's search worker
    config_text: str = ""  # mkdocs.yml as written, for line numbers
    config_file: str = "mkdocs.yml"
    docs_dir: str = ""
    pdf_target: PdfTarget | None = None  # the language mkdocs-with-pdf renders next
    print_tasks: list[RenderTask] = field(default_factory=list)  # editions handed on, when the build renders alone
    print_finish: list[Finish] = field(default_factory=list)
    markdown_env: object = None  # Jinja environment of the Markdown templates (overrides/partials/*.md)
    serve_problems: list[str] = field(default_factory=list)  # `mkdocs serve`: problems shown in the pages
    diagrams: Renderer | None = None  # Graphviz and the drawings' cache (hooks/diagrams.py)
    toolkit: Toolkit | None = None  # the forms and model pages of the part "Mẫu và biểu" (hooks/mau.py)

    def language(self, language: str) -> LanguageState:
        return self.languages.setdefault(language, LanguageState(language))

    def hand_on(self, tasks: list[RenderTask], finish: Finish) -> None:
        """A language's editions are ready to render: tell the build script, or keep them for the end."""
        if self.switches.print_fd is not None:
            line = json.dumps({"tasks": [task.to_json() for task in tasks], "finish": finish.to_json()}, ensure_ascii=False)
            os.write(self.switches.print_fd, (line + "\n").encode("utf-8"))
            return
        self.print_tasks += tasks
        self.print_finish.append(finish)


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
        _current = Build(
            command=str(_startup["command"]),
            dirty=bool(_startup["dirty"]),
            switches=Switches.from_environ(collect=bool(_startup["collect"])),
        )
        _current.config_file = config.config_file_path or "mkdocs.yml"
        _current.docs_dir = config.docs_dir
        if config.config_file_path and os.path.exists(config.config_file_path):
            _current.config_text = _current.sources.text(config.config_file_path)
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


def settings_of(language: str) -> Settings:
    """The checked settings of a language already being built (where no config is at hand)."""
    state = current().language(language)
    if state.settings is None:
        raise RuntimeError(f"the settings of {language!r} are not read yet")
    return state.settings


def settings(config: MkDocsConfig) -> Settings:
    """The checked settings of the language being built."""
    state = language_state(config)
    if state.settings is None:
        raise RuntimeError("settings are read in hooks/settings.py on_pre_build, before any other hook needs them")
    return state.settings
