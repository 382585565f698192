"""The part "Mẫu và biểu" (docs/mau/, sotay_boiduong.mau): the form definitions and model pages as editors write
them and the mistakes the build refuses, the .docx files opened with python-docx, the probation register's dates,
the lessons' links to the models they ask for, and small fixture sites built with the real hooks: the page, its
order, its .docx, a wrong field or a wrong vote threshold stopping the strict build at its line, and the printed
editions (pdftotext) holding the papers they should."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pdf_tools
import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document

from sotay_boiduong.mau import docx as mau_docx
from sotay_boiduong.mau import forms, models, site, votes

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MAU = DOCS / "mau"
PAGES = sorted(p for p in MAU.glob("*.md") if not p.name.startswith("index"))
VIETNAMESE = [p for p in PAGES if not p.name.endswith(".en.md")]
NAV = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nnav:\n", 1)[1].join(["nav:\n", ""]))


def toolkit() -> site.Toolkit:
    loaded, problems = site.Toolkit.load(str(DOCS), lambda relative: f"docs/{relative}", None)
    assert problems == []
    return loaded


TOOLKIT = toolkit()
DEFINITIONS = TOOLKIT.definitions


def model_of(path: Path) -> models.Model:
    src_uri = f"mau/{path.name}"
    model, problems = models.validate(f"docs/{src_uri}", src_uri, path.read_text("utf-8"), DEFINITIONS)
    assert problems == [], problems
    return model


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])


# ---------------------------------------------------------------- the part as written


def test_every_model_page_has_its_english_twin_and_is_in_the_nav():
    section = next(item["Mẫu và biểu"] for item in NAV["nav"] if isinstance(item, dict) and "Mẫu và biểu" in item)
    listed = set(section)
    for path in VIETNAMESE + [MAU / "index.md"]:
        assert (MAU / path.name.replace(".md", ".en.md")).is_file(), path.name
        assert f"mau/{path.name}" in listed, path.name
    assert len(VIETNAMESE) >= 19


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_model_page_is_valid_and_its_translation_matches(path):
    model = model_of(path)
    if path.name.endswith(".en.md"):
        original = model_of(MAU / path.name.replace(".en.md", ".md"))
        assert models.check_twin(model, original) == []
    # each model says what it is for, when and by whom it is made, and the rules it follows
    assert model.data["purpose"] and model.data["when"] and model.data["by"] and model.data["rules"]


def test_the_papers_the_issue_asks_for_are_all_there():
    wanted = {
        "bien-ban-sinh-hoat", "nghi-quyet-thang", "nghi-quyet-nam", "xet-ket-nap", "xet-cong-nhan-chinh-thuc",
        "ke-hoach-kiem-tra", "thong-bao-ket-luan-kiem-tra", "bien-ban-ky-luat", "bao-cao-tu-tuong",
        "chuan-bi-sinh-hoat", "ho-so-ket-nap", "so-theo-doi-du-bi", "so-tiep-nhan-kien-nghi", "bang-so-phieu",
        "danh-sach-ky-ten", "bia-thu-hoach", "phieu-cham-thu-hoach", "phieu-danh-gia", "phieu-quan-sat-thuc-te",
        "phieu-khao-sat-dau-khoa",
    }  # fmt: skip
    assert wanted <= {p.name.split(".")[0] for p in VIETNAMESE}
    # every form has its page, every page with examples has its form
    assert set(DEFINITIONS.forms) == {model_of(p).form for p in VIETNAMESE if model_of(p).form}


def test_the_minutes_have_a_good_and_a_poor_example_with_the_differences_explained():
    model = model_of(MAU / "bien-ban-sinh-hoat.md")
    assert [e.get("quality") for e in model.examples] == ["good", "poor"]
    text = (MAU / "bien-ban-sinh-hoat.md").read_text("utf-8")
    assert "## Hai biên bản khác nhau ở đâu" in text
    assert text.index("handbook:example so-sai") < text.index("## Hai biên bản khác nhau ở đâu")


# The cell papers a secretary uses at home are in the learner's books too; the others in the lecturer's only.
LECTURERS_ONLY = {"ke-hoach-kiem-tra", "thong-bao-ket-luan-kiem-tra", "bien-ban-ky-luat", "bao-cao-tu-tuong"}


@pytest.mark.parametrize("path", VIETNAMESE, ids=lambda p: p.name)
def test_class_papers_print_for_lecturers_only_and_cell_papers_a_secretary_uses_for_everyone(path):
    model = model_of(path)
    printed = set(model.data.get("print", ["hoc-vien", "hoc-vien-a5", "giang-vien"]))
    if model.for_lecturers or path.stem in LECTURERS_ONLY:
        assert printed == {"giang-vien"}
    else:
        assert printed == {"hoc-vien", "hoc-vien-a5", "giang-vien"}
    assert (MAU / f"{path.stem}.en.md").exists() and set(model_of(MAU / f"{path.stem}.en.md").data.get("print", ["hoc-vien", "hoc-vien-a5", "giang-vien"])) == printed


def test_the_open_point_on_resolutions_has_its_one_note_on_the_monthly_resolution():
    for language_suffix in (".md", ".en.md"):
        notes = {p.name: p.read_text("utf-8").count('!!! doi-chieu "nghi-quyet-hd-36"') for p in MAU.glob(f"*{language_suffix}") if p.name.endswith(language_suffix) and (language_suffix == ".en.md") == p.name.endswith(".en.md")}
        assert {name: count for name, count in notes.items() if count} == {f"nghi-quyet-thang{language_suffix}": 1}


def test_every_model_says_it_is_the_handbooks_model_not_an_official_form():
    assert DEFINITIONS.word("kicker", "vi") == "Mẫu tham khảo của sổ tay"
    assert "không phải mẫu chính thức" in DEFINITIONS.word("status", "vi")
    assert "not an official form" in DEFINITIONS.word("status", "en")


# ---------------------------------------------------------------- the mistakes editors make


MODEL = """---
title: Mẫu thử
description: Một mẫu để thử.
audience: bi-thu
purpose: "Thử."
when: "Khi thử."
by: "Người thử."
rules:
  - "Điều 24 Điều lệ Đảng: chi bộ sinh hoạt thường kỳ mỗi tháng một lần."
