"""The printed papers of a class: HTML from the Jinja2 templates in templates/, PDF through WeasyPrint.

Every paper is made from one set of values (`values`), in the class's language. WeasyPrint takes about a second
to start and lays out some thirty pages a second, so the PDFs are rendered in worker processes, one per CPU
core, the biggest first (the written reflection's cover and marking sheets, two pages per learner, are split
across the workers and joined again) while the main process writes the calendar and the report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from . import words as w
from .model import ClassFile

TEMPLATES = Path(__file__).parent / "templates"
PDF_PAPERS = ("lich-hoc", "danh-sach-ky-ten", "phieu-thu-hoach", "phieu-danh-gia", "de-nghi-cap-giay-chung-nhan")


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, values: dict[str, Any], **extra: Any) -> str:
    """The HTML of one paper (templates/<name>.html)."""
    return environment().get_template(f"{name}.html").render({**values, **extra})


def values(cls: ClassFile) -> dict[str, Any]:
    """Everything the papers print, in the class's language."""
    language = cls.language
    labels = w.words(language)
    plan = cls.plan
    dates = plan.dates
    sessions = []
    for session in plan.sessions:
        sessions.append({
            "index": session.index,
            "day": session.day,
            "date": w.format_date(session.date, language),
            "weekday": w.weekday(session.date, language),
            "part": labels[session.part],
            "part_long": labels[f"session_of_{session.part}"],
            "hours": f"{w.format_time(session.start)}–{w.format_time(session.end)}",
            "contents": session.contents(language),
            "title": session.title(language),
            "lecturer": session.lecturer,
            "first_of_day": session.part == "morning" or session.index == 1,
            "kinds": [item.kind for item in session.items],
        })
    last = plan.sessions[-1].date
    thu_hoach_session = plan.session_of("thu-hoach")
    deadline = (labels["deadline_in_class"] if thu_hoach_session else labels["deadline_at_home"]).format(date=w.format_date(thu_hoach_session.date if thu_hoach_session else last, language))
    thu_hoach = cls.catalogue.thu_hoach
    questions = [
        {"lesson": number, "title": cls.catalogue.lessons.get(number, ""), "questions": thu_hoach.questions_of(number, language)}
        for number in sorted(cls.catalogue.lessons)
    ] if thu_hoach else []
    rubric = [{"criterion": r["criterion"][language], "requirement": r["requirement"][language], "points": w.format_number(r["points"], language)} for r in (thu_hoach.rubric if thu_hoach else ())]
    grades = thu_hoach.grade_spans(language, labels) if thu_hoach else []
    learners = [
        {
            "number": number,
            "name": learner.name,
            "birth_year": learner.birth_year,
            "position": learner.position,
            "unit": learner.unit,
            "score": w.format_number(learner.score, language) if learner.score is not None else "",
            "grade": thu_hoach.grade(learner.score, language) if thu_hoach and learner.score is not None else "",
        }
        for number, learner in enumerate(cls.learners, start=1)
    ]
    passed_names = {learner.row for learner in cls.passed()}
    proposed = [dict(row, number=i) for i, row in enumerate((row for row, learner in zip(learners, cls.learners, strict=True) if learner.row in passed_names), start=1)]
    lecturers = list(dict.fromkeys(name.strip() for s in plan.sessions for name in s.lecturer.split(";") if name.strip()))
    rated = [{"label": item.label, "code": item.code} for item in plan.items()]
    return {
        "language": language,
        "labels": labels,
        "title": cls.title,
        "organiser": cls.organiser,
        "locality": cls.locality,
        "venue": cls.venue,
        "days": plan.days,
        "first": w.format_date(dates[0], language),
        "last": w.format_date(dates[-1], language),
        "period": labels["period_value"].format(days=plan.days, first=w.format_date(dates[0], language), last=w.format_date(dates[-1], language)),
        "days_off": [f"{w.weekday(d, language)} {w.format_date(d, language)}" for d in plan.days_off],
        "sessions": sessions,
        "shortened": [labels[f"shorten_{code}"] for code in plan.shorten],
        "deadline": deadline,
        "learners": learners,
        "learner_count": len(learners),
        "questions": questions,
        "length": thu_hoach.length[language] if thu_hoach else "",
        "rubric": rubric,
        "rubric_total": w.format_number(thu_hoach.total(), language) if thu_hoach else "10",
        "grades": grades,
        "scored": cls.scored,
        "pass_mark": w.format_number(cls.pass_mark, language),
        "proposed": proposed,
        "certificates_lead": (labels["certificates_lead_scores"].format(mark=w.format_number(cls.pass_mark, language), passed=len(proposed), total=len(learners)) if cls.scored else labels["certificates_lead_blank"].format(total=len(learners))),
        "lecturers": lecturers,
        "rated": rated,
        "content_items": labels["evaluation_content_items"].split("|"),
        "lecturer_items": labels["evaluation_lecturer_items"].split("|"),
        "organisation_items": labels["evaluation_organisation_items"].split("|"),
    }


