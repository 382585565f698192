"""The self-check after each lesson (issue 28): 8–12 questions in each lesson's front matter, each with one answer,
an explanation and the rule it rests on (a citation the page links); on the page, questions with folded keys that
work without scripts, and with scripts a fieldset per question to answer, feedback, a result announced and kept on
the device per language, and a mark in the lesson index. The mistakes an editor can make in it are in
tests/test_bad_input_catalogue.py (SELF_CHECK); here the checks themselves, the real site's pages, and a learner
taking the test in headless Chromium."""

from __future__ import annotations

import copy

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser_tools import PHONE
from bs4 import BeautifulSoup
from test_lessons_model import GOOD, source

from sotay_boiduong import citations
from sotay_boiduong.lessons import self_check_items, validate_unit

QUESTIONS = [copy.deepcopy(item) for item in [
    {
        "question": "Chi bộ có 14 đảng viên chính thức. Cần ít nhất bao nhiêu người tán thành?",
        "choices": [{"text": "8"}, {"text": "10", "correct": True}, {"text": "14"}],
        "explanation": "Hai phần ba của 14 là 9,33, nên cần 10.",
        "rule": "Điều 4 Điều lệ Đảng",
    },
    {
        "question": "Đảng viên dự bị được biểu quyết khi chi bộ xét kết nạp.",
        "true_false": False,
        "explanation": "Đảng viên dự bị không có quyền biểu quyết.",
        "rule": "Điều 3 Điều lệ Đảng",
    },
] * 4]  # eight questions, each its own copy


def _lesson(questions):
    data = copy.deepcopy(GOOD)
    data["self_check"] = copy.deepcopy(questions)
    return validate_unit("docs/bai-hoc/bai-2.md", "bai-hoc/bai-2.md", source(data))


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def test_a_self_check_with_one_answer_per_question_is_valid_and_reads_as_the_page_shows_it():
    unit, problems = _lesson(QUESTIONS)
    assert problems == []
    items = self_check_items(unit, {"true": "Đúng", "false": "Sai"})
    assert len(items) == 8 and items[0]["number"] == 1
    assert (items[0]["kind"], items[0]["options"], items[0]["answer"], items[0]["answer_label"]) == ("choice", ["8", "10", "14"], 1, "B. 10")
    assert (items[1]["kind"], items[1]["options"], items[1]["answer"], items[1]["answer_label"]) == ("true-false", ["Đúng", "Sai"], 1, "Sai")


def test_a_question_without_a_correct_choice_fails_at_its_line():
    questions = copy.deepcopy(QUESTIONS)
    del questions[2]["choices"][1]["correct"]
    unit, problems = _lesson(questions)
    text = source({**copy.deepcopy(GOOD), "self_check": questions})
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(_line_of(text, "- question: Chi bộ có 14", 2), "trường `self_check` → câu 3")]
    assert "không có phương án nào ghi `correct: true`" in problems[0].message
    assert "true_false" in problems[0].fix


def test_a_question_with_two_correct_choices_fails_at_the_second():
    questions = copy.deepcopy(QUESTIONS)
    questions[4]["choices"][2]["correct"] = True
    unit, problems = _lesson(questions)
    text = source({**copy.deepcopy(GOOD), "self_check": questions})
    assert len(problems) == 1 and problems[0].line == _line_of(text, "correct: true", 4)
    assert "câu 5: 2 phương án cùng ghi `correct: true` («10», «14»)" in problems[0].message


@pytest.mark.parametrize("rule, language, fine", [
    ("Điều 21 Điều lệ Đảng", "vi", True),
    ("khoản 5 Điều 22 Điều lệ Đảng", "vi", True),
    ("Quy định 294-QĐ/TW và Hướng dẫn 06-HD/TW", "vi", True),
    ("Article 9 of the Party Charter", "en", True),
    ("Directive 50-CT/TW", "en", True),
    ("Điều lệ Đảng", "vi", False),
    ("QĐ 294", "vi", False),
    ("Điều 21 Điều lệ Đảng, mục 3", "vi", False),
    ("Article 9 of the Party Charter", "vi", False),  # the English form in a Vietnamese lesson does not link
])
def test_a_rule_must_be_a_citation_the_page_links(rule, language, fine):
    assert (citations.rule_problem(rule, language) is None) is fine


# ---------------------------------------------------------------- the real site


