"""The printed editions of the handbook, made from the one combined document mkdocs-with-pdf gathers per
language: the learner's handbook in A4 and as an A5 booklet, and the lecturer's handbook in A4.

What makes a web page a book page (`prepare`, once per language):
- the web page's stylesheets and scripts go, and so does whatever only a screen needs (downloads, search
  tips, links for editors: `.handbook-web-only`, `.handbook-screen-only`);
- collapsible blocks print open; a link to another part of the book prints the page it leads to, "(xem
  trang 12)". A citation does not: "Điều 24 Điều lệ Đảng" finds itself in the Charter part, which is in
  article order, and a page number after every citation would crowd the text (and make WeasyPrint lay out
  every citing page twice, since the pages it points to come later);
- each page of the site is a section that runs on from the one before, except lessons and topics, which
  start a page (in the booklet, a right-hand page); each section names itself in the running head.

What differs between the editions (`make`, once per edition):
- the learner's editions leave out what is for lecturers (`.handbook-lecturer`: notes, session plans, keys
  to the cases), print each review question without its answer and gather the answers in an appendix by
  lesson, and replace each editor's box on a point not yet verified by a number in brackets, listed in an
  appendix "Điểm cần đối chiếu" with its page;
- the lecturer's edition keeps all of it, each answer under its question and the editors' boxes in place;
- every edition gets its own cover, an imprint on the back of the cover, and its own stylesheet (A4 or A5,
  overrides/pdf/handbook-print.scss); the booklet ends with pages for notes, of which the renderer keeps as
  many as make the page count a multiple of four (`sotay_boiduong.render`).

Plain functions on BeautifulSoup trees; the cover, imprint and appendices are Jinja templates of
overrides/pdf/, rendered by the `render` function the caller gives.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from . import print_parts
from .render import RenderTask
from .settings import PrintEdition as Edition

# Pages for notes before the back cover, of which the renderer keeps as many as make the page count a multiple of
# the edition's signature: a booklet is printed in folded signatures of 16 pages; an A4 book needs an even count
# (its back cover on a left-hand page).
SIGNATURE = {True: 16, False: 2}
SCREEN_ONLY = ".handbook-web-only, .handbook-screen-only, .headerlink, .md-content__button, .md-source-file"


@dataclass(frozen=True)
class PageInfo:
    """What the book needs to know of one page of the site."""

    kind: str  # "unit" (a lesson or a topic: starts a page) or "page"
    running: str  # its name in the running head
    editions: tuple[str, ...] = ()  # the editions that print it; empty: all
    number: int | None = None  # a lesson's number


@dataclass
class Book:
    """One language's book: the strings, the facts for the cover and the imprint, the pages."""

    language: str
    title: str
    author: str
    year: int
    locality: str
    built: str
    commit: str
    checked: str  # the last date the documents' status was checked (registry), or "": no such line
    pdf: Mapping[str, str]  # extra.pdf strings of the language
    styles: Path  # overrides/pdf, where handbook-print.scss is
    publication: Mapping[str, object] = field(default_factory=dict)  # issuer, place, edition_number, print_run, circulation, contact
    glossary: Mapping[str, str] = field(default_factory=dict)  # the terms the index lists
    points: list[tuple[str, str, str, str]] = field(default_factory=list)  # (code, status, fact, source) open
    pages: dict[str, PageInfo] = field(default_factory=dict)  # page URL ("bai-hoc/bai-1/") → info
    chapters: dict[str, int] = field(default_factory=dict)  # page URL → lesson number, for numbered tables


# ---------------------------------------------------------------- the common part


