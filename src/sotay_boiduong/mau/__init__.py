"""The secretary's toolkit: the model papers and forms of the part "Mẫu và biểu" (docs/mau/).

- `votes`: the votes a Party cell needs ("more than half", "at least two thirds") and the dates a secretary
  keeps (the end of probation, the appeal deadline), computed in one place;
- `claims`: every threshold a page states ("ít nhất 10 trên 14", "8 is more than half of 14") checked with
  the same arithmetic, at its file and line;
- `forms`: the form definitions (docs/_data/mau-bieu.yml): every field of every form, once, in both languages;
- `models`: the front matter of a model page (purpose, rule, audience, examples) and its filled examples,
  checked against its form;
- `docx`: every form as a Word file, made from the same definition and kept in a cache by content hash.

Nothing here knows MkDocs: hooks/mau.py is the thin adapter.
"""
