"""The class kit: a class of the programme in one file (lop/*.yml plus a roster .csv), and every paper the
organising centre needs for it — timetable (HTML, PDF, iCalendar), sign-in sheets, the written reflection's cover
and marking sheets, the anonymous evaluation form, the report to the Party committee (.docx) and the list proposing
certificates.

- `catalogue`: the lessons, local topics and the written reflection's questions and rubric, from docs/;
- `plan`: the programme's rules (sessions per part, 4 or 5 days) and the class's sessions;
- `model`, `roster`: the class file and its roster, read and checked (`file:line: what — Cách sửa: how`);
- `papers`, `ics`, `report`, `pack`: the outputs, written all or nothing;
- `python -m sotay_boiduong.lop FILE [--out DIR]` (scripts/class.sh) runs it.

Nothing here knows MkDocs; the handbook's model timetables (hooks/class_kit.py) call `plan` directly.
"""
