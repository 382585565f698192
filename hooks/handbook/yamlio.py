"""YAML parsing shared by every check, once per text: libyaml's C loader when PyYAML has it, cached.

A lesson's front matter is read by several checks in one build (source checks, the lesson model, the
citations); parsing it once and with the C loader keeps `mkdocs serve` quick.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=512)
def parse(source: str) -> tuple[Any, yaml.Node | None]:
    """(data, node tree with line marks) of a YAML text; raises yaml.YAMLError like yaml.safe_load.

    The data must be treated as read-only: the same objects are returned for the same text.
    """
    return yaml.load(source, Loader=_LOADER), yaml.compose(source, Loader=_LOADER)
