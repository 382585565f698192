"""The handbook's own stylesheets and scripts as a reader's phone receives them: without comments and indentation.

Their sources are written to be read by the next editor, and half of them is comments (handbook.css: 7.9 KB of
gzip, 4.3 KB without them). A first visit of a lesson must stay within 150 KB (issue 26), and these files are on
every page, so they are served minified; the sources in docs/assets/ stay as they are. rcssmin and rjsmin (one
maintainer, the second already used for the search worker) know CSS and JavaScript strings, regular expressions
and `/*! … */` licence comments, which a regular expression of ours would not.
"""

from __future__ import annotations

import re

import rcssmin
import rjsmin

SUFFIXES = (".css", ".js")


def minified(name: str, text: str) -> str:
    """`text` of the file `name` (a .css or .js file) without its comments and needless spaces."""
    if name.endswith(".css"):
        return rcssmin.cssmin(text)
    if name.endswith(".js"):
        return rjsmin.jsmin(text)
    raise ValueError(f"{name}: only .css and .js files are minified")


def own_assets(extra_css: list[str], extra_javascript: list[str]) -> set[str]:
    """The stylesheets and scripts the site's configuration lists from its own docs/ folder (not a URL)."""
    names = [*extra_css, *(str(script) for script in extra_javascript)]
    return {name for name in names if name.endswith(SUFFIXES) and "://" not in name and not name.startswith("//")}


# What keeps its whitespace as written: preformatted text, and code whose lines are meaningful.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_LINE_BREAKS = re.compile(r"[ \t\r\f]*\n\s*")


def html(text: str) -> str:
    """A page without the indentation and blank lines of its templates (Material's navigation is mostly that).

    Hand-written, not a library minifier: those also drop or join spaces between elements by what an element
    usually is (inline or block), which changes the text where a stylesheet sets another `display` or keeps
    `white-space`. Here every run of whitespace that holds a line break becomes one line break, which HTML
    renders exactly as it rendered the run; `pre`, `textarea`, `script` and `style` are left as they are."""
    parts = _VERBATIM.split(text)
    # split() with two groups returns: text, verbatim element, its tag name, text, …
    out = []
    for index in range(0, len(parts), 3):
        out.append(_LINE_BREAKS.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
