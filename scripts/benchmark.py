"""Build-time and PDF-size figures; run through scripts/benchmark.sh."""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
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


def serve_reload_seconds(project: Path, runs: int, *extra: str) -> list[float]:
    """Seconds from saving a page to `mkdocs serve` serving the change (a copy of the project is edited)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}", *extra], cwd=project, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url, page, seconds = f"http://127.0.0.1:{port}/", project / "docs" / "index.md", []
    try:
        _wait_for(url, lambda body: True, timeout=60)
        for _ in range(runs):
            marker = f"Dòng đo thời gian {time.time_ns()}."
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            _wait_for(url, lambda body, marker=marker: marker in body, timeout=30)
            seconds.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return seconds


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if ready(urllib.request.urlopen(url, timeout=5).read().decode("utf-8")):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(url)


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
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".site-*"))
        for label, extra in (("scripts/build.sh serve (--dirty)", ("--dirty",)), ("full rebuild", ())):
            reloads = serve_reload_seconds(project, runs, *extra)
            print(f"serve, {label}: saved edit visible after median {statistics.median(reloads):.2f} s of {runs}")
        html = list(site.rglob("*.html"))
        print(f"site: {len(html)} HTML files, {sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 1024:.0f} KiB in all")


if __name__ == "__main__":
    main()
