"""The part "Mẫu và biểu" as a site needs it: what hooks/mau.py asks, in plain functions.

- `Toolkit.load` reads the form definitions once per build (docs/_data/mau-bieu.yml, with the thu hoạch rubric
  of docs/_data/thu-hoach.yml and the class evaluation form's items that some forms print);
- `check_sources` checks one language's Markdown sources: each model page (sotay_boiduong.mau.models), each
  translation against its Vietnamese page, and every vote threshold any page states (sotay_boiduong.mau.claims);
- `page_parts` gives the templates what a model page shows: its facts, its examples filled in, its blank form,
  its .docx and the vote table or the appeal deadline where the page asks for them;
- `index_entries` lists the part's papers for its index page, the cell's papers and the class papers apart.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..lop import words as class_words
from ..lop.catalogue import THU_HOACH, load_thu_hoach
from ..problems import Problem
from ..yamlio import parse_date
from . import claims, docx, forms, models, votes

CACHE = Path(".cache") / "mau"  # beside mkdocs.yml, like the diagrams' cache


@dataclass
class Toolkit:
    """One build's forms and model pages (both languages)."""

    definitions: forms.Definitions | None
    cache: Path | None
    models: dict[str, dict[str, models.Model]] = field(default_factory=dict)  # language → src_uri → Model

    @classmethod
    def load(cls, docs_dir: str, shown: Callable[[str], str], cache: Path | None) -> tuple[Toolkit, list[Problem]]:
        """`shown` turns a path under docs/ into the path editors see in messages."""
        rubric, problems = _rubric(docs_dir, shown)
        evaluation = {language: class_words.words(language) for language in forms.LANGUAGES}
        definitions, found = forms.load_file(docs_dir, shown(forms.DATA), rubric=rubric, evaluation=evaluation)
        return cls(definitions, cache), problems + found

    def model(self, language: str, src_uri: str) -> models.Model | None:
        return self.models.get(language, {}).get(src_uri)


def check_sources(toolkit: Toolkit, language: str, default: str, sources: Iterable[tuple[str, str, str]], read: Callable[[str], str | None], editions: Mapping[str, str] = models.EDITIONS) -> list[Problem]:
    """Problems of one language's sources, (path, src_uri, text) each; `read` gives another source's text,
    `editions` each printed edition's audience."""
    problems: list[Problem] = []
    own = toolkit.models.setdefault(language, {})
    own.clear()
    for path, src_uri, text in sources:
        problems += claims.check(path, text, language)
        if not models.is_model_page(src_uri):
            continue
        model, found = models.validate(path, src_uri, text, toolkit.definitions, editions)
        problems += found
        if model is not None and not found:
            own[src_uri] = model
        if model is not None and language != default:
            original_uri = str(PurePosixPath(src_uri).with_name(model.slug + ".md"))
            original_text = read(original_uri)
            original = models.validate(original_uri, original_uri, original_text, toolkit.definitions)[0] if original_text is not None else None
            if original is not None:
                original.path = "docs/" + original_uri
            problems += models.check_twin(model, original)
    return problems


def page_parts(toolkit: Toolkit, model: models.Model, language: str, page_url: str, prefix: str, lesson_links: dict[int, tuple[str, str]]) -> dict[str, Any]:
    """What the templates of a model page show. `page_url` is the page's address in the site ("mau/x/"),
    `prefix` the language's folder ("" or "en/"), `lesson_links` each lesson's (label, link from this page)."""
    definitions = toolkit.definitions
    words = {key: definitions.word(key, language) for key in definitions.words} if definitions else {}
    form = definitions.forms.get(model.form) if definitions and model.form else None
    examples = []
    for example in model.examples:
        view = forms.view(form, definitions, language, example["values"]) if form else None
        label = {"good": words.get("example_good"), "poor": words.get("example_poor")}.get(example.get("quality"), words.get("example"))
        examples.append({"id": example["id"], "title": example["title"], "label": label, "view": view})
    download = None
    if form is not None:
        size = len(docx.document_bytes(definitions, form.id, language, toolkit.cache))
        # The page's own folder in the site: mau/x/ with directory addresses, mau/ for mau/x.html (offline copy).
        folder = page_url[:-1] if page_url.endswith("/") else posixpath.dirname(page_url)
        href = posixpath.relpath(f"{prefix}{docx.FOLDER}/{form.id}.docx", folder or ".")
        download = {"href": href, "size": _size(size), "label": words["download"].format(size=_size(size))}
    return {
        "language": language,
        "model": model.data,
        "slug": model.slug,
        "words": words,
        "lessons": [lesson_links[number] for number in model.data["lessons"] if number in lesson_links],
        "examples": examples,
        "blank": forms.view(form, definitions, language) if form else None,
        "download": download,
    }


def vote_table() -> list[votes.Row]:
    return votes.table()


def appeal(received: str, language: str, words: dict[str, str]) -> dict[str, str]:
    """The appeal deadline counted from a day of receipt, in words: the Charter's month, the practice's 30
    working days (Monday to Friday; a public holiday in between moves it later), five weeks later."""
    day = parse_date(received)
    deadline = votes.appeal_deadline(day)
    month = votes.add_months(day, 1)
    five_weeks = day + datetime.timedelta(weeks=5)

    def shown(value: datetime.date) -> str:
        return f"{class_words.weekday(value, language)} {class_words.format_date(value, language)}"

    return {
        "title": words["appeal_title"],
        "received": words["appeal_received"].format(date=shown(day)),
        "month": words["appeal_month"].format(date=shown(month)),
        "practice": words["appeal_practice"].format(date=shown(deadline), days=votes.APPEAL_WORKING_DAYS),
        "five_weeks": words["appeal_five_weeks"].format(date=shown(five_weeks)),
    }


def index_entries(toolkit: Toolkit, language: str, here: str) -> dict[str, list[dict[str, str]]]:
    """The part's papers in nav order is the editors' business; here, in file-name order, by audience."""
    groups: dict[str, list[dict[str, str]]] = {"cell": [], "class": []}
    for src_uri, model in sorted(toolkit.models.get(language, {}).items()):
        link = posixpath.relpath(src_uri, here) if here else src_uri
        groups["class" if model.for_lecturers else "cell"].append({"title": model.data["title"], "purpose": model.data["purpose"], "link": link})
    return groups


def _size(size: int) -> str:
    kilobytes = max(1, round(size / 1000))
    return f"{kilobytes} KB"


def _rubric(docs_dir: str, shown: Callable[[str], str]) -> tuple[list[dict[str, Any]] | None, list[Problem]]:
    path = Path(docs_dir) / THU_HOACH
    if not path.is_file():
        return None, []
    thu_hoach, _ = load_thu_hoach(path)  # its problems are reported by hooks/class_kit.py where a page uses it
    return (list(thu_hoach.rubric) if thu_hoach else None), []
