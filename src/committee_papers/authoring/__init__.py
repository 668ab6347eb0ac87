"""Commands that write papers for the clerk: `papers init`, `papers new …` and `papers meeting …`.

Each command is planned first (what to create, what to change) and carried
out only if the whole plan can be: a new file never replaces an existing one,
and an author's file is changed only by adding to it, with every other byte
kept and the result read back to prove it.
"""
