"""Short names for the GI codes (defined, with their documentation, in codes/gi.py)."""

from __future__ import annotations

from govopen_cli.codes.gi import (
    GI001,
    GI002,
    GI003,
    GI004,
    GI005,
    GI006,
    GI007,
    GI008,
    GI009,
    GI010,
    GI011,
    GI012,
    GI013,
    GI101,
    GI102,
    GI103,
    GI104,
    GI105,
)

CODE_FREE_TEXT = GI001.code
CODE_UNKNOWN_ID = GI002.code
CODE_MISSING_ITEM = GI003.code
CODE_DUPLICATE_ROW = GI004.code
CODE_BAD_DATE = GI005.code
CODE_NO_SHEET = GI006.code
CODE_ROW_WITHOUT_ID = GI007.code
CODE_ITEM_MISMATCH = GI008.code
CODE_DATE_ORDER = GI009.code
CODE_CATALOG_CHANGED = GI010.code
CODE_REORDERED = GI011.code
CODE_UNKNOWN_YEAR = GI012.code
CODE_MISSING_COLUMN = GI013.code
CODE_LATE = GI101.code
CODE_NOT_PUBLISHED = GI102.code
CODE_MARKED = GI103.code
CODE_CONTRADICTION = GI104.code
CODE_FIX_OVERDUE = GI105.code
