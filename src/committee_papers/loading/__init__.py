"""Loading: reading the papers folder into the model, with every problem located."""

from committee_papers.loading.archive import find_papers, load_archive

__all__ = ["find_papers", "load_archive"]
