"""Build-time and PDF figures; run through scripts/benchmark.sh. A benchmark, not a test: it prints figures.

    bash scripts/benchmark.sh [--runs N] [--base REV] [--site-only] [--serve]
    bash scripts/benchmark.sh --class-kit [--learners 60] [--runs N]
    bash scripts/benchmark.sh --docx [--runs N]
    bash scripts/benchmark.sh --offline [--site DIR] [--runs N]
    bash scripts/benchmark.sh --search [--site DIR]
    bash scripts/benchmark.sh --engineering [--runs N]

1. The full build as `bash scripts/build.sh` makes it (site, every PDF edition, offline copies), of this working
   tree and of the commit REV (default: the commit before the diagrams), N times each (default 3),
   alternating, so that both see the same machine; prints each one's median and the ratio of the medians, on the
   clock and in CPU time (of the build and all its processes: steadier when others share the machine).
   REV is checked out into a temporary git worktree and built with this environment: its own `src/` comes
   first on the Python path, ahead of this tree's editable install.
2. Pages and size of every PDF edition of both languages (this tree), and of REV's PDFs for comparison.
   With --site-only, instead of 1 and 2: the site alone (scripts/build.py --no-pdf --no-zip), this tree with
   its diagram cache (.cache/diagrams/) warm, as after a build where nothing changed, and cold (emptied before
   each run, every diagram drawn again), against REV; the medians and both ratios.
3. With --serve: seconds from saving a page to `mkdocs serve` showing it, with and without --dirty.

With --docx, only the model forms' .docx files instead (sotay_boiduong.mau.docx.build_documents, what hooks/mau.py
adds to each build): seconds to write both languages' files with the cache (.cache/mau/) emptied first, every form
made again, and with it full, as after a build where no form changed; N runs each (default 5), the median.
With --offline [--site DIR], only the handbook on a phone instead (issue 28), on a built site (default site/): the
time the service workers' step takes (sotay_boiduong.pwa.generate_workers, N runs, default 5, on a copy of the site),
each language's precache (files, bytes as stored, bytes on the wire with gzip), and, in headless Chromium, what a
first visit of a few pages downloads with its page (as tests/test_accessibility.py counts it) and, separately, what
the service worker downloads after the page has loaded (its script, the runtime and the precache).

With --class-kit, only the class kit instead: seconds for `bash scripts/class.sh` (python -m sotay_boiduong.lop, the
whole process) to make every paper of the example class lop/mau.yml with a roster of --learners learners (default
60), after one warm-up run, N runs (default 5); prints the median, min and max.

With --engineering, the figures of issue 23 in one call, N runs each (default 3), medians of paired runs: the site
alone (scripts/build.py --no-pdf --no-zip) against the stock stack on a copy of the same docs/ (mkdocs, Material,
static-i18n and search with Material's own Markdown extensions, no hook, no handbook extension, no nav: STOCK_CONFIG),
and their ratio; `bash scripts/check.sh` as an editor runs it (its setup check included) and the content check
alone (scripts/check.py); the full build against ad5347d (--base to change it); a saved edit under
`scripts/build.sh serve` (--dirty). The stock stack runs in this environment: the same pinned mkdocs, Material and
static-i18n, and nothing of the handbook's code is loaded when no hook or extension names it, so a second venv
would only install the same versions again.

With --search, only the search benchmark instead (tests/data/search-benchmark.yml, sotay_boiduong.search_benchmark):
precision at 1 and 3 of each language's search on a built site (DIR, default site/), in headless Chromium, the
queries missed at 3, and the gzip size of each language's index.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
# The last commit before the diagrams drawn at build time (issue 19).
BASE = "8e04250"
ENGINEERING_BASE = "ad5347d"  # the landed main that issue 23 measured
DIAGRAM_CACHE = Path(".cache") / "diagrams"
# A cold build also makes every lesson's slides and lesson plan again (hooks/slides.py).
SLIDES_CACHE = Path(".cache") / "slides"
DOCX_CACHE = Path(".cache") / "mau"


@dataclass(frozen=True)
class Timing:
    """One build: seconds on the clock, and CPU seconds of all its processes (which other work on a shared
    machine disturbs much less)."""

    wall: float
    cpu: float


class CpuClock:
    """CPU seconds used while a command runs: the machine's (from /proc/stat), or, where there is no /proc, the
    command's children's. getrusage alone misses the PDF render workers: they are children of the forkserver,
    which the build does not wait for, so their time never reaches the build's account. On the otherwise idle
    machine a benchmark wants, the machine's count is the build's."""

    def __enter__(self) -> CpuClock:
        self._start = self._now()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = self._now() - self._start

    @staticmethod
    def _now() -> float:
        try:
            fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
            user, nice, system = (int(v) for v in fields[:3])
            return (user + nice + system) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError):
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime


def full_build(project: Path, out: Path, *options: str) -> Timing:
    """How long project's own scripts/build.py takes to build everything (or what `options` leave) into `out`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="0" if "--no-pdf" in options else "1", PYTHONPATH=str(project / "src"))
    env.pop("HANDBOOK_SITE_URL", None)
    return timed([sys.executable, "scripts/build.py", "--out", str(out), *options], project, env, f"build of {project}")


