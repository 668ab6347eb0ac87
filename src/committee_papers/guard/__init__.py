"""The output guard: before a build publishes, every public file is read back and checked against the build's exempt text.

The exempt rule (markdown.exempt, publication) decides what is withheld; the
guard does not trust it. It gathers everything exempt from the members' side of
the papers (`corpus.py`), reads every file the build is about to publish as the
public would (`public_files.py`), and stops the build at the first exempt
passage or title-exempt name it finds there (`scan.py`), before the new site is
swapped in. `words.py` is the one normalisation both sides go through.
"""
