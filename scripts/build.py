"""The whole build, as `bash scripts/build.sh` runs it: the site with its PDF handbooks, the offline copies,
and the swap that puts them in place only when everything succeeded.

    python scripts/build.py [--out DIR] [--no-pdf] [--no-zip]

1. One build at a time: the project folder is locked (`.build.lock`, flock); a second build started
   meanwhile waits for the first, saying so.
2. Two strict MkDocs builds run side by side in a new folder under `.site-builds/` (beside DIR): the site and the
   offline copy (Material's offline plugin, HANDBOOK_OFFLINE=true). Any warning in either fails the whole
   build: neither runs with --quiet, which would hide warnings from the strict count.
3. Unless --no-pdf, the site's build writes each language's printed editions as HTML documents into the same
   folder and announces them; this script's render stage (sotay_boiduong.render, one worker per core it may
   use) renders them into the site as cores come free, the first ones while the builds still run. A warning
   of WeasyPrint fails the build as a warning of MkDocs does; then each language's folder is finished (the
   former file name, the home page's download list).
4. The offline copy is packed into one zip per language, with the learner's handbook of that language.
5. Each language's service worker is generated over the finished site (sotay_boiduong.pwa, with Workbox from
   .tools/workbox): the site's pages already link the manifests and register the workers (HANDBOOK_SERVICE_WORKER,
   on unless told 0), and only now are the files they save final.
6. The new site replaces DIR (default `site/`) in one atomic exchange of the two folders (renameat2
   RENAME_EXCHANGE); DIR is never missing and never half written. A failed or interrupted build leaves DIR
   as it was; what it left under `.site-builds/` is removed by the next build.
Written by hand: MkDocs has no notion of a build made of two builds, and no tool we use swaps folders.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from sotay_boiduong import editions, offline, pwa, render

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILDS = ".site-builds"
LOCK = ".build.lock"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bash scripts/build.sh", description="Dựng trang web, sổ tay PDF và bản ngoại tuyến.")
    parser.add_argument("--out", default=str(ROOT / "site"), help="thư mục kết quả (mặc định: site/)")
    parser.add_argument("--no-pdf", action="store_true", help="không dựng sổ tay PDF (nhanh hơn)")
    parser.add_argument("--no-zip", action="store_true", help="không dựng bản đọc ngoại tuyến (.zip)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    with project_lock(ROOT):
        builds = out.parent / BUILDS  # beside the result: the swap is a rename within one filesystem
        remove_stale(builds)
        builds.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
        try:
            ok = build(staging, pdf=not args.no_pdf, zips=not args.no_zip)
            if not ok:
                print(f"LỖI: dựng thất bại (xem thông báo ở trên). Thư mục {display(out)}/ cũ được giữ nguyên.", file=sys.stderr)
                return 1
            swap_in(staging / "site", out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(f"Xong: {display(out)}/ (trang web, sổ tay PDF và bản đọc ngoại tuyến).", file=sys.stderr)
    return 0


def build(staging: Path, *, pdf: bool, zips: bool) -> bool:
    """The site (and PDFs) and, side by side, the offline copy; then the zips. True if all succeeded.

    The render stage (sotay_boiduong.render) belongs to this function from start to end: one worker process
    per core this build may use. A core counts as busy while a MkDocs build runs on it (the site's, and the
    offline copy's beside it), so each language's editions start rendering once the site's build announces
    them (on a pipe, HANDBOOK_PRINT_FD) and a core is free: never more processes than cores at once.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="1" if pdf else "0")
    for name in ("HANDBOOK_OFFLINE", "HANDBOOK_PRINT_DIR", "HANDBOOK_PRINT_FD", "HANDBOOK_SERVICE_WORKER"):
        env.pop(name, None)
    workers = os.environ.get("HANDBOOK_SERVICE_WORKER", "1") != "0"
    site, copy, print_dir = staging / "site", staging / "offline", staging / "print"
    offline_log = staging / "offline.log"
    cores = render.available_cores()
    with render.RenderStage(cores) as stage:
        renders = _Renders(stage, cores)
        offline_build = None
        if zips:
            # A copy read from disk has no public address: with one, its pages would name web addresses that do
            # not exist (…/bai-1.html) as their canonical form.
            offline_env = dict(env, HANDBOOK_OFFLINE="true", HANDBOOK_PDF="0")
            offline_env.pop("HANDBOOK_SITE_URL", None)
            with open(offline_log, "w", encoding="utf-8") as log:
                offline_build = subprocess.Popen([*MKDOCS, "build", "--strict", "--site-dir", str(copy)], cwd=ROOT, env=offline_env, stdout=log, stderr=subprocess.STDOUT)
        announcements, write_end = os.pipe()
        main_env = dict(env, HANDBOOK_PRINT_DIR=str(print_dir), HANDBOOK_PRINT_FD=str(write_end))
        if workers:
            main_env["HANDBOOK_SERVICE_WORKER"] = "script"  # the pages register them; make_workers writes them
        main = subprocess.Popen([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=main_env, pass_fds=(write_end,))
        os.close(write_end)
        builds = [job for job in (main, offline_build) if job is not None]
        renders.follow(announcements, builds)
        offline_ok = offline_build is None or offline_build.returncode == 0
        if not offline_ok:
            print("Bản đọc ngoại tuyến (lần dựng thứ hai, HANDBOOK_OFFLINE=true) không dựng được:", file=sys.stderr)
            print(offline_log.read_text(encoding="utf-8"), file=sys.stderr)
        if main.returncode != 0 or not offline_ok:
            return False
        try:
            reports = renders.finish()
        except render.RenderError as error:
            for line in str(error).splitlines():
                print(f"ERROR   -  pdf: Không dựng được ấn bản PDF {line}", file=sys.stderr)
            return False
    warned = False
    for report in reports:
        print(f"INFO    -  pdf: PDF ({report.label}): {report.out.relative_to(site)} — {report.pages} trang, {report.passes} lần dàn trang, {report.seconds} giây", file=sys.stderr)
        for warning in report.warnings:
            print(f"WARNING -  pdf: PDF ({report.label}): WeasyPrint: {warning}", file=sys.stderr)
            warned = True
    if warned:  # what `mkdocs build --strict` does with a warning of its own
        print("Dừng dựng: WeasyPrint cảnh báo khi dàn trang sổ tay PDF (xem các dòng WARNING ở trên).", file=sys.stderr)
        return False
    for plan in renders.finishes:
        editions.finish(plan)
    shutil.rmtree(print_dir, ignore_errors=True)
    languages = site_languages()
    if zips:
        for line in pack(copy, site, languages):
            print(f"INFO    -  offline: {line}", file=sys.stderr)
    if workers:
        started = time.perf_counter()
        try:
            reports = pwa.generate_workers(site, prefixes=languages.prefixes, search_languages=languages.search, project=ROOT)
        except pwa.PwaError as error:
            print(f"ERROR   -  offline: Ứng dụng đọc ngoại tuyến: {error}", file=sys.stderr)
            return False
        for line in [report.line() for report in reports] + [pwa.timing_line(time.perf_counter() - started)]:
            print(f"INFO    -  offline: {line}", file=sys.stderr)
    return True


class _Renders:
    """The editions the site's build announces, started on the render stage as cores come free."""

    def __init__(self, stage: render.RenderStage, cores: int):
        self.stage, self.cores = stage, cores
        self.pending: list[render.RenderTask] = []
        self.started: list[tuple[render.RenderTask, Future]] = []
        self.finishes: list[editions.Finish] = []

    def follow(self, announcements: int, builds: list[subprocess.Popen]) -> None:
        """Read the announcements until the site's build closes the pipe and every build has ended, starting
        editions meanwhile; stop early when a build fails."""
        selector = selectors.DefaultSelector()
        selector.register(announcements, selectors.EVENT_READ)
        buffer, open_pipe = b"", True
        while True:
            running = sum(1 for job in builds if job.poll() is None)
            if any(job.returncode not in (None, 0) for job in builds):
                break  # a failed build: nothing more is worth starting
            self._start(self.cores - running)
            if not open_pipe and not running:
                break
            if not open_pipe:
                time.sleep(0.1)
                continue
            if selector.select(timeout=0.2):
                chunk = os.read(announcements, 65536)
                open_pipe = bool(chunk)
                *lines, buffer = (buffer + chunk).split(b"\n")
                for line in lines:
                    message = json.loads(line)
                    self.pending += [render.RenderTask.from_json(task) for task in message["tasks"]]
                    self.pending.sort(key=lambda task: -task.weight)  # the longest first
                    self.finishes.append(editions.Finish.from_json(message["finish"]))
        selector.close()
        os.close(announcements)
        for job in builds:
            job.wait()

    def finish(self) -> list[render.RenderReport]:
        """Start what is left (the stage runs no more at once than its workers) and wait for every edition."""
        self.started += [(task, self.stage.submit(task)) for task in self.pending]
        self.pending.clear()
        return render.collect(self.started)

    def _start(self, free: int) -> None:
        # A worker busy with an edition is a core in use too.
        free -= sum(1 for _, future in self.started if not future.done())
        while self.pending and free > 0:
            task = self.pending.pop(0)
            self.started.append((task, self.stage.submit(task)))
            free -= 1


@dataclass(frozen=True)
class Languages:
    """What the steps after MkDocs need of the configuration: each language's folder, the search's languages,
    the handbook's settings (`extra.handbook`)."""

    prefixes: dict[str, str]
    search: list[str]
    handbook: dict
    carried: list[str]  # the PDFs the offline copy carries (docs/_data/an-ban.yml, `offline: true`)


def site_languages() -> Languages:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins.get("i18n")
    languages = [language.locale for language in i18n.config.languages] if i18n else ["vi"]
    default = i18n.default_language if i18n else languages[0]
    # The edition the copy carries (docs/_data/an-ban.yml, `offline: true`), under its own file name, which the
    # copy's home page links, and under the former file name.
    import yaml

    editions_file = Path(config.docs_dir) / "_data" / "an-ban.yml"
    printed = yaml.safe_load(editions_file.read_text(encoding="utf-8")) if editions_file.is_file() else []
    return Languages(
        prefixes={language: "" if language == default else f"{language}/" for language in languages},
        search=list(config.plugins["material/search"].config.lang or languages),
        handbook=dict(config.extra["handbook"]),
        carried=[entry["file"] for entry in printed or [] if entry.get("offline")],
    )


def pack(copy: Path, site: Path, languages: Languages) -> list[str]:
    """One zip per language of the offline copy, with that language's learner handbook, into the site."""
    handbook = languages.handbook
    return offline.pack(
        copy,
        site,
        prefixes=languages.prefixes,
        offline_path=handbook["offline_path"],
        pdf_paths=[*languages.carried, handbook["pdf_path"]],
        opener_texts=handbook["offline_open"],
        search_languages=languages.search,
    )


@contextlib.contextmanager
def project_lock(root: Path):
    """Hold the project's build lock; wait (saying so) while another build holds it."""
    with open(root / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Một lần dựng khác đang chạy trong thư mục này; đợi lần đó xong rồi dựng tiếp…", file=sys.stderr)
            started = time.monotonic()
            fcntl.flock(handle, fcntl.LOCK_EX)
            print(f"Lần dựng trước đã xong sau {time.monotonic() - started:.0f} giây; bắt đầu dựng.", file=sys.stderr)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale(builds: Path) -> None:
    """What an interrupted build left behind (the lock is held, so no build is using it)."""
    if builds.is_dir():
        for leftover in builds.iterdir():
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(missing_ok=True)


def swap_in(new: Path, out: Path) -> None:
    """Put the folder `new` at `out` in one step; the old `out` ends up at `new` (and is then removed)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.is_symlink() or not out.is_dir():
        os.replace(new, out)  # nothing there yet (or a file, a link): one rename
        return
    if not _exchange(new, out):
        # Without RENAME_EXCHANGE (a filesystem that lacks it): two renames, the old folder kept aside until
        # the new one is in place, so an interruption leaves it in .site-builds/ for the next build to clean.
        aside = new.with_name(new.name + "-old")
        os.rename(out, aside)
        os.rename(new, out)
        os.rename(aside, new)
    shutil.rmtree(new, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 with RENAME_EXCHANGE); False where unsupported."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
