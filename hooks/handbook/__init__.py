"""Domain core of the handbook: plain functions that know nothing of MkDocs.

The modules in hooks/ (listed under `hooks:` in mkdocs.yml) are thin MkDocs adapters around these
functions. MkDocs imports hook files by path, so relative imports between them fail; each hook puts
this folder's parent (hooks/) on sys.path and imports `handbook`, and tests/conftest.py does the same.
"""