LESSONS = [(language, prefix, n) for language, prefix in [("vi", ""), ("en", "en/")] for n in range(1, 7)]


def _front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_each_lesson_has_8_to_12_questions_with_the_same_answers_in_both_languages(real_site):
    from conftest import ROOT

    for n in range(1, 7):
        vietnamese = _front_matter(ROOT / f"docs/bai-hoc/bai-{n}.md")["self_check"]
        english = _front_matter(ROOT / f"docs/bai-hoc/bai-{n}.en.md")["self_check"]
        assert 8 <= len(vietnamese) <= 12 and len(english) == len(vietnamese), n

        def key(item):
            if "choices" in item:
                return ("choice", len(item["choices"]), [c.get("correct", False) for c in item["choices"]].index(True))
            return ("true-false", item["true_false"])

        assert [key(q) for q in english] == [key(q) for q in vietnamese], f"bai-{n}: the English questions' answers differ"
        true_false = sum(1 for q in vietnamese if "true_false" in q)
        assert 2 <= true_false <= len(vietnamese) - 4, f"bai-{n}: mix the kinds (about a third true/false)"


@pytest.mark.parametrize("language, prefix, n", LESSONS, ids=[f"{p}bai-{n}" for _, p, n in LESSONS])
def test_the_page_shows_each_question_with_its_key_in_one_section_for_print(real_site, language, prefix, n):
    from conftest import ROOT

    questions = _front_matter(ROOT / f"docs/bai-hoc/bai-{n}{'.en' if prefix else ''}.md")["self_check"]
    soup = BeautifulSoup(real_site.page(f"{prefix}bai-hoc/bai-{n}/index.html"), "html.parser")
    section = soup.select_one("article section.handbook-self-check")
    assert section is not None and section["data-self-check"] == f"bai-{n}"
    assert "handbook-web-only" not in section["class"]  # the books print it (tests/test_editions.py)
    assert "handbook-web-only" in section.select_one(".handbook-self-check__kept")["class"]  # "kept on this device"
    assert "handbook-print-only" in section.select_one(".handbook-self-check__lead-book")["class"]
    assert section.find("h2", id="tu-kiem-tra") is not None
    boxes = section.select(".handbook-self-check__question")
    assert len(boxes) == len(questions)
    for box, question in zip(boxes, questions, strict=True):
        options = [li.get_text() for li in box.select(".handbook-self-check__options > li")]
        if "choices" in question:
            assert options == [c["text"] for c in question["choices"]]
        else:
            assert len(options) == 2
        assert options[int(box["data-answer"])]  # the key points at an option
        answers = box.select(".handbook-self-check__answer")
        assert len(answers) == 1 and answers[0].name == "details" and not answers[0].has_attr("open")
        for successor in answers[0].select(".handbook-successor"):  # "đã thay bằng …" after a replaced document
            successor.decompose()
        key = answers[0].get_text()
        assert " ".join(question["explanation"].split())[:40] in " ".join(key.split())
        rule = answers[0].select("a.handbook-cite")
        assert rule and rule[-1].get_text() in question["rule"], question["rule"]
    # The questions and keys are not search results of their own.
    index = real_site.page(f"{prefix}search/handbook_index.json")
    assert questions[0]["explanation"][:50] not in index


def _answer(page, number: int, option: int) -> None:
    page.locator(f"#tu-kiem-tra-{number} input[type=radio]").nth(option).check()


