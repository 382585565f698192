"""Domain core of the handbook "Bồi dưỡng công tác đảng cho bí thư chi bộ và cấp uỷ viên cơ sở": plain
functions that know nothing of MkDocs (lessons, citations, the document registry, checks, search, print).

The hooks in hooks/ (listed under `hooks:` in mkdocs.yml) are thin MkDocs adapters around these functions,
with what they share in `sotay_boiduong.adapters`. The package is installed editable by scripts/lib.sh
(`pip install -e .`), so hooks, scripts and tests import it like any other package.
"""
