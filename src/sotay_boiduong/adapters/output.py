"""How hooks report problems and render their Markdown templates."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from . import context


def report(log, problems, what: str) -> None:
    """Log every problem, then stop the build; the content check (`scripts/check.sh`) collects instead,
    so that one run lists the problems of every check, and `mkdocs serve` shows them in the page."""
    build = context.current()
    for problem in sorted(set(problems)):
        log.error(str(problem))
    if problems and build.command == "serve" and not build.switches.collect:
        # The preview goes on: the problems show at the top of every page (hooks/serve_errors.py) until a
        # save fixes them, instead of a browser waiting for a build that never comes.
        build.serve_problems += [str(p) for p in sorted(set(problems))]
        return
    if problems and not build.switches.collect:
        raise Abort(f"Dừng dựng trang: {len(problems)} lỗi trong {what} (xem các dòng ở trên).")


def render_markdown(config: MkDocsConfig, template: str, **values) -> str:
    """Render a template of overrides/partials/*.md (templates that produce Markdown), with the language's
    `ui` strings.

    In Markdown, line breaks and indentation matter: block tags must leave no blank line or spaces behind.
    The environment is made once per build (static-i18n keeps the same theme object across languages).
    """
    build = context.current()
    if build.markdown_env is None:
        from .config import bytecode_cache

        build.markdown_env = config.theme.get_env().overlay(trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache(config))
    settings = context.settings(config)
    return build.markdown_env.get_template(template).render(ui=settings.ui, settings=settings, config=config, **values)
