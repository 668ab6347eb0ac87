"""Build the example council in this repository: check its papers, then the site and the packs.

python build.py            # site/ and confidential/
"""

import sys
from pathlib import Path

from committee_papers.cli import main

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sys.exit(main(["build", str(here), *sys.argv[1:]]))