def prepare(soup: BeautifulSoup, book: Book) -> None:
    """Make the combined document a book for every edition (in place)."""
    html = soup.find("html")
    if html is not None:
        html["lang"] = book.language
    head = soup.find("head")
    if head is None:
        head = soup.new_tag("head")
        soup.html.insert(0, head)
    for element in head.find_all(["link", "script", "meta", "style"]):
        if element.name == "meta" and element.get("charset"):
            continue
        element.decompose()
    for element in soup.find_all("script"):
        element.decompose()
    if head.title is None:
        head.append(soup.new_tag("title"))
    head.title.string = book.title
    for name, content in (("author", book.author), ("generator", "MkDocs, mkdocs-with-pdf, WeasyPrint")):
        head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))
    toc_heading = soup.select_one("article#doc-toc > h1")
    if toc_heading is not None:
        toc_heading.string = book.pdf["toc_title"]
    for cover in soup.select("article#doc-cover"):
        cover.decompose()
    for element in soup.select(SCREEN_ONLY):
        element.decompose()
    for details in soup.find_all("details"):
        details["open"] = ""
    # A glossary mark explains its term when the pointer rests on it; on paper the glossary and the index do
    # that: each mark becomes the anchor the index points to.
    print_parts.mark_terms(soup)
    _mark_pages(soup, book)
    _cross_references(soup, book)


def _page_url(element: Tag) -> str | None:
    """The site URL of the page an <article> or <section> of the combined document holds (its id is
    "<url>:", "." for the home page)."""
    identifier = element.get("id") or ""
    if not identifier.endswith(":") or element.name not in ("article", "section"):
        return None
    url = identifier[:-1]
    return "" if url == "." else url


def _mark_pages(soup: BeautifulSoup, book: Book) -> None:
    """Each page of the site names itself in the running head (the home page as the introduction), each part
    of the book (a section of the menu) names itself as the part; lessons and topics start a page.

    The names are set on the page's title, not on its <section>: WeasyPrint repeats an element's string-set on
    every page the element continues on, so a part's name set on its <article> would stand first on each of
    its pages and hide the name of the chapter that begins there."""
    for element in soup.find_all(["article", "section"]):
        url = _page_url(element)
        info = book.pages.get(url) if url is not None else None
        title = element.find(["h1", "h2"])
        if info is None:
            if element.name == "article" and url is not None and title is not None:
                title["data-part"] = title.get_text(" ", strip=True)
            continue
        if title is not None:
            title["data-running"] = book.pdf["intro_running"] if url == "" else info.running
            if element.name == "article":  # a page of its own at the top of the menu: its own part
                title["data-part"] = title["data-running"]
        if info.kind == "unit":
            element["class"] = [*element.get("class", []), "handbook-print-unit"]
        if info.editions:
            element["data-editions"] = " ".join(info.editions)


def _cross_references(soup: BeautifulSoup, book: Book) -> None:
    elements = {element["id"]: element for element in soup.find_all(id=True)}
    toc = soup.select_one("article#doc-toc")
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if not href.startswith("#") or (toc is not None and toc in link.parents):
            continue
        target = elements.get(href[1:])
        if target is None:
            link.unwrap()  # a page that is not in the book (the editors' guide): the words stay
            continue
        if target.name in ("section", "article"):
            # A page's title, not its section: a section may begin at the foot of one page with its title on
            # the next, and the page number printed must be where the reader finds the title.
            heading = target.find(["h1", "h2", "h3"], id=True)
            if heading is not None:
                link["href"] = "#" + heading["id"]
        classes = link.get("class", [])
        if "handbook-successor" in classes:
            continue
        if "handbook-cite" in classes:
            continue
        if "handbook-doc-open" in classes:
            link.string = book.pdf["see_page"].capitalize()  # "Xem trang 79": the entry names the document already
        link["class"] = [*classes, "handbook-xref"]


# ---------------------------------------------------------------- one edition


