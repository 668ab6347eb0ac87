"""Markdown: one markdown-it-py parser for papers, with a small rule per feature."""
