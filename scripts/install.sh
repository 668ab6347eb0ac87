#!/usr/bin/env bash
# Installs everything committee-papers and its tests need on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

# Debian packages: the browser the accessibility tests drive, fonts the PDFs embed,
# the optional wkhtmltopdf engine, and poppler for looking at PDFs.
need=""
for pkg in chromium fonts-dejavu-core fonts-liberation wkhtmltopdf poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
# pip, and venv for scripts/lower-bounds.sh and scripts/wheel-check.sh, when the Python here lacks them (Debian's does);
# npm for axe-core below.
python3 -m pip --version >/dev/null 2>&1 || need="$need python3-pip"
python3 -c "import ensurepip" >/dev/null 2>&1 || need="$need python3-venv"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

# The package with its test extras, among them pdfua (the PDF/UA-1 checker the PDF tests run).
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
python3 -m pdfua --version >/dev/null

# axe-core, the accessibility rules engine the browser tests inject into each page.
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm install --no-audit --no-fund --silent >/dev/null
fi
