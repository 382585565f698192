"""Where an edition comes from, for its imprint: the day it was made and the version of the sources."""

from __future__ import annotations

import datetime
import subprocess

from .documents import format_date


def build_day(language: str, epoch: str | None = None) -> str:
    """Today, or the day of `epoch` (SOURCE_DATE_EPOCH, which reproducible builds set), in the language's form."""
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()
    return format_date(day.isoformat(), language)


def source_version(folder: str, *, dirty_note: str = " (có sửa đổi chưa ghi)") -> str:
    """The git commit of the sources in `folder` (12 characters), marked when tracked files have changes not
    committed; "—" outside a repository or without git."""
    try:
        result = subprocess.run(["git", "-C", folder, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "—"
    commit = result.stdout.strip() if result.returncode == 0 else ""
    if not commit:
        return "—"
    status = subprocess.run(["git", "-C", folder, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=10)
    return commit + (dirty_note if status.stdout.strip() else "")
