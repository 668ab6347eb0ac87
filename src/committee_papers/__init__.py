"""committee-papers: a council's committee papers as a website and agenda packs."""

__version__ = "0.1.0"