def timed(command: list[str], cwd: Path, env: dict[str, str], what: str) -> Timing:
    """Seconds and CPU seconds of `command`; the benchmark stops, with its output's end, if it fails."""
    start = time.perf_counter()
    with CpuClock() as cpu:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{what} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return Timing(seconds, cpu.seconds)


def full_builds(projects: dict[str, Path], sites: dict[str, Path], base: str, runs: int) -> None:
    """Full builds of this tree and the base, alternating; then the PDF editions of both."""
    times: dict[str, list[Timing]] = {name: [] for name in sites}
    for run in range(runs):
        order = list(sites) if run % 2 == 0 else list(reversed(sites))
        for name in order:
            times[name].append(full_build(projects[name], sites[name]))
            print(f"  run {run + 1}, {name}: {times[name][-1].wall:.1f} s ({times[name][-1].cpu:.1f} s CPU)", flush=True)
    for name, values in times.items():
        print(f"full build (site, PDFs, offline copies), {name}: {_describe_timings(values)}")
    _ratios("this tree", times["this tree"], base, times[base])
    for name, site in sites.items():
        figures = pdf_figures(site)
        print(f"PDFs of {name}: {len(figures)} files, {sum(p for _, p, _ in figures)} pages, {sum(b for _, _, b in figures) / 1024:.0f} KiB in all")
        for path, pages, size in figures:
            print(f"  {path}: {pages} pages, {size / 1024:.0f} KiB")
    site = sites["this tree"]
    print(f"site: {len(list(site.rglob('*.html')))} HTML files, {sum(f.stat().st_size for f in site.rglob('*') if f.is_file()) / 1024:.0f} KiB in all")


def site_builds(projects: dict[str, Path], sites: dict[str, Path], base: str, runs: int) -> None:
    """Site-only builds: this tree with the diagram cache warm and cold, and the base, alternating."""
    times: dict[str, list[Timing]] = {"this tree, cache warm": [], "this tree, cache cold": [], base: []}
    full_build(projects["this tree"], sites["this tree"], "--no-pdf", "--no-zip")  # fills the cache; not counted
    for run in range(runs):
        order = list(times) if run % 2 == 0 else list(reversed(times))
        for name in order:
            project = projects["this tree" if name.startswith("this tree") else base]
            if name.endswith("cold"):
                shutil.rmtree(project / DIAGRAM_CACHE, ignore_errors=True)
                shutil.rmtree(project / SLIDES_CACHE, ignore_errors=True)
                shutil.rmtree(project / DOCX_CACHE, ignore_errors=True)
            times[name].append(full_build(project, sites["this tree" if name.startswith("this tree") else base], "--no-pdf", "--no-zip"))
            print(f"  run {run + 1}, {name}: {times[name][-1].wall:.1f} s ({times[name][-1].cpu:.1f} s CPU)", flush=True)
    for name, values in times.items():
        print(f"site only (--no-pdf --no-zip), {name}: {_describe_timings(values)}")
    for name in ("this tree, cache warm", "this tree, cache cold"):
        _ratios(name, times[name], base, times[base])
    drawings = len(list((projects["this tree"] / DIAGRAM_CACHE).glob("*.svg")))
    print(f"diagrams in the cache of this tree: {drawings}")


