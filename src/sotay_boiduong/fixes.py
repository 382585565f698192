"""The safe automatic fixes of `bash scripts/check.sh --fix`: Unicode NFC and the handbook's tone-mark style.

They change nothing else, and applying them twice changes nothing the second time.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .checks import fix_tone_style_markdown


def fix_text(text: str) -> str:
    return fix_tone_style_markdown(unicodedata.normalize("NFC", text))


def fix_file(path: Path) -> bool:
    """Rewrite a UTF-8 file with the fixes; return whether it changed. A file not in UTF-8 is left alone."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    fixed = fix_text(text)
    if fixed == text:
        return False
    path.write_bytes(fixed.encode("utf-8"))
    return True