def test_a_learner_answers_right_and_wrong_sees_why_and_finds_the_result_again(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    first = page.locator("#tu-kiem-tra-1")
    fieldset = first.locator("fieldset")
    assert fieldset.locator("legend").inner_text().startswith("1. Theo Điều 21 Điều lệ Đảng")
    assert first.get_by_role("radio").count() == 3 and first.locator(".handbook-self-check__answer").is_hidden()
    _answer(page, 1, 1)  # B. 3: right
    _answer(page, 2, 0)  # A. Chi bộ cơ sở: wrong
    page.locator("#tu-kiem-tra-4").get_by_role("radio", name="Đúng").check()  # a true statement: right
    page.get_by_role("button", name="Xem kết quả").click()
    total = page.locator(".handbook-self-check__question").count()
    result = page.get_by_role("status").filter(has_text="câu.")
    assert result.inner_text() == f"Đúng 2/{total} câu."
    assert page.evaluate("document.activeElement.classList.contains('handbook-self-check__result')")
    assert first.locator(".handbook-self-check__feedback").inner_text() == "Đúng."
    second = page.locator("#tu-kiem-tra-2")
    assert second.locator(".handbook-self-check__feedback").inner_text() == (
        "Chưa đúng. Đáp án đúng: B. Đảng bộ cơ sở, có các chi bộ trực thuộc đảng uỷ cơ sở."
    )
    assert "Chưa trả lời. Đáp án đúng: B." in page.locator("#tu-kiem-tra-3 .handbook-self-check__feedback").inner_text()
    explanation = second.locator(".handbook-self-check__answer")
    assert explanation.is_visible() and "từ 30 đảng viên trở lên thì lập đảng bộ cơ sở" in explanation.inner_text()
    assert explanation.locator("a.handbook-cite").inner_text() == "Điều 21 Điều lệ Đảng"
    assert second.get_by_role("radio").first.is_disabled()
    assert second.locator(".handbook-self-check__option--answer").inner_text().endswith("Đảng bộ cơ sở, có các chi bộ trực thuộc đảng uỷ cơ sở")
    assert page.locator(".handbook-self-check__last").is_hidden()  # the result just given is the last one
    # Kept on this device: after a reload, and as a mark in the lesson index of this language only.
    page.reload(wait_until="load")
    assert page.locator(".handbook-self-check__last").inner_text().endswith(f": đúng 2/{total} câu.")
    page.goto(site_url + "/bai-hoc/", wait_until="load")
    mark = page.locator("[data-self-check-mark='bai-1']")
    assert mark.is_visible() and mark.inner_text() == f"Đã tự kiểm tra: đúng 2/{total} câu"
    assert page.locator("[data-self-check-mark='bai-2']").is_hidden()
    page.goto(site_url + "/en/bai-hoc/", wait_until="load")
    assert page.locator("[data-self-check-mark='bai-1']").is_hidden()
    # Try again: a fresh start, the keys folded away.
    page.goto(site_url + "/bai-hoc/bai-1/", wait_until="load")
    _answer(page, 1, 0)
    page.get_by_role("button", name="Xem kết quả").click()
    page.get_by_role("button", name="Làm lại").click()
    assert page.locator("#tu-kiem-tra-1 input:checked").count() == 0
    assert page.locator("#tu-kiem-tra-1 .handbook-self-check__answer").is_hidden()
    assert page.evaluate("document.activeElement.name") == "handbook-bai-1-1"
    context.close()
    assert errors == []


def test_the_self_check_works_from_the_keyboard_in_english(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/en/bai-hoc/bai-3/", wait_until="load")
    page.locator("#tu-kiem-tra-1 input").first.focus()
    page.keyboard.press("ArrowDown")  # radios move with the arrows: B. 7, the right answer
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#tu-kiem-tra-2') !== null")
    page.get_by_role("button", name="Check my answers").focus()
    page.keyboard.press("Enter")
    total = page.locator(".handbook-self-check__question").count()
    assert page.locator(".handbook-self-check__result").inner_text() == f"1 of {total} correct."
    assert page.locator("#tu-kiem-tra-1 .handbook-self-check__feedback").inner_text() == "Right."
    context.close()


def test_without_scripts_the_questions_show_and_the_keys_stay_folded(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/bai-hoc/bai-2/", wait_until="load")
    question = page.locator("#tu-kiem-tra-1")
    assert question.locator(".handbook-self-check__prompt").is_visible()
    assert question.locator(".handbook-self-check__options li").count() >= 2
    key = question.locator("details.handbook-self-check__answer")
    assert key.locator("summary").inner_text() == "Đáp án câu 1"
    assert not key.locator("p").first.is_visible()
    key.locator("summary").click()
    assert key.locator("p").first.inner_text().startswith("Đáp án đúng:")
    assert page.locator("[data-handbook-offline]").first.is_hidden()  # nothing of the offline control without scripts
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_an_answered_self_check(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/bai-hoc/bai-4/", wait_until="load")
    _answer(page, 1, 0)
    _answer(page, 2, 1)
    page.get_by_role("button", name="Xem kết quả").click()
    results = Axe().run(page, context={"include": [["section.handbook-self-check"]]})
    violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    page.goto(site_url + "/bai-hoc/", wait_until="load")
    results = Axe().run(page)
    violations += [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    context.close()
    assert violations == []