lessons: [6]
form: bien-ban-sinh-hoat
examples:
  - id: tot
    title: "Chi bộ A"
    values:
      chu_tri: "đồng chí A."
      tong_so: 12
print: [hoc-vien, hoc-vien-a5, giang-vien]
---

Thân trang.
"""


def problems_of(text: str, src_uri: str = "mau/mau-thu.md") -> list:
    return models.validate(f"docs/{src_uri}", src_uri, text, DEFINITIONS)[1]


def test_the_test_model_is_valid():
    assert problems_of(MODEL) == []


@pytest.mark.parametrize(
    ("change", "line", "message", "fix"),
    [
        (("      chu_tri:", "      chu_tich:"), 16, "mẫu `bien-ban-sinh-hoat` không có trường `chu_tich`", "có phải là `chu_tri`?"),
        (("      tong_so: 12", "      tong_so: mười hai"), 17, "phải là một số nguyên", "viết số"),
        (("      tong_so: 12", "      tong_so: 12\n      thao_luan:\n        - {nguoi: A., noi_dung: B.}"), 19, "bảng `thao_luan` không có cột `noi_dung`", "các cột: nguoi, y_kien"),
        (("form: bien-ban-sinh-hoat", "form: bien-ban-sinh-hoat-chi-bo"), 11, "không có mẫu `bien-ban-sinh-hoat-chi-bo`", "có phải là `bien-ban-sinh-hoat`?"),
        (("audience: bi-thu", "audience: giang-vien"), 18, "chỉ in trong sổ tay giảng viên", "print: [giang-vien]"),
        (("print: [hoc-vien, hoc-vien-a5, giang-vien]", "print: [hoc-vien, hoc-vien-a5]"), 18, "phải in trong sổ tay giảng viên", "bỏ dòng `print`"),
        (("purpose: \"Thử.\"\n", ""), 1, "thiếu trường `purpose`", "thêm dòng `purpose: …`"),
        (("Thân trang.", "# Tiêu đề\n\nThân trang."), 21, "không có đề mục cấp 1", "dùng ##"),
        (("Thân trang.", "<!-- handbook:form -->\n\n<!-- handbook:example tot -->"), 21, "mẫu để trống đứng trước một ví dụ", "xuống sau"),
        (("Thân trang.", "<!-- handbook:example tôt -->"), 21, "không có ví dụ mã này", "`tot`"),
        (("Thân trang.", "<!-- handbook:appeal-deadline 2026-02-30 -->"), 21, "không phải một ngày", "YYYY-MM-DD"),
    ],
    ids=["field-the-form-lacks", "number-as-words", "column-the-table-lacks", "unknown-form", "class-paper-for-learners", "cell-paper-not-for-lecturers", "missing-purpose", "h1-in-body", "blank-before-example", "unknown-example", "impossible-date"],
)
def test_a_mistake_in_a_model_page_is_a_problem_at_its_line(change, line, message, fix):
    text = MODEL.replace(*change, 1)
    assert text != MODEL
    problems = problems_of(text)
    found = [p for p in problems if message in p.message]
    assert found, problems
    assert found[0].line == line and fix in found[0].fix, found[0]
    assert found[0].path == "docs/mau/mau-thu.md"


def test_a_computed_field_and_a_vote_larger_than_the_cell_are_refused():
    text = (MAU / "xet-ket-nap.md").read_text("utf-8")
    typed = text.replace("      tan_thanh: 7\n", "      tan_thanh: 7\n      so_phieu_can: 6\n")
    [problem] = [p for p in problems_of(typed, "mau/xet-ket-nap.md") if "so_phieu_can" in p.message]
    assert "tính tự động" in problem.message and typed.splitlines()[problem.line - 1].strip() == "so_phieu_can: 6"
    too_many = text.replace("      tan_thanh: 7\n", "      tan_thanh: 9\n")
    [problem] = problems_of(too_many, "mau/xet-ket-nap.md")
    assert "9 phiếu tán thành nhiều hơn 8 đảng viên chính thức" in problem.message


def test_a_translation_with_other_examples_than_its_vietnamese_page_is_a_problem():
    english = (MAU / "bien-ban-sinh-hoat.en.md").read_text("utf-8").replace("  - id: so-sai", "  - id: poor")
    model, _ = models.validate("docs/mau/bien-ban-sinh-hoat.en.md", "mau/bien-ban-sinh-hoat.en.md", english, DEFINITIONS)
    problems = models.check_twin(model, model_of(MAU / "bien-ban-sinh-hoat.md"))
    assert len(problems) == 1 and "không khớp bản tiếng Việt" in problems[0].message


DATA = (DOCS / "_data" / "mau-bieu.yml").read_text("utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("compute: {rule: votes-needed, from: so_chinh_thuc, vote: hai-phan-ba}", "compute: {rule: votes-needed, from: so_dang_vien, vote: hai-phan-ba}"), "`from: so_dang_vien` phải là một trường số"),
        (("      - {id: dia_diem, kind: text, label: {vi: \"Địa điểm\", en: \"Place\"}}\n", "      - {id: dia_diem, kind: text, label: {vi: \"Địa điểm\", en: \"Place\"}}\n      - {id: dia_diem, kind: text, label: {vi: \"Nơi họp\", en: \"Venue\"}}\n"), "trường `dia_diem` viết hai lần"),
        (("  kicker: {vi: \"Mẫu tham khảo của sổ tay\", en: \"The handbook's reference model\"}\n", ""), "thiếu chữ `kicker`"),
        (("kind: lines\n        lines: 5", "kind: line\n        lines: 5"), "không nằm trong danh sách cho phép"),
        (("    title: {vi: \"SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ\", en: \"REGISTER OF PROBATIONARY MEMBERS\"}", "    title: {vi: \"SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ\"}"), "thiếu trường `en`"),
    ],
    ids=["compute-from-unknown-field", "duplicate-field", "missing-word", "unknown-kind", "missing-english"],
)
def test_a_mistake_in_the_form_definitions_is_a_problem_at_its_line(change, message):
    text = DATA.replace(*change, 1)
    assert text != DATA
    definitions, problems = forms.load("docs/_data/mau-bieu.yml", text)
    assert definitions is None
    found = [p for p in problems if message in p.message]
    assert found, problems
    assert 1 < found[0].line <= len(text.splitlines())


# ---------------------------------------------------------------- computed values


def test_the_probation_register_computes_12_months_from_the_ceremony_not_the_decision():
    model = model_of(MAU / "so-theo-doi-du-bi.md")
    view = forms.view(DEFINITIONS.forms[model.form], DEFINITIONS, "vi", model.examples[0]["values"])
    table = next(f for f in view["fields"] if f["kind"] == "table")
    ids = [c["id"] for c in table["columns"]]
    rows = model.examples[0]["values"]["danh_sach"]
    assert len(table["rows"]) == len(rows) >= 3
    for row, shown in zip(rows, table["rows"], strict=True):
        ceremony = forms.parse_date(row["ngay_le"])
        end = votes.probation_end(ceremony)
        assert shown[ids.index("ngay_du_12_thang")] == f"{end.day}/{end.month}/{end.year}"
        decision = forms.parse_date(row["ngay_quyet_dinh"])
        assert decision < ceremony and shown[ids.index("ngay_du_12_thang")] != f"{votes.probation_end(decision).day}/{votes.probation_end(decision).month}/{votes.probation_end(decision).year}"
    # comrade H. of lesson 3, case 2: ceremony 12 June 2025, 12 months complete on 12 June 2026
    assert table["rows"][0][ids.index("ngay_du_12_thang")] == "12/6/2026"
    english = forms.view(DEFINITIONS.forms[model.form], DEFINITIONS, "en", model.examples[0]["values"])
    assert next(f for f in english["fields"] if f["kind"] == "table")["rows"][0][ids.index("ngay_du_12_thang")] == "12 June 2026"


@pytest.mark.parametrize(("page", "needed", "result"), [("xet-ket-nap.md", "6", "Đạt: 7 trên 8"), ("xet-cong-nhan-chinh-thuc.md", "8", "Đạt: 9 trên 11"), ("bien-ban-ky-luat.md", "7", "Đạt: 7 trên 12")])
def test_the_votes_of_the_examples_are_laid_out_by_the_vote_functions(page, needed, result):
    model = model_of(MAU / page)
    view = forms.view(DEFINITIONS.forms[model.form], DEFINITIONS, "vi", model.examples[0]["values"])
    values = {f["id"]: f.get("value") for f in view["fields"]}
    assert values["so_phieu_can"] == needed
    assert values["ket_qua"].startswith(result)


def test_the_marking_sheet_prints_the_rubric_of_the_written_reflection():
    rubric = yaml.safe_load((DOCS / "_data" / "thu-hoach.yml").read_text("utf-8"))["rubric"]
    view = forms.view(DEFINITIONS.forms["phieu-cham-thu-hoach"], DEFINITIONS, "vi")
    grid = next(f for f in view["fields"] if f["kind"] == "grid")
    assert [row["label"] for row in grid["rows"]] == [item["criterion"]["vi"] for item in rubric]
    assert [row["cells"][1] for row in grid["rows"]] == [f"{item['points']:g}".replace(".", ",") for item in rubric]


# ---------------------------------------------------------------- the .docx files


def labels_of(view: dict) -> list[str]:
    """Every label of a form's view that the .docx must hold in a table cell."""
    found = []
    for field in view["fields"]:
        kind = field["kind"]
        if kind in ("text", "lines"):
            found.append(field["label"])
        elif kind == "table":
            found += [c["label"] for c in field["columns"]]
        elif kind == "grid":
            found += [row["label"] for row in field["rows"]] + [c["label"] for c in field["columns"] if not field["scale"]]
        elif kind == "choice":
            found += [o["label"] for o in field["options"]]
        elif kind == "signatures":
            found += [s["label"] for s in field["signers"]]
    return found


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    cache = folder / "cache"
    written = {language: mau_docx.build_documents(DEFINITIONS, language, folder / language, cache) for language in forms.LANGUAGES}
    return folder, cache, written


