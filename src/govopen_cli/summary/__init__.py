"""The province's view: one row per agency over a system's catalogs (``govopen summary``)."""
