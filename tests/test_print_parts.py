"""What the printed editions add to the pages, on small documents: which tables are kept on one page and which
are numbered (sotay_boiduong.print_parts)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from sotay_boiduong import print_parts

WORDS = {"table_label": "Bảng", "figure_label": "Hình"}


def _table(rows: int, cell: str) -> str:
    body = "".join(f"<tr><td>{i}</td><td>{cell}</td></tr>" for i in range(rows))
    return f"<table><tr><th>A</th><th>B</th></tr>{body}</table>"


def test_a_short_table_is_kept_whole_and_a_long_one_of_few_rows_may_split_between_rows():
    doc = BeautifulSoup(
        f"<h3>Ngắn</h3>{_table(4, 'một dòng')}<h3>Dài</h3>{_table(6, 'chữ ' * 60)}<h3>Nhiều dòng</h3>{_table(12, 'x')}",
        "html.parser",
    )
    print_parts.keep_together(doc)
    kept = ["handbook-keep" in (table.get("class") or []) for table in doc.find_all("table")]
    assert kept == [True, False, False]


def test_the_glossarys_tables_are_not_numbered_and_the_others_are():
    doc = BeautifulSoup(
        '<section id="thuat-ngu/:"><h1>Thuật ngữ</h1><div class="handbook-no-glossary"><h3>Đ</h3>'
        + _table(2, "nghĩa")
        + '</div></section><section id="van-ban/:"><h1>Văn bản</h1><h2>So sánh</h2>'
        + _table(2, "y")
        + "</section>",
        "html.parser",
    )
    found = print_parts.number_tables_and_figures(doc, WORDS, {})
    assert [(item.label, item.caption) for item in found] == [("Bảng 1", "So sánh")]
    glossary, other = doc.find_all("table")
    assert glossary.find("caption") is None
    assert other.find("caption").get_text(" ", strip=True) == "Bảng 1. So sánh"
