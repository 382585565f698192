"""What the handbook's pages show of the class kit, for the Markdown partials that hooks/class_kit.py renders:
the model timetables (planned by the same rules as a class file), the keys of a class file (from its schema)
and the written reflection's questions, rubric and grades (from docs/_data/thu-hoach.yml)."""

from __future__ import annotations

from typing import Any

from .. import schema_errors
from . import words as w
from .catalogue import Catalogue, ThuHoach
from .model import SCHEMA
from .plan import model_plans


def model_timetables(catalogue: Catalogue, topics: list[str], language: str) -> list[dict[str, Any]]:
    """The two model classes (5 and 4 days), each with its sum of sessions and one row per session."""
    labels = w.words(language)
    models = []
    for plan in model_plans(catalogue, topics, language):
        parts = plan.breakdown(language)
        formula = " + ".join(f"{count} ({what})" for what, count in parts if count)
        rows = [
            {
                "day": labels["day_n"].format(n=session.day) if session.part == "morning" else "",
                "part": f"{labels[session.part]} {w.format_time(session.start)}–{w.format_time(session.end)}",
                "content": "; ".join(session.contents(language)),
            }
            for session in plan.sessions
        ]
        models.append({
            "days": plan.days,
            "title": labels["model_title"].format(days=plan.days),
            "sum": labels["model_sum"].format(formula=formula, total=len(plan.sessions)),
            "rows": rows,
            "shortened": [labels[f"shorten_{code}"] for code in plan.shorten],
        })
    return models


def class_fields(language: str) -> list[dict[str, Any]]:
    """Each key of a class file: its description in the page's language and whether it is required."""
    root = schema_errors.schema(SCHEMA)
    labels = w.words(language)
    fields = []
    for key, sub in root["properties"].items():
        description = sub.get("x-en") if language == "en" else sub.get("description")
        fields.append({"key": key, "description": description or sub.get("description", ""), "required": labels["yes"] if key in root["required"] else labels["no"]})
    return fields


def thu_hoach_values(thu_hoach: ThuHoach, catalogue: Catalogue, language: str) -> dict[str, Any]:
    """Questions grouped by lesson, the rubric with its total, the grades with their ranges, the length."""
    labels = w.words(language)
    return {
        "questions": [
            {"label": labels["lesson"].format(n=number, title=catalogue.lessons.get(number, "")), "questions": thu_hoach.questions_of(number, language)}
            for number in sorted(catalogue.lessons)
        ],
        "rubric": [{"criterion": r["criterion"][language], "requirement": r["requirement"][language], "points": w.format_number(r["points"], language)} for r in thu_hoach.rubric],
        "total": w.format_number(thu_hoach.total(), language),
        "grades": thu_hoach.grade_spans(language, labels),
        "length": thu_hoach.length[language],
    }