# The stock stack of issue 23: what Material's own documentation would configure for a two-language site.
STOCK_CONFIG = {
    "site_name": "Stock",
    "docs_dir": "docs",
    "theme": {"name": "material", "language": "vi"},
    "plugins": [
        {"search": {"lang": ["vi", "en"]}},
        {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "vi", "name": "Tiếng Việt", "default": True, "build": True},
            {"locale": "en", "name": "English", "build": True},
        ]}},
    ],
    "markdown_extensions": [
        "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": True}},
        "pymdownx.details", "pymdownx.superfences", {"pymdownx.tabbed": {"alternate_style": True}}, "pymdownx.tasklist",
    ],
}


def stock_project(folder: Path) -> Path:
    """A copy of docs/ with the stock configuration beside it (JSON is YAML)."""
    import json

    project = folder / "stock"
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(json.dumps(STOCK_CONFIG, ensure_ascii=False), encoding="utf-8")
    return project


def stock_build(project: Path, out: Path) -> Timing:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    return timed(command, project, dict(os.environ, NO_MKDOCS_2_WARNING="1"), "stock build")


def command_seconds(command: list[str], runs: int) -> list[float]:
    """Seconds of `command` in the project, N runs after one warm-up; it must succeed."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return [timed(command, ROOT, env, " ".join(command)).wall for _ in range(runs + 1)][1:]


def engineering(runs: int, base: str, tmp: Path) -> None:
    """Issue 23's figures: site vs stock, the content check, the full build vs `base`, a saved edit under serve."""
    stock = stock_project(tmp)
    times: dict[str, list[Timing]] = {"handbook site": [], "stock stack": []}
    full_build(ROOT, tmp / "site-warm", "--no-pdf", "--no-zip")  # fills the caches; not counted
    for run in range(runs):
        order = list(times) if run % 2 == 0 else list(reversed(times))
        for name in order:
            timing = full_build(ROOT, tmp / "site-this", "--no-pdf", "--no-zip") if name == "handbook site" else stock_build(stock, tmp / "site-stock")
            times[name].append(timing)
            print(f"  run {run + 1}, {name}: {timing.wall:.1f} s ({timing.cpu:.1f} s CPU)", flush=True)
    for name, values in times.items():
        print(f"site only, {name}: {_describe_timings(values)}")
    _ratios("handbook site", times["handbook site"], "stock stack", times["stock stack"])
    print(f"bash scripts/check.sh (with its setup check): {_describe(command_seconds(['bash', 'scripts/check.sh'], runs))}", flush=True)
    print(f"the content check alone (scripts/check.py): {_describe(command_seconds([sys.executable, 'scripts/check.py'], runs))}", flush=True)
    worktree = tmp / "base"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(worktree), base], check=True)
    try:
        full_builds({"this tree": ROOT, base: worktree}, {"this tree": tmp / "full-this", base: tmp / "full-base"}, base, runs)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".site-*", ".tools"))
    print(f"serve --dirty: saved edit visible after {_describe(serve_reload_seconds(project, runs, '--dirty'))}")


def pdf_figures(site: Path) -> list[tuple[str, int, int]]:
    """(path, pages, bytes) of every PDF in a built site."""
    return [(str(p.relative_to(site)), len(PdfReader(p).pages), p.stat().st_size) for p in sorted(site.rglob("*.pdf"))]


