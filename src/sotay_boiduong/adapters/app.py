"""The handbook as an app on a phone, the MkDocs side (hooks/offline.py wires it; the domain is sotay_boiduong.pwa).

On when the build is asked for it (HANDBOOK_SERVICE_WORKER, `Build.switches.app`), never in the offline copy, whose
pages open from file://, where no service worker may be registered. Then:
- every page links its language's manifest and names the colours of the browser's frame (overrides/main.html), and
  carries the offline control (overrides/partials/offline-control.html), whose script registers the worker;
- each language's manifest is made from that language's settings while it is built, and the pages its worker
  leaves out of the precache are noted; both are written, with the icons, once the whole site is;
- the workers themselves are generated at the end of this build only when nothing changes the site afterwards
  (`mkdocs serve`, a bare `mkdocs build`); scripts/build.py generates them once its PDFs and zips are in place.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .. import pwa
from . import context
from .i18n import language_prefix, language_prefixes, offline_copy


def enabled(config: MkDocsConfig) -> bool:
    return context.current().switches.app and not offline_copy(config)


def template_values() -> dict:
    """What the templates need besides config.extra.handbook_app: the frame's colours."""
    return {"handbook_app_colours": {"theme": pwa.THEME_COLOUR, **pwa.BACKGROUNDS}}


def remember_manifest(config: MkDocsConfig) -> None:
    """The manifest of the language being built, from its own name, description and words."""
    state = context.language_state(config)
    state.app_manifest = pwa.manifest(
        name=config.site_name,
        short_name=context.settings(config).ui["app_short_name"],
        description=" ".join((config.site_description or "").split()),
        language=state.language,
        prefix=language_prefix(config),
    )


def remember_page(page: Page, config: MkDocsConfig) -> None:
    """A page the worker does not save in advance: one that only lecturers' editions print (its `print:` field),
    the page of a document the registry marks replaced (kept for reference), or a model paper (pwa.ON_OPENING);
    each is saved once opened."""
    state, build = context.language_state(config), context.current()
    editions = {edition.key: edition for edition in context.settings(config).editions}
    printed = page.meta.get("print") or ()
    lecturers_only = bool(printed) and all(key in editions and editions[key].lecturer for key in printed)
    document = build.registry.get(page.meta.get("document"))
    prefix = language_prefix(config)
    url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    if lecturers_only or (document is not None and document.status == "replaced") or pwa.saved_on_opening(url):
        state.app_left_out.append(url)


def write(config: MkDocsConfig) -> list[str]:
    """Once the whole site is written: the manifests, the icons, and (when this build makes them) the workers.
    Returns lines for the log."""
    build = context.current()
    site = Path(config.site_dir)
    prefixes = language_prefixes(config)
    for language, prefix in prefixes.items():
        state = build.language(language)
        if state.app_manifest:
            pwa.write_manifest(site, prefix, state.app_manifest)
        pwa.write_left_out(site, prefix, state.app_left_out)
    favicon = config.theme.get("favicon") or "assets/favicon.svg"
    icon = build.sources.text(os.path.join(config.docs_dir, favicon))
    if icon is None:
        raise pwa.PwaError(f"không đọc được biểu tượng {favicon} trong docs/")
    pwa.write_icons(icon, site / pwa.ICONS)
    if not build.switches.app_worker_here:
        return []
    languages = config.plugins["material/search"].config.lang or list(prefixes)
    root = Path(config.config_file_path).parent if config.config_file_path else None
    started = time.perf_counter()
    reports = pwa.generate_workers(site, prefixes=prefixes, search_languages=languages, project=root)
    return [report.line() for report in reports] + [pwa.timing_line(time.perf_counter() - started)]
