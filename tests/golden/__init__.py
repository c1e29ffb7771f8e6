"""Reviewed renderings of every document kind (see regenerate.py)."""