def serve_reload_seconds(project: Path, runs: int, *extra: str) -> list[float]:
    """Seconds from saving a page to `mkdocs serve` serving the change (a copy of the project is edited)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra], cwd=project, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url, page, seconds = f"http://127.0.0.1:{port}/", project / "docs" / "index.md", []
    try:
        _wait_for(url, lambda body: True, timeout=90)
        for _ in range(runs):
            marker = f"Dòng đo thời gian {time.time_ns()}."
            page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            _wait_for(url, lambda body, marker=marker: marker in body, timeout=60)
            seconds.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return seconds


def class_kit_seconds(learners: int, runs: int) -> list[float]:
    """Seconds for the class kit's command to make the example class's pack with `learners` learners."""
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh"]
    givens = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Nga", "Phúc", "Quỳnh", "Sơn", "Thuỷ", "Trí", "Yến"]
    rows = ["Họ và tên,Năm sinh,Chức vụ,Đơn vị"]
    for index in range(learners):
        name = f"{families[index % 10]} {middles[index // 10 % 6]} {givens[index % 16]}"
        rows.append(f"{name},{1965 + index % 30},Bí thư chi bộ,Chi bộ thôn số {index + 1}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(ROOT / "lop" / "mau.yml", folder / "mau.yml")
        (folder / "mau-hoc-vien.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
        command = [sys.executable, "-m", "sotay_boiduong.lop", "mau.yml", "--docs", str(ROOT / "docs")]
        seconds = []
        for run in range(runs + 1):
            start = time.perf_counter()
            result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"class kit failed:\n{result.stderr[-3000:]}")
            if run:  # the first run warms the caches up and is not counted
                seconds.append(time.perf_counter() - start)
                print(f"  run {run}: {seconds[-1]:.2f} s", flush=True)
    return seconds


def docx_seconds(runs: int) -> dict[str, list[float]]:
    """Seconds to write every form's .docx in both languages, cache cold and warm (in this process, as the hook)."""
    from sotay_boiduong.mau import docx, site

    toolkit, problems = site.Toolkit.load(str(ROOT / "docs"), lambda relative: f"docs/{relative}", None)
    if problems or toolkit.definitions is None:
        sys.exit("\n".join(str(p) for p in problems) or "no form definitions in docs/_data/mau-bieu.yml")
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as tmp:
        cache, out = Path(tmp) / "cache", Path(tmp) / "site"
        for run in range(runs):
            for name in ("cold", "warm"):
                if name == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                    shutil.rmtree(out, ignore_errors=True)
                start = time.perf_counter()
                written = [path for language in ("vi", "en") for path in docx.build_documents(toolkit.definitions, language, out / language, cache)]
                times[name].append(time.perf_counter() - start)
                print(f"  run {run + 1}, cache {name}: {times[name][-1]:.2f} s for {len(written)} files", flush=True)
    return times


def offline_figures(site: Path, runs: int) -> None:
    """The service workers' step, the precache of each language, and a first visit with and without the worker."""
    from playwright.sync_api import sync_playwright

    from sotay_boiduong import pwa
    from sotay_boiduong.devtools import CHROMIUM, CHROMIUM_ARGS, serve

    phone = {"width": 390, "height": 844}  # tests/browser_tools.py's PHONE

    prefixes, search = {"vi": "", "en": "en/"}, ["vi", "en"]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy)
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            reports = pwa.generate_workers(copy, prefixes=prefixes, search_languages=search)
            seconds.append(time.perf_counter() - start)
    print(f"service workers' step (both languages): {_describe(seconds)}")
    for report in reports:
        print(f"  precache {report.language}: {report.files} files, {report.bytes:,} bytes stored "
              f"(limit {pwa.PRECACHE_LIMIT:,}), {report.gzip_bytes:,} bytes with gzip")
    import gzip

    def wire(body: bytes, kind: str) -> int:
        return len(body) if kind.startswith(("font/", "image/png", "application/zip", "application/pdf")) else len(gzip.compress(body, 6))

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in ["/", "/bai-hoc/bai-1/", "/bai-hoc/bai-5/", "/en/", "/en/bai-hoc/bai-5/"]:
            context = browser.new_context(viewport=phone)
            page, worker = context.new_page(), []
            loaded = []
            page.on("response", lambda response, into=loaded: into.append(response))
            # The page's responses and, in Chromium, its service worker's.
            context.on("response", lambda response, into=worker: into.append(response))
            with page.expect_response(lambda response: response.url.endswith("search_index.json")):
                page.goto(url + path, wait_until="networkidle")
            page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
            page.wait_for_function("[...document.querySelectorAll('.handbook-offline__state')].every(s => /MB/.test(s.textContent))")
            first = sum(wire(r.body(), r.headers.get("content-type", "")) for r in loaded)
            extra = [r for r in worker if r not in loaded]
            after = sum(wire(r.body(), r.headers.get("content-type", "")) for r in extra)
            print(f"  first visit {path}: {first:,} bytes with its page ({len(loaded)} responses); then the service worker "
                  f"{after:,} bytes ({len(extra)} responses)")
            context.close()
        browser.close()


