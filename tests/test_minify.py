"""What a phone downloads is smaller than what the makers read (sotay_boiduong.minify), and means the same."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import tinycss2

from sotay_boiduong import minify

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs/assets"


def test_a_page_loses_its_indentation_and_keeps_its_text_and_preformatted_blocks():
    page = (
        "<ul>\n      <li>\n        <a href='x'>Bài 1</a>\n\n\n      </li>\n    </ul>\n"
        "<p>Chi bộ <em>họp</em>\n    hằng tháng</p>\n"
        "<pre><code>dòng 1\n    dòng 2 thụt vào\n</code></pre>\n"
        '<script>\n  var a = "  hai  dấu cách  "\n</script>\n'
        "<textarea>\n  giữ nguyên\n</textarea>"
    )
    out = minify.html(page)
    assert "<ul>\n<li>\n<a href='x'>Bài 1</a>\n</li>\n</ul>\n" in out
    # a run of whitespace with a line break stays one line break: the same single space in the text
    assert "<p>Chi bộ <em>họp</em>\nhằng tháng</p>" in out
    assert "<pre><code>dòng 1\n    dòng 2 thụt vào\n</code></pre>" in out
    assert '<script>\n  var a = "  hai  dấu cách  "\n</script>' in out
    assert "<textarea>\n  giữ nguyên\n</textarea>" in out
    assert minify.html(out) == out


def test_the_stylesheets_minified_hold_the_same_rules():
    for path in sorted((ASSETS / "stylesheets").glob("*.css")):
        source = path.read_text("utf-8")
        small = minify.minified(path.name, source)
        assert len(small) < len(source) and "/*" not in small

        def selectors(text):
            rules = tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True)
            return ["".join(tinycss2.serialize(rule.prelude).split()) for rule in rules if rule.type != "error" and rule.prelude is not None]

        assert selectors(small) == selectors(source), path.name


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js comes with the setup (scripts/lib.sh, for Workbox)")
def test_the_scripts_minified_are_still_javascript(tmp_path):
    for path in sorted((ASSETS / "javascripts").glob("*.js")):
        small = minify.minified(path.name, path.read_text("utf-8"))
        out = tmp_path / path.name
        out.write_text(small, "utf-8")
        checked = subprocess.run(["node", "--check", str(out)], capture_output=True, text=True)
        assert checked.returncode == 0, (path.name, checked.stderr)
        assert len(small) < path.stat().st_size


def test_only_the_site_s_own_files_are_minified():
    assert minify.own_assets(["assets/a.css", "https://example.org/b.css"], ["assets/c.js", "//cdn.example/d.js"]) == {"assets/a.css", "assets/c.js"}
    with pytest.raises(ValueError):
        minify.minified("a.html", "<p>")
