"""One English terminology: the termbase (docs/_data/thuat-ngu-en.yml) and its check (sotay_boiduong.termbase)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sotay_boiduong import termbase

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def real_termbase() -> termbase.Termbase:
    terms, problems = termbase.load_bytes("docs/_data/thuat-ngu-en.yml", (DOCS / termbase.TERMBASE).read_bytes())
    assert problems == []
    return terms


def test_the_issue_s_terms_are_settled(real_termbase):
    english = {t.vi: t.en for t in real_termbase.terms}
    assert english["Ban Tuyên giáo Trung ương"] == "Central Propaganda and Education Commission"
    assert english["Ban Tuyên giáo và Dân vận Trung ương"] == "Central Propaganda, Education and Mass Mobilisation Commission"
    assert english["đảng viên chính thức"] == "full member"
    assert english["chương trình (bồi dưỡng)"] == "programme"
    assert english["chi bộ"] == "Party cell"
    assert english["đảng bộ cơ sở"] != english["đảng uỷ cơ sở"]
    rejected = {v for t in real_termbase.terms for v in t.rejected}
    assert {"TCCSĐ", "KTGS", "UBKT", "official member", "program"} <= rejected


def test_the_house_style_of_issue_24_is_written_into_the_termbase_with_its_reasons(real_termbase):
    english = {t.vi: t.en for t in real_termbase.terms}
    assert english["Việt Nam"] == "Viet Nam"
    assert english["Đảng Cộng sản Việt Nam"] == "Communist Party of Viet Nam"
    assert english["Quân đội nhân dân Việt Nam"] == "People's Army of Viet Nam"
    assert english["Mặt trận Tổ quốc Việt Nam"] == "Viet Nam Fatherland Front"
    assert english["chi đoàn"] == "Youth Union branch"
    assert english["tổ dân phố"] == "residential group"
    assert english["báo cáo viên"] == "Party briefer"
    assert (english["tự diễn biến"], english["tự chuyển hoá"]) == ("self-evolution", "self-transformation")
    assert english["quần chúng ưu tú"] == "promising non-member"
    assert english["nể nang"] == "reluctance to criticise"
    # the two collisions: the programme's audience is not the grassroots Party committee, a workplace is not a unit
    assert english["cấp uỷ viên cơ sở"] != english["đảng uỷ cơ sở"] + " members"
    assert {t.rule for t in real_termbase.terms} >= {"dates", "unit"}
    text = (DOCS / termbase.TERMBASE).read_text("utf-8")
    entries = text.split("\n- vi: ")
    for vi in ("Việt Nam", "ngày tháng năm", "đơn vị", "cấp uỷ viên cơ sở", "quần chúng ưu tú", "nể nang"):
        entry = next(e for e in entries if e.startswith(vi))
        assert "note:" in entry, f"the decision on «{vi}» says why in a note"


FIX = "(docs/_data/thuat-ngu-en.yml)"


@pytest.mark.parametrize(
    ("sentence", "found", "preferred"),
    [
        ("The Communist Party of Vietnam leads the State.", "Communist Party of Vietnam", "Communist Party of Viet Nam"),
        ("One event per session in Vietnam's time zone.", "Vietnam", "Viet Nam"),
        ("Party organisations in the Vietnam People's Army.", "Vietnam People's Army", "People's Army of Viet Nam"),
        ("The Vietnam Fatherland Front takes part.", "Vietnam Fatherland Front", "Viet Nam Fatherland Front"),
        ("The secretary of the Youth Union cell is a member.", "Youth Union cell", "Youth Union branch"),
        ("Cells in villages and neighbourhood groups.", "neighbourhood groups", "residential group"),
        ("The cell reviews the list of outstanding non-members.", "outstanding non-members", "promising non-member"),
        ("A team of reporters and propagandists.", "reporters", "Party briefer"),
        ("Preventing self-degradation among members.", "self-degradation", "self-evolution"),
        ("Training for cell secretaries and grassroots Party committee members.", "grassroots Party committee members", "Party committee members at the grassroots"),
        ("Keeping silent out of indulgence lowers the standing of the cell.", "indulgence", "reluctance to criticise"),
        ("The cell persuades the masses.", "the masses", "the people"),
        ("Thoroughly grasping resolutions at the grassroots.", "Thoroughly grasping", "studying a resolution"),
        ("The cell concretises the resolution.", "concretises", "turn into concrete tasks"),
        ("Grasping the ideological situation is the first skill.", "Grasping the ideological situation", "knowing what members and residents think"),
        ("The meeting must have a leading character and a fighting character.", "leading character", "a meeting that leads, educates and holds members to account"),
        ("Writing the written reflection takes half a day.", "Writing the written reflection", "writing the reflection"),
    ],
)
def test_each_rejected_variant_of_the_house_style_is_reported_with_its_line_and_the_preferred_term(real_termbase, sentence, found, preferred):
    page = f"---\ntitle: A page\n---\n\n{sentence}\n"
    problems = [str(p) for p in termbase.check_markdown("docs/x.en.md", page, real_termbase)]
    assert problems and problems[0].startswith(f"docs/x.en.md:5: thuật ngữ tiếng Anh «{found}» không theo bảng thuật ngữ"), problems
    assert problems[0].endswith(f"— Cách sửa: viết «{preferred}» {FIX}"), problems


@pytest.mark.parametrize(
    ("sentence", "found", "preferred"),
    [
        ("Regulation 294-QĐ/TW is in force from July 1, 2025.", "July 1, 2025", "1 July 2025"),
        ("in force from July 1st 2025", "July 1st 2025", "1 July 2025"),
        ("Guidance of 28/10/2025 of the Commission.", "28/10/2025", "28 October 2025"),
        ("Guidance of 01.07.2025.", "01.07.2025", "1 July 2025"),
        ("The class opens on 2027-03-18.", "2027-03-18", "18 March 2027"),
        ("It took effect on the 1st of July.", "1st of July", "1 July"),
        ("From July 1 the district level is gone.", "July 1", "1 July"),
    ],
)
def test_a_date_not_written_1_july_2025_is_reported_with_the_date_rewritten(real_termbase, sentence, found, preferred):
    problems = [str(p) for p in termbase.check_markdown("docs/x.en.md", f"Intro.\n\n{sentence}\n", real_termbase)]
    assert problems == [f"docs/x.en.md:3: ngày «{found}» không viết theo cách của sổ tay (ngày tháng năm (1/7/2025)) — Cách sửa: viết «{preferred}» {FIX}"]


def test_dates_written_the_handbook_s_way_and_numbers_that_are_not_dates_pass(real_termbase):
    text = (
        "Regulation 294-QĐ/TW of 26 May 2025, in force from 1 July 2025; in July 2025 the cell met.\n"
        "Two thirds (2/3) of 12 is 8; Guidance 06-HD/TW; the 2025-2030 term; section 1.4; May 2025.\n"
        "Members may 5 times a year; `date: 2025-07-01` in code is left alone.\n"
    )
    assert termbase.check_markdown("docs/x.en.md", text, real_termbase) == []


def test_a_date_in_the_front_matter_or_a_marker_is_data_and_one_in_the_prose_is_not(real_termbase):
    page = '---\ntitle: A model\nexamples:\n  - {id: a, ngay: 2026-03-30}\n---\n\n<!-- handbook:appeal-deadline 2026-09-08 -->\n\nMet on 2026-03-30.\n'
    assert [(p.line, p.message.split(" (")[0]) for p in termbase.check_markdown("docs/x.en.md", page, real_termbase)] == [
        (9, "ngày «2026-03-30» không viết theo cách của sổ tay")
    ]


def test_unit_for_a_workplace_is_reported_and_party_army_police_and_administrative_units_pass(real_termbase):
    text = (
        "The cell leads the political task of the unit.\n"
        "Each learner writes his or her name and unit.\n"
        "A grassroots Party unit, the ward Party units, an army unit, police units, armed forces units,\n"
        "armed-forces units, military units and the reorganisation of administrative units.\n"
        "The Party\nunit elects its committee.\n"
    )
    problems = [str(p) for p in termbase.check_markdown("docs/x.en.md", text, real_termbase)]
    assert [p.split(" — ")[0] for p in problems] == [
        "docs/x.en.md:1: từ «unit» ở đây chỉ nơi làm việc, dễ lẫn với «grassroots Party unit» (đơn vị (nơi làm việc))",
        "docs/x.en.md:2: từ «unit» ở đây chỉ nơi làm việc, dễ lẫn với «grassroots Party unit» (đơn vị (nơi làm việc))",
    ]
    assert problems[0].endswith(f"Cách sửa: viết «workplace», «agency», «enterprise», «commune» hoặc tên cụ thể tuỳ câu; «unit» chỉ đứng sau Party, army, police, armed forces, administrative {FIX}")


def test_a_phrase_broken_across_two_lines_is_found_at_the_line_where_it_begins(real_termbase):
    page = "Intro.\n\nThe programme of training for cell secretaries and grassroots Party\ncommittee members lasts five days.\n"
    assert [(p.line, p.message) for p in termbase.check_markdown("docs/x.en.md", page, real_termbase)] == [
        (3, "thuật ngữ tiếng Anh «grassroots Party committee members» không theo bảng thuật ngữ (cấp uỷ viên cơ sở)")
    ]


def test_the_english_strings_of_the_data_files_are_checked_each_at_its_line(real_termbase):
    strings = "ui:\n  pdf_link: Download\n  study_note: >-\n    Check it against the official book of the programme (Central\n    Propaganda Department, 2016).\n"
    assert [(p.line, p.message) for p in termbase.check_english_yaml("docs/_data/giao-dien/en.yml", strings, real_termbase, every_value=True)] == [
        (4, "thuật ngữ tiếng Anh «Central Propaganda Department» không theo bảng thuật ngữ (Ban Tuyên giáo Trung ương)")
    ]
    editions = "- id: a\n  labels:\n    vi:\n      note: Vietnam\n    en:\n      note: For grassroots Party committee members\n"
    assert [p.line for p in termbase.check_english_yaml("docs/_data/an-ban.yml", editions, real_termbase)] == [6]
    points = "- id: x\n  fact: Sau ngày 1/7/2025\n  fact_en: Since 1/7/2025, the commune level\n"
    assert [str(p) for p in termbase.check_english_yaml("docs/_data/diem-doi-chieu.yml", points, real_termbase)] == [
        f"docs/_data/diem-doi-chieu.yml:3: ngày «1/7/2025» không viết theo cách của sổ tay (ngày tháng năm (1/7/2025)) — Cách sửa: viết «1 July 2025» {FIX}"
    ]
    config = "plugins:\n  - i18n:\n      languages:\n        - locale: vi\n          site_name: Vietnam\n        - locale: en\n          copyright: Programme of the Central Propaganda Department (2016).\n"
    assert [p.line for p in termbase.check_english_yaml("mkdocs.yml", config, real_termbase)] == [7]


def test_a_rejected_variant_is_reported_with_file_line_and_preferred_term(real_termbase):
    page = "---\ntitle: The training program\n---\n\nThe cell has nine official  members.\n\n```\nprogram in code is left alone\n```\n\nA `program` in inline code too; the programme is fine.\n"
    problems = [str(p) for p in termbase.check_markdown("docs/x.en.md", page, real_termbase)]
    assert problems == [
        "docs/x.en.md:2: thuật ngữ tiếng Anh «program» không theo bảng thuật ngữ (chương trình (bồi dưỡng)) — Cách sửa: viết «programme» (docs/_data/thuat-ngu-en.yml)",
        "docs/x.en.md:5: thuật ngữ tiếng Anh «official  members» không theo bảng thuật ngữ (đảng viên chính thức) — Cách sửa: viết «full member» (docs/_data/thuat-ngu-en.yml)",
    ]


def test_vietnamese_abbreviations_are_spelt_out_but_may_be_glossary_keys(real_termbase):
    assert [p.line for p in termbase.check_markdown("docs/x.en.md", "Ask the UBKT.\nTCCSĐ work.\n", real_termbase)] == [1, 2]
    glossary = "*[UBKT]: Inspection Commission (Uỷ ban Kiểm tra)\n*[KTGS]: the KTGS work\n"
    assert [(p.line, p.message) for p in termbase.check_glossary("docs/_glossary/en.md", glossary, real_termbase)] == [
        (2, "thuật ngữ tiếng Anh «KTGS» không theo bảng thuật ngữ (kiểm tra, giám sát)")
    ]


def test_the_registry_s_english_fields_are_checked_and_vietnamese_fields_are_not(real_termbase):
    registry = "- id: a\n  name: Chương trình (program)\n  name_en: Party Statute of the Party\n"
    assert [p.line for p in termbase.check_registry("docs/_data/van-ban.yml", registry, real_termbase)] == [3]


def test_the_real_english_texts_follow_the_termbase(real_termbase):
    problems = []
    for page in sorted(DOCS.rglob("*.en.md")):
        problems += termbase.check_markdown(str(page.relative_to(ROOT)), page.read_text("utf-8"), real_termbase)
    problems += termbase.check_glossary("docs/_glossary/en.md", (DOCS / termbase.GLOSSARY).read_text("utf-8"), real_termbase)
    problems += termbase.check_registry("docs/_data/van-ban.yml", (DOCS / termbase.REGISTRY).read_text("utf-8"), real_termbase)
    assert [str(p) for p in problems] == []


def test_the_real_english_interface_strings_titles_and_data_follow_the_termbase(real_termbase):
    """The English texts the build does not read as pages: the interface strings, the site's name and copyright in
    mkdocs.yml, the editions' labels, the written reflection's questions and rubric, the open points' facts."""
    problems = termbase.check_english_yaml("docs/_data/giao-dien/en.yml", (DOCS / "_data/giao-dien/en.yml").read_text("utf-8"), real_termbase, every_value=True)
    for name in ("_data/an-ban.yml", "_data/thu-hoach.yml", "_data/diem-doi-chieu.yml", "_data/mau-bieu.yml"):
        problems += termbase.check_english_yaml(f"docs/{name}", (DOCS / name).read_text("utf-8"), real_termbase)
    problems += termbase.check_english_yaml("mkdocs.yml", (ROOT / "mkdocs.yml").read_text("utf-8"), real_termbase)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- vi: chi bộ\n  en: Party cell\n", "thiếu trường `rejected`"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [Party cell]\n", "cũng nằm trong danh sách không dùng"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [branch]\n  vi: chi uỷ\n", "khoá `vi` được viết hai lần"),
        ("- vi: chi bộ\n  en: Party cell\n  rejected: [branch]\n- vi: chi uỷ\n  en: cell committee\n  rejected: [branch]\n", "bị loại ở cả"),
        ("- vi: chi bộ\n  en: [Party cell\n", "không phải YAML hợp lệ"),
        ("- vi: ngày\n  en: 1 July 2025\n  rule: date\n", "quy tắc \"date\" không có trong sotay_boiduong/termbase.py"),
    ],
)
def test_a_broken_termbase_is_reported(text, message):
    _, problems = termbase.load("docs/_data/thuat-ngu-en.yml", text)
    assert any(message in str(p) for p in problems), problems


