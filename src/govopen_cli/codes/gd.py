"""The GD family of codes (filled in by the codes/ split)."""
