"""The GO family of codes (filled in by the codes/ split)."""
