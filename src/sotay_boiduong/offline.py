"""The offline copy of each language's site: which files go in, and the zip.

Plain functions with no MkDocs in them. The offline build is a second build of the same sources with
Material's offline plugin on (no directory URLs, search from file://), run by scripts/build.py; this module
chooses its files per language and packs them under one top folder, with an index.html at the top that opens
the language's home page, and the language's learner handbook.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

# Not needed to read offline: source maps (for developers), the sitemap (for search engines), the JSON search
# index (from file:// Material loads search_index.js instead), and the page a web server shows for a missing
# address (from file:// no server shows it, and its links are from the site's root, nowhere on a disk).
_SKIP_SUFFIXES = (".map", ".xml", ".xml.gz", "search/search_index.json", "404.html")
_LUNR = "assets/javascripts/lunr/"


def _lunr_needed(relative: str, search_languages: Iterable[str]) -> bool:
    """Material ships lunr support for thirty languages; search loads only those of the site."""
    wanted = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    wanted |= {f"min/lunr.{language}.min.js" for language in search_languages}
    return relative[len(_LUNR):] in wanted


def zip_path(offline_path: str, language: str) -> str:
    """The zip of one language's copy: its file name names the language ("….zip" → "…-vi.zip"), so that two
    copies downloaded to one folder stay apart and a reader sees which one is which."""
    path = Path(offline_path)
    return path.with_name(f"{path.stem}-{language}{path.suffix}").as_posix()


def language_files(
    site: Path, prefixes: Mapping[str, str], language: str, search_languages: Iterable[str] = ("vi", "en")
) -> Iterator[str]:
    """The site's files that the offline copy of `language` needs, as POSIX paths relative to `site`.

    A language's own folder ("" for the default language, "en/" for English) minus the other languages'
    folders, plus the shared theme files (assets/) that every language's pages load.
    """
    search_languages = list(search_languages)
    own = prefixes[language]
    others = [prefix for other, prefix in prefixes.items() if other != language and prefix]
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.endswith(_SKIP_SUFFIXES):
            continue
        if relative.startswith(_LUNR) and not _lunr_needed(relative, search_languages):
            continue
        if relative.startswith("assets/"):
            yield relative
            continue
        if any(relative.startswith(prefix) for prefix in others):
            continue
        if own and not relative.startswith(own):
            continue
        yield relative


def opener_page(target: str, title: str, text: str, language: str) -> str:
    """A page at the top of the zip that sends the reader to the language's home page."""
    return (
        "<!doctype html>\n"
        f'<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f"<title>{title}</title></head>"
        f'<body><p><a href="{target}">{text}</a></p></body></html>\n'
    )


def write_zip(site: Path, files: list[str], out: Path, top: str, opener: str | None) -> None:
    """Pack `files` of `site` under the folder `top` into `out`, through a temporary file (a reader
    never gets half a zip)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    # Fixed timestamps, so the same site gives the same zip.
    stamp = (2020, 1, 1, 0, 0, 0)

    def entry(relative: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{top}/{relative}", stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        if opener is not None:
            archive.writestr(entry("index.html"), opener)
        for relative in files:
            archive.writestr(entry(relative), (site / relative).read_bytes())
    os.replace(partial, out)



def pack(
    copy: Path,
    site: Path,
    *,
    prefixes: Mapping[str, str],
    offline_path: str,
    pdf_paths: Iterable[str],
    opener_texts: Mapping[str, str],
    search_languages: Iterable[str],
) -> list[str]:
    """Pack the offline build `copy` into one zip per language at `site`/<prefix>/`zip_path(offline_path)`,
    each with the language's PDF handbook under every name in `pdf_paths` (the edition's file, which the copy's
    home page links, and the former file name), copied from `site` where they were built. Returns one line of
    report per zip."""
    report = []
    pdf_paths = list(pdf_paths)
    for prefix in prefixes.values():
        for pdf_path in pdf_paths:
            pdf, target = site / prefix / pdf_path, copy / prefix / pdf_path
            if pdf.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(pdf, target)
    for language, prefix in prefixes.items():
        files = list(language_files(copy, prefixes, language, search_languages))
        top = Path(offline_path).stem + (f"-{language}" if prefix else "")
        opener = None
        if prefix:
            text = opener_texts.get(language, "")
            opener = opener_page(f"{prefix}index.html", text, text, language)
        out = site / prefix / zip_path(offline_path, language)
        write_zip(copy, files, out, top, opener)
        report.append(f"Bản ngoại tuyến {language}: {out.relative_to(site)} ({len(files)} tệp, {out.stat().st_size // 1024} KiB)")
    return report