def pdf_jobs(values: dict[str, Any], workers: int) -> list[tuple[str, int, str]]:
    """(paper, part, HTML) to render, the longest first. The two long papers are cut into parts, so that the
    workers finish together: the reflection sheets (two pages per learner) by learners, the sign-in sheets by
    sessions; the parts are joined again in order."""
    learners, sessions = values["learners"], values["sessions"]
    sized: list[tuple[float, str, int, str]] = []
    for part, chunk in enumerate(_chunks(learners, 2 * workers if workers > 1 else 1)):
        sized.append((2.0 * len(chunk), "phieu-thu-hoach", part, render("phieu-thu-hoach", values, sheets=chunk)))
    pages_per_session = 1 + len(learners) // 24
    for part, chunk in enumerate(_chunks(sessions, workers)):
        sized.append((0.6 * pages_per_session * len(chunk), "danh-sach-ky-ten", part, render("danh-sach-ky-ten", values, sessions=chunk)))
    for name, size in (("de-nghi-cap-giay-chung-nhan", 0.6 * (1 + len(learners) / 25)), ("phieu-danh-gia", 1.0), ("lich-hoc", 1.0)):
        sized.append((size, name, 0, render(name, values)))
    sized.sort(key=lambda job: -job[0])
    return [(name, part, html) for _, name, part, html in sized]


def write_pdfs(jobs: Iterable[tuple[str, int, str]], folder: Path, workers: int, also=None) -> list[Path]:
    """Render each job to folder/<paper>.pdf (parts joined in order); `also` runs in this process meanwhile."""
    jobs = list(jobs)
    parts: dict[str, list[Path]] = {}
    for name, part, _ in jobs:
        parts.setdefault(name, []).append(folder / f".{name}.{part}.pdf")
    if workers <= 1:
        for name, part, html in jobs:
            _render_pdf(html, str(folder / f".{name}.{part}.pdf"))
        if also:
            also()
    else:
        import multiprocessing

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_render_pdf, html, str(folder / f".{name}.{part}.pdf")) for name, part, html in jobs]
            if also:
                also()
            for future in futures:
                future.result()
    written = []
    for name, files in parts.items():
        target = folder / f"{name}.pdf"
        if len(files) == 1:
            files[0].rename(target)
        else:
            _join_pdfs(sorted(files, key=lambda p: int(p.name.split(".")[-2])), target)
            for file in files:
                file.unlink()
        written.append(target)
    return written


def worker_count() -> int:
    """One worker per CPU core this process may use, at most four (HANDBOOK_CLASS_WORKERS overrides)."""
    if os.environ.get("HANDBOOK_CLASS_WORKERS"):
        return max(1, int(os.environ["HANDBOOK_CLASS_WORKERS"]))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


# ---------------------------------------------------------------- helpers


def _chunks(items: list, parts: int) -> list[list]:
    """`items` in at most `parts` consecutive, nearly equal, non-empty chunks."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    chunks, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        chunks.append(items[start:end])
        start = end
    return chunks


def _render_pdf(html: str, target: str) -> None:
    import weasyprint

    weasyprint.HTML(string=html, base_url=str(TEMPLATES)).write_pdf(target)


def _join_pdfs(files: list[Path], target: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for file in files:
        writer.append(str(file))
    metadata = PdfReader(str(files[0])).metadata or {}
    writer.add_metadata({key: value for key, value in metadata.items() if isinstance(value, str)})
    with open(target, "wb") as handle:
        writer.write(handle)