def make(soup: BeautifulSoup, book: Book, edition: Edition, render: Callable[..., str], *, in_place: bool = False) -> BeautifulSoup:
    """The document of one edition, from a document made ready by `prepare` (copied unless `in_place`).

    The book, in order: the cover; the half-title; the title page with the issuing body; the imprint on its
    back; the edition's foreword; the contents and the list of tables and figures; the parts; the appendices
    (the learner's: the suggested answers; the proof's: the points still open); the index; pages for notes;
    the back cover. Every part starts on a right-hand page (blank pages are left without a number)."""
    doc = soup if in_place else copy.copy(soup)
    _keep_pages_of(doc, edition)
    answers = []
    if not edition.lecturer:
        # The self-check's keys and the web's lead that points to them: the learner's book has the questions and
        # says where the keys are (.handbook-self-check__lead-book).
        for element in doc.select(".handbook-lecturer, .handbook-self-check__answer, .handbook-self-check__lead"):
            element.decompose()
        answers = _questions_without_answers(doc)
    else:
        for element in doc.select(".handbook-self-check__lead-book"):
            element.decompose()
    points = []
    if edition.proof:
        points = print_parts.open_points(doc, book.points)
    else:
        # The editors' notes on facts still open are the makers' apparatus: never in a printed release (their
        # sentences are written to read true without them); a link to a note keeps its words only.
        _without(doc, ".admonition.doi-chieu")
    print_parts.keep_together(doc)
    numbered = print_parts.number_tables_and_figures(doc, book.pdf, {f"{url}:" if url else ".:": n for url, n in book.chapters.items()})
    index = print_parts.index_entries(doc, book.glossary, book.language)
    publication = book.publication
    values = {
        "pdf": book.pdf,
        "edition": edition.key,
        "edition_name": edition.running,
        "edition_note": edition.note,
        "proof": edition.proof,
        "booklet": edition.booklet,
        "title": _bind_last_words(book.title),
        "locality": book.locality,
        "year": book.year,
        "built": book.built,
        "commit": book.commit,
        "checked": book.checked,
        "issuer": publication.get("issuer", ""),
        "place": publication.get("place", ""),
        "edition_number": publication.get("edition_number", ""),
        "print_run": publication.get("print_run", ""),
        "circulation": publication.get("circulation", ""),
        "contact": publication.get("contact", ""),
        "foreword": book.pdf[f"foreword_{edition.audience}"],
    }
    body = doc.body
    front = [render(name, **values) for name in ("pdf/book-cover.html", "pdf/title-pages.html", "pdf/imprint.html", "pdf/foreword.html")]
    for fragment in reversed(front):
        body.insert(0, _fragment(fragment))
    toc = doc.select_one("article#doc-toc")
    if numbered and toc is not None:
        toc.insert_after(_fragment(render("pdf/figures.html", numbered=numbered, **values)))
    if answers or points:
        body.append(_fragment(render("pdf/appendices.html", answers=answers, points=points, **values)))
    if index:
        body.append(_fragment(print_parts.index_html(index, book.pdf)))
    _add_to_contents(doc, book, answers, points, bool(numbered), bool(index))
    lines = 17 if edition.page_size == "A5" else 26  # as many ruled lines as fill the page under its title
    for _ in range(SIGNATURE[edition.booklet] - 1):
        body.append(_fragment(render("pdf/notes.html", lines=lines, **values)))
    body.append(_fragment(render("pdf/back-cover.html", **values)))
    style = doc.new_tag("style")
    style.string = stylesheet(book, edition)
    doc.head.append(style)
    return doc


def stylesheet(book: Book, edition: Edition) -> str:
    """The edition's print stylesheet: overrides/pdf/handbook-print.scss with the edition's page size, and the
    rules whose words depend on the language and the edition."""
    import sass  # libsass, installed with mkdocs-with-pdf

    settings = f"$page-size: {edition.page_size}; $booklet: {'true' if edition.booklet else 'false'}; $body-size: {edition.body_size};"
    css = sass.compile(string=settings + '@import "handbook-print";', include_paths=[str(book.styles)])
    # libsass opens with `@charset "UTF-8";` for a stylesheet with non-ASCII text; inside a <style> element
    # WeasyPrint warns about it (an at-rule it ignores), and a warning fails the strict build.
    css = css.removeprefix('@charset "UTF-8";\n')
    page = _css_string(book.pdf["page_short"])
    running = _css_string(book.pdf["proof_running"] if edition.proof else edition.running)
    # A reference to a part of the book prints its name (the link's words) and its page once: "Chương trình,
    # tr. 6". It names its target's page through target-counter(); where the renderer had to correct
    # WeasyPrint's count (sotay_boiduong.render), it writes the page into data-page instead.
    return css + (
        f":root {{ string-set: edition {running}; }}\n"
        f"a.handbook-xref::after {{ content: \", \" {page} \"\\a0\" target-counter(attr(href), page); }}\n"
        f"a.handbook-xref[data-page]::after {{ content: \", \" {page} \"\\a0\" attr(data-page); }}\n"
        "a.handbook-doc-open.handbook-xref::after { content: \"\\a0\" target-counter(attr(href), page); }\n"
        "a.handbook-doc-open.handbook-xref[data-page]::after { content: \"\\a0\" attr(data-page); }\n"
        "a.handbook-page-ref::after { content: target-counter(attr(href), page); }\n"
        "a.handbook-page-ref[data-page]::after { content: attr(data-page); }\n"
        "article#doc-toc li > a[data-page]::after { content: leader(\".\") attr(data-page); }\n"
    )


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _keep_pages_of(doc: BeautifulSoup, edition: Edition) -> None:
    """Drop the pages printed only in other editions, and their entries in the contents (the proof keeps every
    page: the editors read all that any edition prints)."""
    if edition.proof:
        return
    removed = set()
    for element in doc.select("[data-editions]"):
        if edition.key not in element["data-editions"].split():
            removed |= {e["id"] for e in element.find_all(id=True)} | {element.get("id", "")}
            element.decompose()
    for link in doc.select("article#doc-toc a[href]"):
        if link["href"][1:] in removed:
            link.find_parent("li").decompose()
    # A link from a page of this edition to one it leaves out keeps its words, without a page number.
    for link in doc.find_all("a", href=True):
        if link["href"].startswith("#") and link["href"][1:] in removed:
            link.unwrap()


