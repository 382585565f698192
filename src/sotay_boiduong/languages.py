"""Which language a source file is written in, under static-i18n's suffix layout (page.md, page.en.md)."""

from __future__ import annotations

from pathlib import PurePosixPath


def language_of(src_uri: str, languages: list[str], default: str) -> str:
    """`bai-hoc/bai-1.en.md` is English; a file without a known language suffix is in the default language."""
    parts = PurePosixPath(src_uri).name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in languages else default


def format_number(value: float, language: str) -> str:
    """1 → "1"; 0.5 → "0,5" in Vietnamese, "0.5" in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "vi" else text


def slugify(value: str, separator: str = "-") -> str:
    """Heading anchors in plain ASCII: "Đảng bộ cơ sở" → "dang-bo-co-so".

    Python-Markdown's default drops "đ" (it has no decomposition) and writes "ang-bo-co-so".
    """
    import re
    import unicodedata

    value = value.replace("đ", "d").replace("Đ", "D")
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)