@pytest.mark.parametrize("language", forms.LANGUAGES)
def test_every_form_is_a_docx_that_holds_its_fields_in_table_cells(documents, language):
    folder, _, written = documents
    assert sorted(p.name for p in written[language]) == sorted(f"{form_id}.docx" for form_id in DEFINITIONS.forms)
    for path in written[language]:
        view = forms.view(DEFINITIONS.forms[path.stem], DEFINITIONS, language)
        doc = Document(path)
        cells = {paragraph.text.strip() for table in doc.tables for row in table.rows for cell in row.cells for paragraph in cell.paragraphs}
        missing = [label for label in labels_of(view) if label not in cells]
        assert missing == [], (path.name, missing)
        text = "\n".join(p.text for p in doc.paragraphs)
        assert view["title"] in text and DEFINITIONS.word("status", language) in text
        section = doc.sections[0]
        # Word keeps lengths in twentieths of a point: compare in millimetres
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.top_margin.mm)) == (30, 20, 20)
        normal = doc.styles["Normal"].element.rPr.rFonts
        assert {normal.get(f"{{{normal.nsmap['w']}}}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Noto Sans"}
        assert doc.core_properties.language == language


def test_a_blank_register_has_its_rows_to_fill_as_cells(documents):
    folder, _, _ = documents
    doc = Document(folder / "vi" / "so-theo-doi-du-bi.docx")
    register = max(doc.tables, key=lambda table: len(table.rows))
    assert len(register.rows) == 1 + 10 and len(register.columns) == 7
    assert all(cell.text == "" for row in register.rows[1:] for cell in row.cells)


def test_the_docx_files_come_from_the_cache_when_nothing_changed(documents, tmp_path, monkeypatch):
    folder, cache, written = documents
    before = {path.name: path.read_bytes() for path in written["vi"]}

    def refuse(*args, **kwargs):
        raise AssertionError("a cached form was made again")

    monkeypatch.setattr(mau_docx, "render", refuse)
    start = time.perf_counter()
    again = mau_docx.build_documents(DEFINITIONS, "vi", tmp_path / "out", cache)
    elapsed = time.perf_counter() - start
    assert {path.name: path.read_bytes() for path in again} == before
    assert elapsed < 1.5, f"{len(again)} cached .docx files took {elapsed:.2f} s"


def test_a_changed_label_makes_a_new_document():
    view = forms.view(DEFINITIONS.forms["danh-sach-ky-ten"], DEFINITIONS, "vi")
    changed = forms.view(DEFINITIONS.forms["danh-sach-ky-ten"], DEFINITIONS, "vi")
    changed["fields"][1]["label"] = "Buổi"
    assert mau_docx.cache_key(view) != mau_docx.cache_key(changed)
    assert mau_docx.cache_key(view) == mau_docx.cache_key(forms.view(DEFINITIONS.forms["danh-sach-ky-ten"], DEFINITIONS, "vi"))


# ---------------------------------------------------------------- the lessons link to the models they ask for


ASKS = [
    # (lesson, words of its lecturer notes or session plan that ask for a model, the model it links to)
    ("bai-6", "biên bản mẫu đạt yêu cầu", "bien-ban-sinh-hoat"),
    ("bai-3", "sổ theo dõi đảng viên", "so-theo-doi-du-bi"),
    ("bai-3", "số phiếu tán thành tối thiểu", "bang-so-phieu"),
    ("bai-5", "phép tính «quá nửa» và «hai phần ba»", "bang-so-phieu"),
    ("bai-5", "cách tính thời hạn khiếu nại theo ngày làm việc", "bien-ban-ky-luat"),
]


def lecturer_text(lesson: str, suffix: str = ".md") -> str:
    data = front_matter(DOCS / "bai-hoc" / f"{lesson}{suffix}")
    plan = data.get("session_plan") or {}
    parts = list(data.get("lecturer_notes") or []) + list(plan.get("prepare") or []) + [s.get("activity", "") for s in plan.get("segments") or []]
    return " ".join(parts)


@pytest.mark.parametrize(("lesson", "words", "model"), ASKS, ids=[f"{a}-{c}" for a, _, c in ASKS])
def test_the_asks_listed_here_are_what_the_lessons_ask(lesson, words, model):
    if words.lower() not in lecturer_text(lesson).lower():
        pytest.skip(f"{lesson} no longer asks for «{words}»: drop the line from ASKS")
    assert (MAU / f"{model}.md").is_file()


@pytest.mark.parametrize(("lesson", "words", "model"), ASKS, ids=[f"{a}-{c}" for a, _, c in ASKS])
@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_each_lesson_that_asks_for_a_model_links_to_it(lesson, words, model, suffix):
    if words.lower() not in lecturer_text(lesson).lower():
        pytest.skip(f"{lesson} no longer asks for «{words}»")
    text = (DOCS / "bai-hoc" / f"{lesson}{suffix}").read_text("utf-8")
    assert re.search(rf"\]\(\.\./mau/{re.escape(model)}\.md(#[\w-]+)?\)", text), f"{lesson}{suffix} should link to ../mau/{model}.md"


# ---------------------------------------------------------------- small sites built with the real hooks


def registry_with_the_charter_page_only() -> str:
    """The real registry, its documents' pages left out except the Charter's (the fixture site has the reading
    list and a Charter page with an anchor for each article, which the citations link to)."""
    entries = (DOCS / "_data" / "van-ban.yml").read_text("utf-8").split("\n- id: ")
    return "\n- id: ".join(entry if entry.startswith("dieu-le-dang") else re.sub(r"^  page: .*\n", "", entry, flags=re.M) for entry in entries)


CHARTER = "---\ntitle: Điều lệ Đảng\ndocument: dieu-le-dang\n---\n\n# Điều lệ Đảng\n\n## Các điều\n\n" + "\n\n".join(f"### Điều {n} {{ #dieu-{n} }}\n\nĐiều thứ {n}." for n in range(1, 49)) + "\n"


def fixture_pages(*names: str) -> dict[str, str]:
    pages = {
        "index.md": "---\ntitle: Trang chủ\n---\n\n# Trang chủ\n\nSổ tay thử.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nA test handbook.\n",
        "_data/mau-bieu.yml": DATA,
        "_data/thu-hoach.yml": (DOCS / "_data" / "thu-hoach.yml").read_text("utf-8"),
        "_data/van-ban.yml": registry_with_the_charter_page_only(),
        "van-ban/index.md": "---\ntitle: Văn bản\n---\n\n# Văn bản\n\n<!-- handbook:documents -->\n",
        "van-ban/index.en.md": "---\ntitle: Readings\n---\n\n# Readings\n\n<!-- handbook:documents -->\n",
        "van-ban/dieu-le-dang.md": CHARTER,
        "van-ban/dieu-le-dang.en.md": CHARTER.replace("Điều lệ Đảng", "The Party Charter").replace("Các điều", "Articles").replace("### Điều", "### Article").replace("Điều thứ", "Article number"),
        "mau/index.md": (MAU / "index.md").read_text("utf-8"),
        "mau/index.en.md": (MAU / "index.en.md").read_text("utf-8"),
    }
    for name in names:
        for suffix in (".md", ".en.md"):
            text = (MAU / f"{name}{suffix}").read_text("utf-8")
            pages[f"mau/{name}{suffix}"] = re.sub(r"\]\((?!\.\./|#)[\w-]+\.md(#[\w-]+)?\)|\]\(\.\./[^)]+\)", "](index.md)", text)
    return pages


def nav(*names: str) -> list:
    readings = {"Văn bản cần đọc": ["van-ban/index.md", "van-ban/dieu-le-dang.md"]}
    return [{"Trang chủ": "index.md"}, readings, {"Mẫu và biểu": ["mau/index.md"] + [f"mau/{name}.md" for name in names]}]


def test_a_model_page_shows_its_facts_example_first_blank_form_last_and_its_docx(fixture_site):
    build = fixture_site(fixture_pages("bien-ban-sinh-hoat", "xet-ket-nap"), nav=nav("bien-ban-sinh-hoat", "xet-ket-nap"))
    assert build.returncode == 0, build.output
    for prefix, kicker, blank in (("", "Mẫu tham khảo của sổ tay", "Mẫu để trống"), ("en/", "The handbook's reference model", "Blank form")):
        page = BeautifulSoup(build.page(f"{prefix}mau/bien-ban-sinh-hoat/index.html"), "html.parser")
        article = page.select_one("article")
        assert article.select_one(".handbook-model-kicker").get_text() == kicker
        # the rules link themselves like a lesson's citations
        cites = [a.get_text() for a in article.select(".handbook-model-facts a.handbook-cite")]
        assert any("24" in c for c in cites) and any("42-HD/BTCTW" in c for c in cites), cites
        forms_in_order = article.select(".handbook-form")
        assert [f.get("class") for f in forms_in_order] == [["handbook-form", "handbook-form--filled"]] * 2 + [["handbook-form"]]
        blank_part = article.select_one(".handbook-form-blank")
        assert blank_part is not None and blank_part.find("h2").get_text().startswith(blank)
        assert forms_in_order[-1].find_parent(class_="handbook-form-blank") is blank_part
        # the .docx is there, and the link names its size
        link = article.select_one(".handbook-model-download a")
        assert link["href"] == "../bien-ban-sinh-hoat.docx" and "handbook-web-only" in link.parent["class"]
        docx_file = build.site / prefix / "mau" / "bien-ban-sinh-hoat.docx"
        size = f"{max(1, round(docx_file.stat().st_size / 1000))} KB"
        assert size in link.get_text(), (size, link.get_text())
        assert Document(docx_file).core_properties.language == ("en" if prefix else "vi")
    # the vote laid out in the example of the admission resolution
    text = " ".join(BeautifulSoup(build.page("mau/xet-ket-nap/index.html"), "html.parser").select_one(".handbook-form--filled").get_text(" ").split())
    assert "Số phiếu tán thành cần có" in text and "Đạt: 7 trên 8 đảng viên chính thức tán thành, cần có 6." in text
    # the index lists the papers, the class papers apart for lecturers
    index = BeautifulSoup(build.page("mau/index.html") if (build.site / "mau/index.html").exists() else build.page("mau/index/index.html"), "html.parser")
    assert index.select_one("article a[href='bien-ban-sinh-hoat/']") is not None


def test_a_field_the_form_lacks_stops_the_strict_build_at_its_line(fixture_site):
    pages = fixture_pages("xet-ket-nap")
    pages["mau/xet-ket-nap.md"] = pages["mau/xet-ket-nap.md"].replace("      nam_sinh: 2003\n", "      nam_sinh: 2003\n      ngay_sinh: 2003\n")
    build = fixture_site(pages, nav=nav("xet-ket-nap"))
    assert build.returncode != 0
    line = next(n for n, row in enumerate(pages["mau/xet-ket-nap.md"].splitlines(), start=1) if row.strip().startswith("ngay_sinh:"))
    assert f"docs/mau/xet-ket-nap.md:{line}: ví dụ `anh-t`: mẫu `xet-ket-nap` không có trường `ngay_sinh`" in build.output, build.output[-3000:]
    assert "Cách sửa: có phải là `nam_sinh`?" in build.output


GUIDE = """---
title: Biểu quyết
---

# Biểu quyết

Tỷ lệ tính trên số đảng viên chính thức.
Như vậy, chi bộ có 14 đảng viên chính thức cần ít nhất 7 phiếu tán thành để quyết định khiển trách hoặc cảnh cáo.
"""


def test_a_wrong_threshold_in_any_page_stops_the_strict_build_at_its_line(fixture_site):
    # A page of its own: the lessons' own figures are checked with one changed in tests/test_mau_votes.py, and a
    # lesson goes through the same check (hooks/mau.py reads every Markdown source of the language).
    pages = fixture_pages()
    pages["huong-dan/bieu-quyet.md"] = GUIDE
    build = fixture_site(pages, nav=nav() + [{"Hướng dẫn": ["huong-dan/bieu-quyet.md"]}])
    assert build.returncode != 0
    assert "docs/huong-dan/bieu-quyet.md:8: «ít nhất 7»: sai số phiếu, quá nửa của 14 đảng viên chính thức là ít nhất 8 phiếu, không phải 7" in build.output, build.output[-3000:]


def test_the_printed_editions_hold_the_cell_papers_and_only_the_lecturers_the_class_papers(fixture_site):
    names = ("chuan-bi-sinh-hoat", "bang-so-phieu", "danh-sach-ky-ten")
    build = fixture_site(fixture_pages(*names), nav=nav(*names), pdf=True)
    assert build.returncode == 0, build.output[-3000:]
    for prefix, cell_title, class_title, blank in (
        ("", "Danh sách chuẩn bị sinh hoạt chi bộ thường kỳ", "Danh sách học viên ký tên", "Mẫu để trống"),
        ("en/", "Checklist for the regular cell meeting", "Sign-in sheet", "Blank form"),
    ):
        texts = {edition: pdf_tools.text(build.site / prefix / "pdf" / f"so-tay-{edition}.pdf") for edition in ("hoc-vien", "hoc-vien-a5", "giang-vien")}
        for edition, text in texts.items():
            flat = " ".join(text.split())
            assert cell_title in flat, edition
            assert ("Hai phần ba của 14 là 9,33" if not prefix else "Two thirds of 14 is 9.33") in flat, edition
            assert (class_title in flat) == (edition == "giang-vien"), edition
        # a blank form starts a page of its own, ready to photocopy: its heading comes right under the running head
        pages = pdf_tools.pages(build.site / prefix / "pdf" / "so-tay-giang-vien.pdf")
        blank_pages = [[row for row in text.splitlines() if row.strip()] for text in pages if re.search(rf"^{blank}: ", text, re.M)]
        assert len(blank_pages) == 2, len(blank_pages)  # the checklist and the sign-in sheet; the vote table has no form
        assert all(any(row.startswith(f"{blank}: ") for row in rows[:3]) for rows in blank_pages), [rows[:4] for rows in blank_pages]


def test_the_columns_of_every_table_share_the_whole_width_in_classes_the_stylesheets_have():
    css = (ROOT / "docs/assets/stylesheets/handbook.css").read_text("utf-8")
    for form in DEFINITIONS.forms.values():
        for field in forms.view(form, DEFINITIONS, "vi")["fields"]:
            if field["kind"] not in ("table", "grid"):
                continue
            shares = [c["pct"] for c in field["columns"]] + ([field["label_pct"]] if field["kind"] == "grid" else []) + ([5] if field.get("tick") else [])
            assert sum(shares) == 100, (form.id, field["id"], shares)
            assert all(f".handbook-w-{share} {{" in css for share in shares), (form.id, field["id"], shares)
