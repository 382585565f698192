"""The MkDocs side of the handbook: what the thin hooks in hooks/ share.

The domain core (the modules of `sotay_boiduong` itself) knows nothing of MkDocs; this subpackage is where
MkDocs' objects (config, files, pages) are read and the domain is called. Material for MkDocs' successor
would need a new `adapters`, not a new domain.
"""
