"""Gremium: workflow engine for the governance of cooperation committees."""

__version__ = "0.1.0"
