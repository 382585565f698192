"""Reading the PDF handbooks as a reader would see them, quickly: poppler's pdftotext (about twenty times
faster than pypdf's text extraction on a 150-page handbook), each file read once per test run."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=64)
def _pages(path: str, mtime: float) -> tuple[str, ...]:
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
    pages = result.stdout.split("\f")
    return tuple(pages[:-1] if pages and not pages[-1].strip() else pages)


def pages(path: Path) -> list[str]:
    """The text of each page, in reading order."""
    return list(_pages(str(path), path.stat().st_mtime))


def text(path: Path) -> str:
    return "\n".join(pages(path))


def fonts(path: Path) -> dict[str, dict]:
    """Every font of the PDF: {name: {"embedded": bool, "characters": set of the characters it shows}}.

    The characters come from each font's ToUnicode map, so the test knows which letters a font sets without
    extracting the text page by page (a font is read once, however many pages use it)."""
    from pypdf import PdfReader

    reader, found, seen = PdfReader(path), {}, set()
    hexes = re.compile(r"<([0-9A-Fa-f]+)>")
    for page in reader.pages:
        for reference in page["/Resources"]["/Font"].values():
            key = getattr(reference, "idnum", id(reference))
            if key in seen:
                continue
            seen.add(key)
            font = reference.get_object()
            name = str(font["/BaseFont"]).split("+")[-1]
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            characters = set()
            if "/ToUnicode" in font:
                cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                    values = hexes.findall(block)
                    characters |= {bytes.fromhex(target).decode("utf-16-be", "replace") for target in values[1::2]}
                for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
                    values = hexes.findall(block)
                    for start, end, first in zip(values[0::3], values[1::3], values[2::3], strict=True):
                        base = int(first, 16)
                        characters |= {chr(base + offset) for offset in range(int(end, 16) - int(start, 16) + 1)}
            entry = found.setdefault(name, {"embedded": True, "characters": set()})
            entry["embedded"] &= any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            entry["characters"] |= characters
    return found


@dataclass(frozen=True)
class Word:
    xmin: float
    ymin: float
    xmax: float
    ymax: float
    text: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@lru_cache(maxsize=64)
def _layout(path: str, mtime: float) -> tuple[Page, ...]:
    result = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
    return tuple(
        Page(float(width), float(height), tuple(Word(*map(float, w[:4]), html.unescape(w[4])) for w in _WORD.findall(body)))
        for width, height, body in _PAGE.findall(result.stdout)
    )


def layout(path: Path) -> list[Page]:
    """Every page's size and words with their boxes (points, from the top left), as pdftotext -bbox gives them."""
    return list(_layout(str(path), path.stat().st_mtime))
