"""What hooks/pdf_handbook.py knows of the language being built, for hooks/pdf_event_hook.py to read.

mkdocs-with-pdf calls its event hook without the MkDocs config, so the two share this one dictionary.
"""

CURRENT: dict = {"language": "vi", "title": "", "author": "", "toc_title": ""}