def test_an_entry_with_a_rule_needs_no_rejected_list():
    terms, problems = termbase.load("docs/_data/thuat-ngu-en.yml", "- vi: ngày\n  en: 1 July 2025\n  rule: dates\n  note: British order.\n")
    assert problems == []
    assert [str(p) for p in termbase.check_markdown("docs/x.en.md", "On July 1, 2025.\n", terms)] == [
        f"docs/x.en.md:1: ngày «July 1, 2025» không viết theo cách của sổ tay (ngày) — Cách sửa: viết «1 July 2025» {FIX}"
    ]


def test_the_english_words_of_the_class_kit_and_the_slides_follow_the_termbase(real_termbase):
    """The English strings written in Python (the class kit's papers and report, the lesson decks and plans) are
    read by no page check: the termbase is applied to them here."""
    from sotay_boiduong.bai_giang import words as deck_words
    from sotay_boiduong.lop import plan
    from sotay_boiduong.lop import words as kit_words

    strings = {f"lop.{key}": value for key, value in kit_words.words("en").items()}
    strings |= {f"bai_giang.{key}": value for key, value in deck_words.WORDS["en"].items() if isinstance(value, str)}
    strings |= {f"lop.plan.{name}": name for name, _ in plan.breakdown(2, (), "en")}  # the model timetables' sums
    found = [(key, hit.found, hit.preferred) for key, value in strings.items() for hit in real_termbase.hits(value)]
    assert found == []
    # the test can fail: a rejected variant in such a string is found
    assert real_termbase.hits("Writing the written reflection: 2 sessions.")
