"""Runs of words that a page shares with the seed documents (the news articles and the 2016 programme guide
that the handbook's facts come from): the handbook states facts in its own sentences, never in theirs.

The seeds are not part of the repository. `tests/data/seed-shingles.txt` holds only a hash of every run of
RUN words in them (after the normalisation below), so a test can find a copied run without the seeds' text:
    python tests/overlap.py --update ../shared/seeds     rebuild the hash list from the seed files
    python tests/overlap.py docs/huong-dan/chuong-trinh.md   list the copied runs of a page
Names and titles (the programme's name, the titles of documents) may be quoted: `TITLES` are removed from a
page before it is compared.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from pathlib import Path

RUN = 14
DATA = Path(__file__).parent / "data" / "seed-shingles.txt"
ROOT = Path(__file__).resolve().parent.parent
# Titles that a page may repeat word for word (normalised like the text).
TITLES = [
    "chương trình bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở",
    "tài liệu bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở",
    "hướng dẫn thực hiện chương trình bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở",
    "bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở",
    # the programme's list of areas and of local topics, lesson titles, names of campaigns and chapters
    "tổ chức cơ sở đảng vị trí chức năng nhiệm vụ và phương thức lãnh đạo của tổ chức cơ sở đảng",
    "chức năng nhiệm vụ và phương thức lãnh đạo của tổ chức cơ sở đảng",
    "công tác tư tưởng công tác tổ chức công tác kiểm tra giám sát khen thưởng kỷ luật",
    "phát triển giáo dục và đào tạo xây dựng văn hoá con người bảo vệ tài nguyên môi trường ở cơ sở",
    "phòng chống tự diễn biến tự chuyển hoá trong cán bộ đảng viên ở cơ sở",
    "tự diễn biến tự chuyển hoá trong cán bộ đảng viên ở cơ sở",
    "công tác kiểm tra giám sát của cấp uỷ và uỷ ban kiểm tra các cấp ở địa phương",
    "công tác dân vận của cấp uỷ chính quyền mặt trận tổ quốc và các đoàn thể ở địa phương",
    "công tác dân vận của cấp uỷ chính quyền mặt trận và các đoàn thể ở địa phương",
    "công tác dân vận của cấp uỷ chính quyền mặt trận và các đoàn thể",
    "học tập và làm theo tư tưởng đạo đức phong cách hồ chí minh",
    "đảng lãnh đạo nhà nước mặt trận tổ quốc và các đoàn thể chính trị xã hội",
    "nhà nước mặt trận tổ quốc và các đoàn thể chính trị xã hội",
    "văn kiện đại hội xii của đảng",
    "văn kiện các hội nghị trung ương",
]
# A word's letters and the combining marks that words() moves behind them, so that words(words(x)) == words(x).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+", re.UNICODE)
# The seeds write both tone-mark styles ("ủy", "uỷ"); compare without the difference.
_TONE = str.maketrans({"ủ": "u", "ỷ": "y", "ù": "u", "ỳ": "y", "ú": "u", "ý": "y", "ũ": "u", "ỹ": "y", "ụ": "u", "ỵ": "y"})


def words(text: str) -> list[str]:
    """Lower-case NFC words, with the placement of tone marks on "uy"/"oa"/"oe" made irrelevant."""
    text = unicodedata.normalize("NFC", text).lower()
    result = []
    for word in _WORD.findall(text):
        decomposed = unicodedata.normalize("NFD", word)
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch in "\u0306\u0302\u031b")
        marks = "".join(ch for ch in decomposed if unicodedata.combining(ch) and ch not in "\u0306\u0302\u031b")
        result.append(unicodedata.normalize("NFC", base) + marks)  # letters first, then the tone mark
    return result


def _key(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def shingles(text: str) -> dict[str, list[str]]:
    found = {}
    tokens = words(text)
    for start in range(len(tokens) - RUN + 1):
        run = tokens[start : start + RUN]
        found[_key(run)] = run
    return found


def without_titles(text: str) -> str:
    normal = " ".join(words(text))
    for title in TITLES:
        normal = normal.replace(" ".join(words(title)), " ¶ ")
    return normal


def copied_runs(text: str, seed_keys: set[str]) -> list[str]:
    """The runs of RUN words of `text` (titles removed) whose hash is among the seeds'."""
    return [" ".join(run) for key, run in shingles(without_titles(text)).items() if key in seed_keys]


def seed_keys() -> set[str]:
    return set(DATA.read_text(encoding="utf-8").split())


def main(argv: list[str]) -> int:
    if argv[:1] == ["--update"]:
        keys = set()
        for path in sorted(Path(argv[1]).glob("*.txt")):
            keys |= set(shingles(path.read_text(encoding="utf-8")))
        DATA.parent.mkdir(exist_ok=True)
        DATA.write_text("\n".join(sorted(keys)) + "\n", encoding="utf-8")
        print(f"{DATA}: {len(keys)} runs of {RUN} words")
        return 0
    keys, status = seed_keys(), 0
    for name in argv or [str(p) for p in sorted((ROOT / "docs").rglob("*.md")) if not p.name.endswith(".en.md")]:
        for run in copied_runs(Path(name).read_text(encoding="utf-8"), keys):
            print(f"{name}: {run}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