def _questions_without_answers(doc: BeautifulSoup) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each review question printed alone; its answer returned for the appendix, grouped by lesson."""
    groups: dict[int, tuple[str, list[tuple[str, str, str]]]] = {}
    for details in doc.select("details.question"):
        summary = details.find("summary")
        text = summary.get_text(" ", strip=True) if summary else ""
        number, _, question = text.partition(". ")
        unit = details.find_parent("section") or details.find_parent("article")
        heading = unit.find(["h2", "h1"]) if unit else None
        label = heading.get_text(" ", strip=True) if heading else ""
        if summary is not None:
            summary.decompose()
        for strong in details.find_all("strong", limit=1):  # "Gợi ý trả lời:", said by the appendix's title
            if strong.parent.name == "p" and strong.parent.contents[0] is strong:
                strong.decompose()
        answer = "".join(str(child) for child in details.contents).strip()
        groups.setdefault(id(unit), (label, []))[1].append((number, question, answer))
        paragraph = doc.new_tag("p", attrs={"class": "handbook-question"})
        mark = doc.new_tag("span", attrs={"class": "handbook-question-number"})
        mark.string = f"{number}."
        paragraph.append(mark)
        paragraph.append(NavigableString(f" {question}"))
        details.replace_with(paragraph)
    return list(groups.values())


def _without(doc: BeautifulSoup, selector: str) -> None:
    """Remove what `selector` finds; a link to anything removed keeps its words and loses its page reference."""
    removed: set[str] = set()
    for element in doc.select(selector):
        removed |= {e["id"] for e in element.find_all(id=True)} | ({element["id"]} if element.get("id") else set())
        element.decompose()
    for link in doc.find_all("a", href=True):
        if link["href"].startswith("#") and link["href"][1:] in removed:
            link.unwrap()


def _add_to_contents(doc: BeautifulSoup, book: Book, answers, points, figures: bool, index: bool) -> None:
    toc = doc.select_one("article#doc-toc > ul")
    if toc is None:
        return
    rows = []
    if figures:
        rows.append(f'<li><a href="#bang-va-hinh-tieu-de">{escape(book.pdf["figures_title"])}</a></li>')
    if answers or points:
        inner = ('<li><a href="#phu-luc-goi-y-tra-loi">' + escape(book.pdf["appendix_answers"]) + "</a></li>" if answers else "") + (
            '<li><a href="#phu-luc-diem-can-doi-chieu">' + escape(book.pdf["proof_points_title"]) + "</a></li>" if points else ""
        )
        rows.append(f'<li><a href="#phu-luc-tieu-de">{escape(book.pdf["appendices"])}</a><ul>{inner}</ul></li>')
    if index:
        rows.append(f'<li><a href="#chi-muc-tieu-de">{escape(book.pdf["index_title"])}</a></li>')
    for row in rows[1:] if figures else rows:
        toc.append(_fragment(row))
    if figures:  # the list of tables and figures comes right after the contents, so it is listed first
        toc.insert(0, _fragment(rows[0]))


def _bind_last_words(title: str, count: int = 3) -> str:
    """The title with its last `count` words joined by no-break spaces: no word stands alone on a line."""
    words = title.split()
    if len(words) <= count:
        return "\u00a0".join(words)
    return " ".join(words[:-count]) + " " + "\u00a0".join(words[-count:])


def _fragment(html: str) -> Tag:
    parsed = BeautifulSoup(html, "html.parser")
    return next(child for child in parsed.contents if isinstance(child, Tag))


# ---------------------------------------------------------------- handing the editions to the render stage


def stage(doc: BeautifulSoup, folder: Path, language: str, edition: Edition, out: Path, base_url: Path) -> RenderTask:
    """Write the edition's document into `folder` (the build's own folder, never the system's temporary one)
    and return the task that renders it into `out` (sotay_boiduong.render); relative addresses in it resolve
    against `base_url`, the language's folder of the site."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{language}-{edition.key}.html"
    source.write_text(str(doc), encoding="utf-8")
    notes = (SIGNATURE[edition.booklet] - 1, SIGNATURE[edition.booklet])
    # The longest first (a booklet has about half again the pages of A4; the lecturer's has more content).
    weight = len(source.read_bytes()) * (1.5 if edition.booklet else 1.0)
    return RenderTask(out=out, label=f"{language}/{edition.key}", source=source, base_url=str(base_url), notes_pages=notes[0], multiple=notes[1], weight=weight)


