"""A repair to mkdocs-with-pdf 0.9.3 (its last release, 2021) for the Beautiful Soup this project pins.

with-pdf copies each page's article with its own `clone_element`, which reads `Tag.builder`. Beautiful Soup
4.13 and later keep no builder on a tag, so every read becomes a search of the whole subtree for a tag named
"builder" (Tag.__getattr__), and each copy loses the parse's HTML/XML flag. Every CSS selector run on the
copies afterwards (with-pdf's own, then the editions') asks for that flag at each element it tests, and each
answer searches the whole article once more: that was half the time of a build with PDFs.

Beautiful Soup's own copy (copy.copy of a tag copies its children too) keeps the flag and reads nothing it
does not have, so with-pdf's two modules that copy are pointed to it. Written here, not as a fork of with-pdf,
because the repair is two names and the plugin is otherwise used as it is.
"""

from __future__ import annotations

import copy

from bs4 import PageElement


def clone_element(element: PageElement) -> PageElement:
    """A deep copy of `element` that remembers it is HTML (what with-pdf's clone_element is meant to do)."""
    return copy.copy(element)


def repair() -> None:
    """Point mkdocs-with-pdf at `clone_element` above; harmless when with-pdf is not installed."""
    try:
        from mkdocs_with_pdf import generator, toc
    except ImportError:
        return
    generator.clone_element = clone_element
    toc.clone_element = clone_element
