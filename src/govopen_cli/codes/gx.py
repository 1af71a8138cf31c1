"""The GX family of codes (filled in by the codes/ split)."""
