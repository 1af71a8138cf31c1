"""National sector guides (基层政务公开标准目录) shipped as reference data, and conformance.

:mod:`.reference` finds and loads a shipped guide; :mod:`.match` pairs a catalog's
items with the guide's rows; :mod:`.conform` says, row by row of the guide, what is
present, missing or weakened, and which items are the catalog's own additions.
"""