def search_figures(site: Path) -> None:
    """Precision at 1 and 3 of the search benchmark on the built `site`, and the size of each index."""
    import gzip

    from playwright.sync_api import sync_playwright

    from sotay_boiduong import search_benchmark
    from sotay_boiduong.devtools import CHROMIUM, CHROMIUM_ARGS, serve

    benchmark = search_benchmark.load()
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        answers = search_benchmark.run(url, browser, benchmark)
        browser.close()
    for line in search_benchmark.report(benchmark, answers):
        print(line)
    for language, prefix in search_benchmark.PREFIXES.items():
        index = site / prefix / "search" / "handbook_index.json"
        if index.is_file():
            print(f"index {language}: {len(gzip.compress(index.read_bytes(), 6)) / 1024:.1f} KiB gzip ({index.stat().st_size / 1024:.0f} KiB)")


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


def _describe_timings(timings: list[Timing]) -> str:
    return f"{_describe([t.wall for t in timings])}; CPU {_describe([t.cpu for t in timings])}"


def _ratios(name: str, these: list[Timing], base: str, theirs: list[Timing]) -> None:
    wall = statistics.median(t.wall for t in these) / statistics.median(t.wall for t in theirs)
    cpu = statistics.median(t.cpu for t in these) / statistics.median(t.cpu for t in theirs)
    print(f"ratio of medians, {name} / {base}: {wall:.3f}x on the clock, {cpu:.3f}x in CPU time")


def _describe(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}; {', '.join(f'{t:.2f}' for t in times)})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bash scripts/benchmark.sh")
    parser.add_argument("--runs", type=int, default=None, help="runs of each (default 3; 5 with --class-kit)")
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with (default {BASE})")
    parser.add_argument("--site-only", action="store_true", help="time the site alone, diagram cache warm and cold, instead of the full build")
    parser.add_argument("--serve", action="store_true", help="also time a saved edit under `mkdocs serve`")
    parser.add_argument("--class-kit", action="store_true", help="time the class kit (bash scripts/class.sh) instead")
    parser.add_argument("--learners", type=int, default=60, help="learners in the class kit's roster (default 60)")
    parser.add_argument("--docx", action="store_true", help="time the model forms' .docx files, cache cold and warm, instead")
    parser.add_argument("--offline", action="store_true", help="the service workers, the precache and first visits instead")
    parser.add_argument("--search", action="store_true", help="the search benchmark's precision at 1 and 3 instead")
    parser.add_argument("--engineering", action="store_true", help="issue 23's figures: site vs stock stack, check.sh, full build vs ad5347d, serve")
    parser.add_argument("--site", default=str(ROOT / "site"), help="with --offline or --search: the built site (default site/)")
    args = parser.parse_args(argv)
    if args.docx:
        runs = args.runs or 5
        print(f"{os.cpu_count()} CPU cores; the forms' .docx files of both languages, {runs} runs each", flush=True)
        for name, seconds in docx_seconds(runs).items():
            print(f".docx files, cache {name}: {_describe(seconds)}")
        return
    if args.search:
        search_figures(Path(args.site))
        return
    if args.offline:
        offline_figures(Path(args.site), args.runs or 5)
        return
    if args.class_kit:
        runs = args.runs or 5
        print(f"{os.cpu_count()} CPU cores; class kit, example class with {args.learners} learners, {runs} runs after a warm-up", flush=True)
        seconds = class_kit_seconds(args.learners, runs)
        print(f"class kit, {args.learners} learners: {_describe(seconds)}")
        return
    args.runs = args.runs or 3
    if args.engineering:
        base = args.base if args.base != BASE else ENGINEERING_BASE
        print(f"{os.cpu_count()} CPU cores; {args.runs} runs each, alternating; issue 23's figures (full build vs {base})", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            engineering(args.runs, base, Path(tmp))
        return
    base = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", args.base], capture_output=True, text=True, check=True).stdout.strip()
    print(f"{os.cpu_count()} CPU cores; {args.runs} runs each, alternating; this tree vs {base}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        worktree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(worktree), base], check=True)
        try:
            sites = {"this tree": Path(tmp) / "site-this", base: Path(tmp) / "site-base"}
            projects = {"this tree": ROOT, base: worktree}
            if args.site_only:
                site_builds(projects, sites, base, args.runs)
            else:
                full_builds(projects, sites, base, args.runs)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
        if args.serve:
            project = Path(tmp) / "project"
            shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", ".site-*", ".tools"))
            for label, extra in (("scripts/build.sh serve (--dirty)", ("--dirty",)), ("full rebuild", ())):
                reloads = serve_reload_seconds(project, args.runs, *extra)
                print(f"serve, {label}: saved edit visible after {_describe(reloads)}")


if __name__ == "__main__":
    main()
