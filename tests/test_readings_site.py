"""Required readings on the real site: every citation link resolves, replaced documents say by what, the
reading list and back-links are generated; the importer; and the citation mistakes that stop the build."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from sotay_boiduong import importer

SITE = "http://handbook.test/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_every_citation_link_resolves_to_an_existing_anchor(real_site):
    checked, ids = 0, {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {element["id"] for element in soup(path).find_all(id=True)}
        return ids[path]

    pages = list(real_site.site.glob("bai-hoc/bai-*/index.html")) + list(real_site.site.glob("en/bai-hoc/bai-*/index.html"))
    pages += list(real_site.site.glob("chuyen-de/*/index.html"))
    for page in pages:
        base = urljoin(SITE, page.relative_to(real_site.site).as_posix())
        for link in soup(page).select("a.handbook-cite, a.handbook-successor"):
            target = urlparse(urljoin(base, link["href"]))
            target_file = real_site.site / unquote(target.path).lstrip("/") / "index.html"
            assert target_file.exists(), (page, link["href"])
            if target.fragment:
                assert target.fragment in anchors(target_file), (page, link["href"])
            assert link.get("title"), link
            checked += 1
    assert checked > 150


def test_citations_of_replaced_documents_name_their_successor(real_site):
    page = soup(real_site.site / "bai-hoc/bai-5/index.html")
    replaced = page.select("a.handbook-cite--replaced")
    assert replaced
    successors, told = set(), set()
    for link in replaced:
        current = link["title"].removeprefix("Đã được thay thế — văn bản hiện hành: Quy định ")
        assert link["title"] != current
        successor = link.find_next_sibling("a")
        if successor is None or "handbook-successor" not in successor["class"]:
            # no pill where the sentence itself names the successor ("… 22-QĐ/TW, văn bản này còn thay thế …")
            sentence = link.parent.get_text(" ")
            assert current in sentence, sentence
            told.add(current)
            continue
        assert successor.get_text() == f"nay là Quy định {current}"
        successors.add(current)
    assert {"296-QĐ/TW", "294-QĐ/TW"} <= successors  # the pills
    assert "37-QĐ/TW" in told  # "Quy định 37-QĐ/TW … thay thế Quy định 47-QĐ/TW": no pill, the sentence says it


@pytest.mark.parametrize("language, page, successor", [
    ("vi", "van-ban/qd-29-2016", "Quy định 294-QĐ/TW"), ("vi", "van-ban/qd-30-2016", "Quy định 296-QĐ/TW"),
    ("en", "en/van-ban/qd-29-2016", "Regulation 294-QĐ/TW"), ("en", "en/van-ban/qd-30-2016", "Regulation 296-QĐ/TW"),
])
def test_replaced_pages_say_so_at_the_top_naming_the_successor(real_site, language, page, successor):
    article = soup(real_site.site / page / "index.html").find("article")
    first_box = article.find("div", class_="admonition")
    assert "danger" in first_box["class"]
    assert successor in first_box.get_text()
    assert any(a.get_text() == successor for a in first_box.select("a"))
    elements = [el for el in article.children if getattr(el, "name", None)]
    assert elements[0].name == "h1" and elements[1] is first_box  # nothing comes between the title and the banner
    chain = " ".join(first_box.get_text().split())
    assert ("24-QĐ/TW" in chain and "232-QĐ/TW" in chain) or "22-QĐ/TW" in chain


def test_charter_page_has_every_article_anchor_and_backlinks(real_site):
    page = soup(real_site.site / "van-ban/dieu-le-dang/index.html")
    for number in range(1, 49):
        assert page.find(id=f"dieu-{number}") is not None, number
    for number in range(1, 13):
        assert page.find(id=f"chuong-{number}") is not None, number
    heading = page.find(id="dieu-21")
    backlinks = heading.find_next("p", class_="handbook-backlinks")
    assert backlinks.find_previous(["h2", "h3"]) is heading
    labels = [a.get_text() for a in backlinks.select("a")]
    assert any(label.startswith("Bài 1.") for label in labels) and any(label.startswith("Bài 3.") for label in labels)


def test_reading_list_is_generated_from_the_registry_grouped_by_status(real_site):
    page = soup(real_site.site / "van-ban/index.html")
    groups = [h.get_text(strip=True).rstrip("#") for h in page.select("article h2")]
    # No document's status is unknown since the HD 12 entry left the registry (its date was not found).
    assert groups[:4] == ["Đang có hiệu lực", "Đã được thay thế", "Tài liệu tham khảo", "Đọc văn kiện như thế nào"]
    for document_id in ("qd-29-2016", "qd-24-2021", "qd-232-2025", "qd-294-2025", "hd-06-2025", "qd-37-2021", "ct-50-2025", "hd-42-2025"):
        assert page.find(id=document_id) is not None, document_id
    entry = page.find(id="qd-29-2016").find_next("p")
    assert "hiện hành: Quy định 294-QĐ/TW" in " ".join(entry.get_text().split())


def test_importer_round_trip_on_synthetic_text():
    text = "\n".join([
        "VĂN BẢN THỬ", "", "Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Văn bản thử nghiệm về một câu lạc bộ.",
        "Điều 2. Thành viên", "1. Người đủ 18 tuổi có thể tham gia.", "2. Thành viên có quyền:", "a) mượn sách;",
        "b) đề xuất sách mới,", "kể cả sách ngoại văn;", "đ) bầu ban điều hành.", "Chương II: HOẠT ĐỘNG", "Điều 3.",
        "1. Họp mỗi tháng một lần.",
    ])
    markdown = importer.to_markdown(importer.parse(text), title="Văn bản thử", document="vb-thu")
    anchors = re.findall(r"\{ #([a-z0-9-]+) \}", markdown)
    assert anchors == ["chuong-1", "dieu-1", "dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2", "dieu-2-khoan-2-diem-a",
                       "dieu-2-khoan-2-diem-b", "dieu-2-khoan-2-diem-dd", "chuong-2", "dieu-3", "dieu-3-khoan-1"]
    assert "## Chương I. Những quy định chung { #chuong-1 }" in markdown
    assert "**b)** đề xuất sách mới, kể cả sách ngoại văn;" in markdown
    # Back to text and in again: the same page.
    assert importer.to_markdown(importer.parse(importer.export(markdown)), title="Văn bản thử", document="vb-thu") == markdown


def test_importer_rejects_text_without_articles_and_duplicate_articles():
    with pytest.raises(importer.ImportTextError, match="không tìm thấy điều nào"):
        importer.parse("Chương I\nKHÔNG CÓ ĐIỀU\n1. một khoản\n")
    with pytest.raises(importer.ImportTextError, match="dòng 3: Điều 1 xuất hiện hai lần"):
        importer.parse("Điều 1. A\nnội dung\nĐiều 1. B\n")


def test_imported_page_replaces_a_summary_without_breaking_links(fixture_site):
    text = "Chương I\nĐẢNG VIÊN\nĐiều 1.\n1. Khoản một.\n2. Khoản hai.\nĐiều 2.\nNội dung điều hai.\n"
    page = importer.to_markdown(importer.parse(text), title="Văn bản thử", document="dieu-le-dang")
    lesson_link = "[Điều 2](../van-ban/dieu-le-dang.md#dieu-2) và [khoản 2 Điều 1](../van-ban/dieu-le-dang.md#dieu-1-khoan-2)"
    registry = (Path(__file__).resolve().parent.parent / "docs/_data/van-ban.yml").read_text("utf-8")
    # Only the Charter's page is in this small site: the other entries lose their page (a missing page is an error).
    registry = re.sub(r"(?m)^  page: van-ban/(?!dieu-le-dang\.md).*\n", "", registry)
    build = fixture_site({"index.md": "# Trang chủ\n", "_data/van-ban.yml": registry, "van-ban/dieu-le-dang.md": page, "huong-dan/x.md": f"# X\n\n{lesson_link}\n"})
    assert build.returncode == 0, build.output
    built = soup(build.site / "van-ban/dieu-le-dang/index.html")
    assert built.find(id="dieu-2") is not None and built.find(id="dieu-1-khoan-2") is not None
