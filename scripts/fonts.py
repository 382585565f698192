"""One woff2 file per weight and style of Noto Sans, holding both the latin and the Vietnamese subset.

@fontsource/noto-sans splits each style by script, for sites whose pages use only some scripts. Every page of
this handbook needs both subsets (Vietnamese letters with tone marks are in the second), so the split cost a
phone two requests per style where one will do; merged, the pair is also about 10% smaller. fontTools (which
WeasyPrint already needs) does the merge; glyphs, outlines and kerning are the package's own.

    python scripts/fonts.py PACKAGE_DIR OUTPUT_DIR     (scripts/fonts.sh runs it with the npm package)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

STYLES = ["400-normal", "700-normal", "400-italic", "700-italic"]
SUBSETS = ["latin", "vietnamese"]


def merge_subsets(package: Path, style: str, output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain, created, modified = [], 0, 0
        for subset in SUBSETS:
            font = TTFont(package / "files" / f"noto-sans-{subset}-{style}.woff2")
            created = max(created, font["head"].created)
            modified = max(modified, font["head"].modified)
            font.flavor = None  # the merger reads plain TrueType files
            path = Path(tmp) / f"{subset}.ttf"
            font.save(path)
            plain.append(str(path))
        # STAT (variable-font axis names) differs between the subsets and says nothing a static face needs.
        merged = Merger(options=Options(drop_tables=["STAT"])).merge(plain)
    # The package's own dates instead of today's, so that running the script again changes no file.
    merged["head"].created, merged["head"].modified = created, modified
    merged.recalcTimestamp = False
    merged.flavor = "woff2"
    merged.save(output)


def main(package: Path, out_dir: Path) -> None:
    for old in out_dir.glob("noto-sans-*.woff2"):
        old.unlink()
    for style in STYLES:
        target = out_dir / f"noto-sans-{style}.woff2"
        merge_subsets(package, style, target)
        print(f"{target}: {target.stat().st_size} bytes")
    shutil.copyfile(package / "LICENSE", out_dir / "OFL.txt")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