@dataclass(frozen=True)
class Finish:
    """What is done to one language's folder once its editions are written (`finish`), as plain data: the
    build script does it after the render stage, or the build itself when it renders alone."""

    folder: str  # the language's folder in the site
    editions: tuple[str, ...]  # the editions' paths in it
    learner: str  # the learner's A4 edition, which is also copied to `legacy`
    legacy: str  # the handbook's former file name
    written: str | None  # the empty page mkdocs-with-pdf wrote, to remove
    pages_word: str
    language: str

    def to_json(self) -> dict:
        return {**self.__dict__, "editions": list(self.editions)}

    @classmethod
    def from_json(cls, data: dict) -> Finish:
        return cls(**{**data, "editions": tuple(data["editions"])})


def finish(plan: Finish) -> None:
    """Remove with-pdf's empty page, copy the learner's edition to the former file name, and write each
    edition's page count and size into the language's home page (its download list)."""
    folder = Path(plan.folder)
    if plan.written:
        (folder / plan.written).unlink(missing_ok=True)
    learner = folder / plan.learner
    if learner.is_file():
        shutil.copy2(learner, folder / plan.legacy)
    facts = {}
    for path in plan.editions:
        found = pdf_facts(folder / path)
        if found:
            facts[path] = describe(found, plan.pages_word, plan.language)
    home = folder / "index.html"
    if home.is_file() and facts:
        home.write_text(fill_download_facts(home.read_text(encoding="utf-8"), facts), encoding="utf-8")


# ---------------------------------------------------------------- the download list on the site


def pdf_facts(path: Path) -> tuple[int, int] | None:
    """(pages, bytes) of a PDF file, or None if there is none."""
    if not path.is_file():
        return None
    from pypdf import PdfReader

    return len(PdfReader(path).pages), path.stat().st_size


def describe(facts: tuple[int, int], pages_word: str, language: str) -> str:
    """"152 trang, 1,4 MB" / "152 pages, 1.4 MB"."""
    pages, size = facts
    megabytes = f"{size / 1_000_000:.1f}"
    if language == "vi":
        megabytes = megabytes.replace(".", ",")
    return f"{pages} {pages_word}, {megabytes} MB"


def fill_download_facts(html: str, facts: Mapping[str, str]) -> str:
    """Each `<span class="handbook-pdf-meta" data-pdf="pdf/…"></span>` of a page (written empty by
    overrides/partials/handbook-actions.html) given its text (pages, size)."""
    for path, text in facts.items():
        html = html.replace(f'data-pdf="{path}"></span>', f'data-pdf="{path}">{escape(text)}</span>')
    return html
