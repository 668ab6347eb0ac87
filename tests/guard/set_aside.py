"""TEST ONLY: `papers ARGS` with the check's verdict on some codes set aside, so that a build the check would refuse runs.

Usage: python set_aside.py PAP222,PAP240 build DIR ... The codes cannot be switched off in council.yml
(they are safety rules), so this is how a test shows what the build would do without the check.
"""

from __future__ import annotations

import sys

from committee_papers import check as checking
from committee_papers import cli

CODES = set(sys.argv[1].split(","))
_real = checking.check


def _check(*args, **kwargs):
    result = _real(*args, **kwargs)
    result.problems.items = [problem for problem in result.problems.items if problem.code not in CODES]
    return result


checking.check = _check
sys.argv = ["papers", *sys.argv[2:]]
cli.main()
