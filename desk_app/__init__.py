"""Bàn tiếp dân: the citizen reception desk of a Vietnamese commune or ward."""

__version__ = "0.2.0"  # the one place the version is written; pyproject.toml reads it
