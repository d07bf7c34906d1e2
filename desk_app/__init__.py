"""Bàn tiếp dân: the citizen reception desk of a Vietnamese commune or ward."""

__version__ = "0.1.0"
