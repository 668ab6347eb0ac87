"""Print each dependency in pyproject.toml pinned to its lower bound (`name==version`), for pip.

    python3 scripts/lower_bounds.py            # the package's dependencies
    python3 scripts/lower_bounds.py --test     # and the test dependencies, at their lower bounds too

scripts/lower-bounds.sh installs these in a fresh virtual environment and runs the
fast tests, so a lower bound that is too low fails CI instead of a council's build.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def pinned(requirement: str) -> str:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+(?:\[[^\]]+\])?)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*", requirement)
    if match is None:
        raise SystemExit(f"pyproject.toml: `{requirement}` has no lower bound (write it as name>=version)")
    return f"{match.group(1)}=={match.group(2)}"


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    if "--test" in sys.argv[1:]:
        requirements += project["optional-dependencies"]["test"]
    print("\n".join(pinned(r) for r in requirements))


if __name__ == "__main__":
    main()
