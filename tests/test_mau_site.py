"""The part "Mẫu và biểu" in the real site, built once for the test run (the `real_site` fixture): every model
page reachable from the menu in both languages, its .docx beside it, and the printed editions holding the papers
they should and none they should not (pdftotext)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdf_tools
import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
MAU = ROOT / "docs" / "mau"
PAGES = sorted(p for p in MAU.glob("*.md") if not p.name.startswith("index") and not p.name.endswith(".en.md"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])


def english(path: Path) -> Path:
    return path.with_name(path.name.replace(".md", ".en.md"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_model_page_is_in_the_menu_of_its_language(real_site, prefix):
    index = BeautifulSoup(real_site.page(f"{prefix}mau/index.html"), "html.parser")
    menu = {a["href"].rstrip("/").split("/")[-1] for a in index.select("nav.md-nav--primary a[href]")}
    listed = {a["href"].rstrip("/").split("/")[-1] for a in index.select("article a[href]")}
    for path in PAGES:
        slug = path.name.split(".")[0]
        assert slug in menu, (prefix, slug)
        page = BeautifulSoup(real_site.page(f"{prefix}mau/{slug}/index.html"), "html.parser")
        assert page.html["lang"] == ("en" if prefix else "vi")
        title = front_matter(english(path) if prefix else path)["title"]
        assert page.select_one("article h1").get_text(strip=True).startswith(title)
        # the cell's papers are listed on the index for everyone, the class papers in the lecturers' block
        entry = index.select_one(f"article a[href$='{slug}/']")
        assert slug in listed and entry is not None, slug
        assert (entry.find_parent(class_="handbook-lecturer") is not None) == (front_matter(path)["audience"] == "giang-vien"), slug


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_form_has_its_docx_linked_from_its_page(real_site, prefix):
    for path in PAGES:
        form = front_matter(path).get("form")
        slug = path.name.split(".")[0]
        page = BeautifulSoup(real_site.page(f"{prefix}mau/{slug}/index.html"), "html.parser")
        link = page.select_one(".handbook-model-download a[href]")
        if form is None:
            assert link is None, slug
            continue
        assert link["href"] == f"../{form}.docx"
        assert (real_site.site / prefix / "mau" / f"{form}.docx").is_file()


def test_the_offline_copy_carries_the_docx_files_and_links_them(real_site):
    [archive] = (real_site.site / "offline").glob("*.zip")
    with zipfile.ZipFile(archive) as packed:
        names = packed.namelist()
        docx = [name for name in names if name.endswith("/mau/bien-ban-sinh-hoat.docx") or name == "mau/bien-ban-sinh-hoat.docx"]
        assert docx, [n for n in names if "mau/" in n][:10]
        page = next(name for name in names if name.endswith("mau/bien-ban-sinh-hoat.html"))
        html = BeautifulSoup(packed.read(page).decode("utf-8"), "html.parser")
        assert html.select_one(".handbook-model-download a")["href"] == "bien-ban-sinh-hoat.docx"


BOOKS = {"hoc-vien": "pdf/so-tay-hoc-vien.pdf", "hoc-vien-a5": "pdf/so-tay-hoc-vien-a5.pdf", "giang-vien": "pdf/so-tay-giang-vien.pdf"}


FORMS = {form["id"]: form for form in yaml.safe_load((ROOT / "docs/_data/mau-bieu.yml").read_text("utf-8"))["forms"]}


def outline_titles(path: Path) -> list[str]:
    from pypdf import PdfReader

    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [item.title]

    return list(walk(PdfReader(path).outline))


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("edition", list(BOOKS))
def test_each_edition_holds_the_papers_it_should_and_not_the_others(real_site, prefix, edition):
    """A cell's paper is in the books its `print` names (all three by default: the minutes, resolutions,
    checklists and registers a secretary uses at home), a class paper in the lecturer's only: its page in the
    contents and the outline, and its printed form (the form's title, in capitals, from pdftotext)."""
    book = real_site.site / prefix / BOOKS[edition]
    text = " ".join(pdf_tools.text(book).split())
    titles = outline_titles(book)
    language = "en" if prefix else "vi"
    for path in PAGES:
        data = front_matter(english(path) if prefix else path)
        should = edition == "giang-vien" or (data["audience"] == "bi-thu" and edition in data.get("print", [edition]))
        assert (data["title"] in titles) == should, (edition, data["title"])
        if data.get("form"):
            assert (FORMS[data["form"]]["title"][language] in text) == should, (edition, data["form"])
    assert ("The handbook's reference model" if prefix else "Mẫu tham khảo của sổ tay") in text
