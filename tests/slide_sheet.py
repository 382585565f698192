"""A contact sheet of a deck, drawn from the deck's own shapes with Pillow, to look at slides without
PowerPoint or LibreOffice: each text box at its position and size, its text wrapped in Noto Sans at its runs'
sizes with its bullets and margins, pictures and tables where they are, the master's rule and band.

It is a picture for a person to look at, not a renderer: what it draws is what the file says, laid out the
simple way (a line breaks at the last word that fits). Usage:

    .venv/bin/python tests/slide_sheet.py site/giang-vien/bai-giang/bai-1.pptx /tmp/bai-1 [--slides 1,5,14]

writes one PNG per slide asked for (all by default) and a contact sheet of them.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

PPI = 96  # pixels per inch of the drawn slide
FONTS = {False: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", True: "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"}
ITALIC = "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf"


def px(emu) -> int:
    return round(Emu(emu).inches * PPI)


def font(size_pt: float, bold: bool = False, italic: bool = False):
    path = ITALIC if italic and Path(ITALIC).exists() else FONTS[bold]
    return ImageFont.truetype(path, max(1, round(size_pt * PPI / 72)))


def draw_slide(presentation, slide) -> Image.Image:
    width, height = px(presentation.slide_width), px(presentation.slide_height)
    layout_part = slide.slide_layout
    background = "#FFFFFF"
    fill = layout_part.background.fill
    try:
        if fill.type is not None:
            background = "#" + str(fill.fore_color.rgb)
    except (TypeError, AttributeError):
        pass
    image = Image.new("RGB", (width, height), background)
    canvas = ImageDraw.Draw(image)
    if layout_part._element.get("showMasterSp") != "0":
        for shape in presentation.slide_master.shapes:
            if not shape.is_placeholder and shape.shape_type is not None:
                canvas.rectangle([px(shape.left), px(shape.top), px(shape.left + shape.width), px(shape.top + shape.height)], fill="#A4161A")
    cover = background != "#FFFFFF"
    for shape in slide.shapes:
        box = (px(shape.left), px(shape.top), px(shape.width), px(shape.height))
        if shape.shape_type == 13:  # picture
            picture = Image.open(io.BytesIO(shape.image.blob)).convert("RGB").resize((box[2], box[3]))
            image.paste(picture, (box[0], box[1]))
            continue
        if shape.has_table:
            _table(canvas, shape, box)
            continue
        if shape.has_text_frame:
            kind = str(shape.placeholder_format.type) if shape.is_placeholder else ""
            is_title = "TITLE" in kind and "SUBTITLE" not in kind
            colour = "#FFFFFF" if cover else ("#7D1013" if is_title else "#1F1F1F")
            bulleted = shape.is_placeholder and ("BODY" in kind or "OBJECT" in kind)
            _text(canvas, shape.text_frame, box, colour, bold=is_title, anchor_bottom=is_title, bulleted=bulleted)
    return image


def _text(canvas, frame, box, colour, *, bold=False, anchor_bottom=False, bulleted=False):
    left, top, width, height = box
    inset = round(0.1 * PPI)
    rows = []
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        if not runs:
            continue
        size = runs[0].font.size.pt if runs[0].font.size else 18
        italic = bool(runs[0].font.italic)
        run_colour = colour
        try:
            if runs[0].font.color and runs[0].font.color.type is not None:
                run_colour = "#" + str(runs[0].font.color.rgb)
        except AttributeError:
            pass
        properties = paragraph._p.pPr
        margin = px(int(properties.get("marL", 0))) if properties is not None and properties.get("marL") else 0
        indent = px(int(properties.get("indent", 0))) if properties is not None and properties.get("indent") else 0
        bullet = bulleted and (properties is None or properties.find(qn("a:buNone")) is None)
        face = font(size, bold or bool(runs[0].font.bold), italic)
        text = "".join(r.text for r in runs)
        lines = _wrap(text, face, width - 2 * inset - margin)
        line_height = round(size * 1.362 * PPI / 72)
        before = round(paragraph.space_before.pt * PPI / 72) if paragraph.space_before is not None else 0
        rows.append((lines, face, line_height, margin, indent, bullet, run_colour, before, paragraph.alignment))
    total = sum(len(r[0]) * r[2] + r[7] for r in rows)
    y = top + inset if not anchor_bottom else top + height - inset - total
    for lines, face, line_height, margin, indent, bullet, run_colour, before, alignment in rows:
        y += before
        for number, line in enumerate(lines):
            x = left + inset + margin
            if alignment is not None and int(alignment) == 2:  # centred
                x = left + (width - face.getlength(line)) / 2
            if number == 0 and bullet:
                canvas.text((x + indent, y), "•", font=face, fill="#A4161A")
            canvas.text((x, y), line, font=face, fill=run_colour)
            y += line_height
    if y > top + height:
        canvas.rectangle([left, top, left + width, top + height], outline="#FF00FF", width=3)  # overflow shows


def _wrap(text, face, room):
    rows, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and face.getlength(candidate) > room:
            rows.append(current)
            current = word
        else:
            current = candidate
    return rows + ([current] if current else [])


def _table(canvas, shape, box):
    table = shape.table
    x0, y = box[0], box[1]
    for r, row in enumerate(table.rows):
        x = x0
        row_height = px(row.height)
        for c, cell in enumerate(row.cells):
            w = px(table.columns[c].width)
            canvas.rectangle([x, y, x + w, y + row_height], fill="#A4161A" if r == 0 else ("#F6DCDC" if r % 2 else "#FBEFEF"), outline="#FFFFFF")
            run = cell.text_frame.paragraphs[0].runs[0] if cell.text_frame.paragraphs[0].runs else None
            size = run.font.size.pt if run is not None and run.font.size else 18
            face = font(size, r == 0)
            ty = y + round(0.05 * PPI)
            for line in _wrap(cell.text, face, w - round(0.2 * PPI)):
                canvas.text((x + round(0.1 * PPI), ty), line, font=face, fill="#FFFFFF" if r == 0 else "#1F1F1F")
                ty += round(size * 1.362 * PPI / 72)
            x += w
        y += row_height


def sheet(images, columns=3) -> Image.Image:
    width, height = images[0].size
    scale = 0.5
    w, h = round(width * scale), round(height * scale)
    rows = (len(images) + columns - 1) // columns
    out = Image.new("RGB", (columns * (w + 10) + 10, rows * (h + 10) + 10), "#888888")
    for index, image in enumerate(images):
        out.paste(image.resize((w, h)), (10 + (index % columns) * (w + 10), 10 + (index // columns) * (h + 10)))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("deck")
    parser.add_argument("out")
    parser.add_argument("--slides", default="")
    args = parser.parse_args(argv)
    presentation = Presentation(args.deck)
    wanted = [int(n) for n in args.slides.split(",") if n] or list(range(1, len(presentation.slides) + 1))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    images = []
    for number in wanted:
        image = draw_slide(presentation, presentation.slides[number - 1])
        image.save(out / f"slide-{number:02d}.png")
        images.append(image)
    sheet(images).save(out / "sheet.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
