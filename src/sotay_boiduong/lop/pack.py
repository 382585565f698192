"""The class pack: every paper of a class written into one folder, all or nothing.

The files are made in a temporary folder beside the target and put in place by renaming, so the target folder
is never half-written: a failure leaves the previous pack (or no folder) as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from . import ics, papers, report
from .model import ClassFile

FILES = (
    "lich-hoc.html",
    "lich-hoc.pdf",
    "lich-hoc.ics",
    "danh-sach-ky-ten.pdf",
    "phieu-thu-hoach.pdf",
    "phieu-danh-gia.pdf",
    "bao-cao-ket-qua.docx",
    "de-nghi-cap-giay-chung-nhan.pdf",
)


def default_folder(class_file: Path) -> Path:
    """lop/mau.yml → lop/out/mau/: an `out` folder beside the class file, one folder per class."""
    return class_file.parent / "out" / class_file.stem


def write_pack(cls: ClassFile, target: Path, *, workers: int | None = None) -> list[Path]:
    """Write the class's papers into `target` (replacing what was there); returns the files, in FILES' order."""
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} là một tệp, không phải thư mục")
    target.parent.mkdir(parents=True, exist_ok=True)
    workers = workers or papers.worker_count()
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        mask = os.umask(0)
        os.umask(mask)
        temporary.chmod(0o777 & ~mask)  # mkdtemp makes it private; the pack is an ordinary folder
        values = papers.values(cls)
        jobs = papers.pdf_jobs(values, workers)
        (temporary / "lich-hoc.html").write_text(papers.render("lich-hoc", values), encoding="utf-8")

        def in_this_process() -> None:
            (temporary / "lich-hoc.ics").write_bytes(ics.calendar(cls))
            (temporary / "bao-cao-ket-qua.docx").write_bytes(report.report(cls))

        papers.write_pdfs(jobs, temporary, workers, also=in_this_process)
        _swap(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return [target / name for name in FILES]


def _swap(new: Path, target: Path) -> None:
    """Put `new` in the place of `target` by renaming: the old pack is moved aside first, then removed."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
