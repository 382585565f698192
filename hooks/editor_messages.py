"""MkDocs hook: MkDocs' link, anchor and menu warnings rewritten as `file:line: what — how to fix` for editors
(sotay_boiduong.adapters.messages); the validation and the level stay MkDocs' own, so `--strict` fails on them."""

from __future__ import annotations

from sotay_boiduong.adapters import messages

messages.install()
