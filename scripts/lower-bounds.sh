#!/usr/bin/env bash
# The fast tests again, with every dependency at the lowest version pyproject.toml allows.
# A lower bound that is too low then fails CI, not a council's build. About 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LOWER_BOUNDS_VENV:-${TMPDIR:-/tmp}/committee-papers-lower-bounds}"
rm -rf "$venv"
python3 -m venv "$venv"
# shellcheck disable=SC2046
"$venv/bin/pip" install -q --disable-pip-version-check $(python3 scripts/lower_bounds.py --test)
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps -e .
"$venv/bin/pip" list --disable-pip-version-check 2>/dev/null | grep -iE "^(mkdocs|mkdocs-material|weasyprint|pypdf|markdown-it-py|mdit-py-plugins|pydantic|pagefind|watchfiles) " || true
"$venv/bin/python" -m pytest -n 2 -q -p no:cacheprovider -m "not slow and not browser" \
  tests/test_check.py tests/render tests/adapter tests/shims tests/test_architecture.py tests/test_plugin.py \
  tests/pipeline tests/packs/test_packs.py tests/test_serve.py
