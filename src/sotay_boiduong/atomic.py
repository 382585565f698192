"""Files written whole or not at all: a reader (or a second build) never sees half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: str | os.PathLike, *, prefix: str = "", suffix: str = ".part", mode: int | None = None) -> Iterator[str]:
    """A temporary file beside `path` for the block to write; moved onto `path` in one step when the block
    ends, removed if it fails. `mode` sets its permissions first (mkstemp makes it private to its owner)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    os.close(handle)
    try:
        yield temporary
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
