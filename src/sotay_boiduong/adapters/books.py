"""The last step of the printed editions, once the whole build is written (hooks/pdf_editions.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from .. import editions
from . import context
from .i18n import language_prefixes


def finish(config: MkDocsConfig, log) -> None:
    """Wait for the editions rendering elsewhere, then tell the home pages how long and large each is."""
    build = context.current()
    failures = []
    for job in build.pdf_jobs:
        try:
            report = job.wait()
            log.info(f"PDF ({job.language}): {job.out.relative_to(config.site_dir)} — {report['pages']} trang, {report['passes']} lần dàn trang")
        except RuntimeError as error:
            failures.append(str(error))
    build.pdf_jobs.clear()
    editions.close_renders()
    if failures:
        for failure in failures:
            log.error(f"Không dựng được ấn bản PDF {failure}")
        raise Abort("Dựng sổ tay PDF thất bại.")
    settings = context.settings(config)
    site = Path(config.site_dir)
    with_pdf = config.plugins.get("with-pdf")
    prefixes = language_prefixes(config)
    written = None  # the empty page mkdocs-with-pdf was given to write, in each language's folder
    if with_pdf is not None:
        written = with_pdf.config["output_path"]  # static-i18n leaves the last language's prefix on it
        for language_prefix in prefixes.values():
            written = written.removeprefix(language_prefix) if language_prefix else written
    for language, prefix in prefixes.items():
        folder = site / prefix
        if written is not None:
            (folder / written).unlink(missing_ok=True)
        learner = folder / settings.editions["hoc-vien"]
        if not learner.is_file():
            continue
        shutil.copy2(learner, folder / settings.pdf_path)
        state = build.language(language)
        pages_word = state.settings.ui["pages"] if state.settings else settings.ui["pages"]
        facts = {}
        for path in settings.editions.values():
            found = editions.pdf_facts(folder / path)
            if found:
                facts[path] = editions.describe(found, pages_word, language)
        home = folder / "index.html"
        if home.is_file():
            home.write_text(editions.fill_download_facts(home.read_text(encoding="utf-8"), facts), encoding="utf-8")


def stop(error: Exception) -> None:
    """A failed build leaves no renderer running and no temporary file behind."""
    build = context.current_or_none()
    editions.stop_renders()
    for job in build.pdf_jobs if build else []:
        job.source.unlink(missing_ok=True)
