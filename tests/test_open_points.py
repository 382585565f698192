"""The facts still open and their one note each (sotay_boiduong.open_points), on text and on the real site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sotay_boiduong import open_points

ROOT = Path(__file__).resolve().parent.parent
LIST = """- id: ten-bai
  status: likely
  fact: Tên các bài theo các lĩnh vực của chương trình.
  fact_en: The lessons' titles follow the programme's areas.
- id: dieu-23
  status: likely
  fact: Nhiệm vụ ở Điều 23 chỉ đọc được một phần.
  fact_en: Article 23 was read in part only.
"""


def test_every_note_names_a_known_point_once_per_language_and_every_point_is_noted():
    points, problems = open_points.load("docs/_data/diem-doi-chieu.yml", LIST)
    assert not problems and list(points) == ["ten-bai", "dieu-23"]
    page = 'Đoạn.\n\n!!! doi-chieu "ten-bai"\n    Ghi chú.\n\n```markdown\n!!! doi-chieu\n```\n\n!!! doi-chieu\n    Không mã.\n\n!!! doi-chieu "khong-co"\n    X.\n'
    notes, written = open_points.notes_in("docs/bai-hoc/index.md", page)
    assert [(n.point, n.line) for n in notes] == [("ten-bai", 3), ("khong-co", 13)]  # the fenced example is not a note
    assert [str(p) for p in written] == ["docs/bai-hoc/index.md:10: hộp ghi chú biên tập không nêu mã điểm cần đối chiếu — Cách sửa: viết `!!! doi-chieu \"<mã>\"` với một mã trong docs/_data/diem-doi-chieu.yml; nội dung thụt vào bốn dấu cách ở dòng dưới"]
    again = open_points.Note("ten-bai", "docs/bai-hoc/bai-1.md", 40)
    found = [str(p) for p in open_points.check([*notes, again], points, "docs/_data/diem-doi-chieu.yml", "vi", complete=True)]
    assert found[0].startswith("docs/bai-hoc/index.md:3: điểm `ten-bai` đã có ghi chú ở docs/bai-hoc/bai-1.md:40; mỗi điểm chỉ ghi chú một lần")
    assert found[1].startswith("docs/bai-hoc/index.md:13: mã điểm cần đối chiếu `khong-co` không có trong docs/_data/diem-doi-chieu.yml")
    assert found[2].startswith("docs/_data/diem-doi-chieu.yml:5: điểm `dieu-23` không có ghi chú nào bằng tiếng Việt")
    assert len(found) == 3


@pytest.mark.parametrize("text, message", [
    ("- id: x\n  status: maybe\n  fact: Một điều chưa rõ.\n  fact_en: Something open.\n", "status"),
    ("- id: Có dấu\n  status: check\n  fact: Một điều chưa rõ.\n  fact_en: Something open.\n", "id"),
    ("- id: x\n  status: check\n  fact: Một <b>điều</b> chưa rõ.\n  fact_en: Something open.\n", "fact"),
])
def test_a_wrong_entry_of_the_list_is_named_with_its_line(text, message):
    _, problems = open_points.load("docs/_data/diem-doi-chieu.yml", text)
    assert problems and all(p.path == "docs/_data/diem-doi-chieu.yml" and p.line in (1, 2, 3) for p in problems), problems
    assert message in str(problems[0])


def test_the_vietnamese_pages_hold_at_most_twelve_notes_one_per_open_point(real_site):
    points, problems = open_points.load("x", (ROOT / "docs" / open_points.POINTS).read_text("utf-8"))
    assert not problems
    for prefix in ("", "en/"):
        seen: dict[str, str] = {}
        for page in sorted((real_site.site / prefix).rglob("index.html")):
            if prefix == "" and page.relative_to(real_site.site).parts[0] == "en":
                continue
            for box in BeautifulSoup(page.read_text("utf-8"), "html.parser").select(".admonition.doi-chieu"):
                point = box.get("data-point")
                assert point in points, (page, box.get_text()[:80])
                assert point not in seen, f"{point}: {seen.get(point)} and {page}"
                assert box["id"] == f"doi-chieu-{point}"
                seen[point] = str(page)
        assert set(seen) == set(points), set(points) - set(seen)
        assert len(seen) <= 12
