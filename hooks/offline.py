"""MkDocs hook: the offline copy's build, and the link to it on each language's home page.

Material's offline plugin makes a site that works from file:// (navigation and search), but it turns off
directory URLs, so it cannot be the published site without changing every address. `scripts/build.sh`
therefore runs a second strict build of the same sources with HANDBOOK_OFFLINE=true (which turns the
plugin on in mkdocs.yml) and packs it into one zip per language (sotay_boiduong.offline). In that build this
hook:
- points Material's file:// worker shim at the copy in docs/assets/javascripts/ (the plugin would
  otherwise load it from unpkg.com: no page may ask another host for anything);
- leaves out the language switcher, since each zip holds one language, and the zip button.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sotay_boiduong import offline
from sotay_boiduong.adapters import context
from sotay_boiduong.adapters.i18n import language_prefix, offline_copy

SHIM = "assets/javascripts/iframe-worker.js"


@event_priority(90)  # before the offline plugin's on_config, which adds the unpkg.com shim if none is set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    copy = offline_copy(config)
    if copy:
        config.extra["polyfills"] = [SHIM]
    config.extra["handbook_offline_copy"] = copy
    return config


def on_env(env, config: MkDocsConfig, files):
    settings = context.settings(config)
    # The zip of this language's copy, named after the language (sotay_boiduong.offline.zip_path).
    env.globals["handbook_offline_path"] = language_prefix(config) + offline.zip_path(settings.offline_path, settings.language)
    return env


@event_priority(-10)  # after static-i18n (50), which sets the language switcher for each page
def on_page_context(context_, page, config: MkDocsConfig, nav):
    if config.extra.get("handbook_offline_copy"):
        # static-i18n sets it both as an item and as an attribute of `extra` (which Jinja reads first).
        config.extra["alternate"] = []
        config.extra.alternate = []
    return context_
