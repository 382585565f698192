"""Build-time and PDF-size figures; run through scripts/benchmark.sh."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"
PDF = "pdf/so-tay-boi-duong-cong-tac-dang.pdf"


def build(site: Path, pdf: bool) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="1" if pdf else "0")
    start = time.perf_counter()
    subprocess.run([str(MKDOCS), "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        figures = {}
        for label, pdf in (("site only", False), ("site + PDFs", True)):
            times = [build(site, pdf) for _ in range(runs)]
            figures[label] = statistics.median(times)
            print(f"build, {label}: median {figures[label]:.2f} s of {runs} ({', '.join(f'{t:.2f}' for t in times)})")
        print(f"PDFs cost {figures['site + PDFs'] / figures['site only']:.1f}x the site-only build time")
        for language, prefix in (("vi", ""), ("en", "en/")):
            path = site / prefix / PDF
            print(f"PDF {language}: {len(PdfReader(path).pages)} pages, {path.stat().st_size / 1024:.0f} KiB")
        html = list(site.rglob("*.html"))
        print(f"site: {len(html)} HTML files, {sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 1024:.0f} KiB in all")


if __name__ == "__main__":
    main()
