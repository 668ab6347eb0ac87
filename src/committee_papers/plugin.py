"""The name MkDocs loads the plugin by (the `mkdocs.plugins` entry point); the plugin lives in the adapter."""

from committee_papers.adapter.plugin import CommitteePapersPlugin

__all__ = ["CommitteePapersPlugin"]
