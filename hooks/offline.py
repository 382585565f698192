"""MkDocs hook: the offline copy of each language's site, offered as a zip on its home page.

Material's offline plugin makes a site that works from file:// (navigation and search), but it turns off
directory URLs, so it cannot be the published site without changing every address. So, once the site is
written, this hook runs a second build of the same sources with HANDBOOK_OFFLINE=true (which turns the
plugin on in mkdocs.yml) into a temporary folder, copies in the PDF handbooks, and packs one zip per
language (hooks/handbook/offline.py) at <language>/offline/… in the site.

In that offline build:
- Material's file:// worker shim is the copy in docs/assets/javascripts/ (the plugin would otherwise
  load it from unpkg.com: no page may ask another host for anything);
- the language switcher is left out, since each zip holds one language, and so is the zip button.

Skipped under `mkdocs serve`, in `scripts/check.sh`, and when HANDBOOK_ZIP=0 (the tests of small fixture
sites).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger

from build_language import is_final_build, language_prefix, language_prefixes, offline_copy
from handbook import offline

log = get_plugin_logger("offline")

SHIM = "assets/javascripts/iframe-worker.js"
_state = {"serve": False}


def on_startup(command: str, dirty: bool) -> None:
    _state["serve"] = command == "serve"


@event_priority(100)  # before the offline plugin's on_config, which adds the unpkg.com shim if none is set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    copy = offline_copy(config)
    if copy:
        config.extra["polyfills"] = [SHIM]
    config.extra["handbook_offline_copy"] = copy
    return config


def on_env(env, config: MkDocsConfig, files):
    env.globals["handbook_offline_path"] = language_prefix(config) + config.extra["handbook"]["offline_path"]
    return env


@event_priority(-10)  # after static-i18n (50), which sets the language switcher for each page
def on_page_context(context, page, config: MkDocsConfig, nav):
    if config.extra.get("handbook_offline_copy"):
        # static-i18n sets it both as an item and as an attribute of `extra` (which Jinja reads first).
        config.extra["alternate"] = []
        config.extra.alternate = []
    return context


@event_priority(-120)  # last: after static-i18n has written every language and the PDFs
def on_post_build(config: MkDocsConfig) -> None:
    if (
        not is_final_build(config)
        or config.extra.get("handbook_offline_copy")
        or _state["serve"]
        or os.environ.get("HANDBOOK_CHECK") == "collect"
        or os.environ.get("HANDBOOK_ZIP") == "0"
    ):
        return
    site = Path(config.site_dir)
    prefixes = language_prefixes(config)
    handbook = config.extra["handbook"]
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as temp:
        copy = Path(temp) / "site"
        env = dict(os.environ, HANDBOOK_OFFLINE="true", HANDBOOK_PDF="0", HANDBOOK_ZIP="0", NO_MKDOCS_2_WARNING="1")
        # A copy read from disk has no public address: with one, its pages would name web addresses
        # that do not exist (…/bai-1.html) as their canonical form.
        env.pop("HANDBOOK_SITE_URL", None)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(copy)]
        command += ["--config-file", config.config_file_path]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            log.error("Bản đọc ngoại tuyến không dựng được:\n%s", (result.stdout + result.stderr)[-4000:])
            raise Abort("Dựng bản ngoại tuyến thất bại.")
        for prefix in prefixes.values():
            pdf, target = site / prefix / handbook["pdf_path"], copy / prefix / handbook["pdf_path"]
            if pdf.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(pdf, target)
        search_languages = config.plugins["material/search"].config.lang or list(prefixes)
        for language, prefix in prefixes.items():
            files = list(offline.language_files(copy, prefixes, language, search_languages))
            top = Path(handbook["offline_path"]).stem + (f"-{language}" if prefix else "")
            opener = None
            if prefix:
                text = handbook["offline_open"][language]
                opener = offline.opener_page(f"{prefix}index.html", text, text, language)
            out = site / prefix / handbook["offline_path"]
            offline.write_zip(copy, files, out, top, opener)
            log.info("Bản ngoại tuyến %s: %s (%d tệp, %d KiB)", language, out.relative_to(site), len(files), out.stat().st_size // 1024)
