"""MkDocs hook: the offline copy's build, and the link to it on each language's home page.

Material's offline plugin makes a site that works from file:// (navigation and search), but it turns off
directory URLs, so it cannot be the published site without changing every address. `scripts/build.sh`
therefore runs a second strict build of the same sources with HANDBOOK_OFFLINE=true (which turns the
plugin on in mkdocs.yml) and packs it into one zip per language (sotay_boiduong.offline). In that build this
hook:
- points Material's file:// worker shim at the copy in docs/assets/javascripts/ (the plugin would
  otherwise load it from unpkg.com: no page may ask another host for anything);
- leaves out the language switcher, since each zip holds one language, and the zip button.

The published site is also an app a learner installs on a phone and reads offline (sotay_boiduong.adapters.app,
when HANDBOOK_SERVICE_WORKER asks for it; never in the offline copy): this hook gives the templates the switch,
keeps each language's manifest, and writes the manifests, icons and (unless scripts/build.py makes them after its
PDFs and zips) the service workers once the whole site is written.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from sotay_boiduong import offline, pwa
from sotay_boiduong.adapters import app, context
from sotay_boiduong.adapters.i18n import is_final_build, language_prefix, offline_copy

log = get_plugin_logger("offline")

SHIM = "assets/javascripts/iframe-worker.js"


@event_priority(90)  # before the offline plugin's on_config, which adds the unpkg.com shim if none is set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    copy = offline_copy(config)
    if copy:
        config.extra["polyfills"] = [SHIM]
    config.extra["handbook_offline_copy"] = copy
    config.extra["handbook_app"] = app.enabled(config)
    return config


def on_env(env, config: MkDocsConfig, files):
    settings = context.settings(config)
    # The zip of this language's copy, named after the language (sotay_boiduong.offline.zip_path).
    env.globals["handbook_offline_path"] = language_prefix(config) + offline.zip_path(settings.offline_path, settings.language)
    if config.extra.get("handbook_app"):
        env.globals.update(app.template_values())
        app.remember_manifest(config)
    return env


@event_priority(-120)  # after hooks/search.py (-110), which writes the search worker and indexes to be saved
def on_post_build(config: MkDocsConfig) -> None:
    if not config.extra.get("handbook_app") or not is_final_build(config):
        return
    try:
        for line in app.write(config):
            log.info(line)
    except pwa.PwaError as error:
        raise PluginError(f"Ứng dụng đọc ngoại tuyến: {error}") from None


@event_priority(-10)  # after static-i18n (50), which sets the language switcher for each page
def on_page_context(context_, page, config: MkDocsConfig, nav):
    if config.extra.get("handbook_offline_copy"):
        # static-i18n sets it both as an item and as an attribute of `extra` (which Jinja reads first).
        config.extra["alternate"] = []
        config.extra.alternate = []
    if config.extra.get("handbook_app"):
        app.remember_page(page, config)
    return context_
