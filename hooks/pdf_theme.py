"""Theme handler for mkdocs-with-pdf (its `theme_handler_path` option).

The stock Material handler adds Material's screen styles to the PDF and rewrites every page's HTML to
insert an English "download PDF" link into the footer. Here the PDF's styles all come from
overrides/pdf/styles.scss and the templates in overrides/ place a translated link, so this handler
adds nothing.
"""


def get_stylesheet(debug_html: bool) -> str:
    return ""


def get_script_sources() -> list:
    return []


def inject_link(html: str, href: str) -> str:
    return html
