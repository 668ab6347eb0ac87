#!/usr/bin/env bash
# A council installs a release, not a checkout. Build the wheel, install it (not editable) with its dependencies in a
# fresh virtual environment that cannot see this checkout or the system's packages, build the example council with
# it, and look for the footer and the accessibility statement link on the home page.
set -euo pipefail
cd "$(dirname "$0")/.."
unset PYTHONPATH  # the installed wheel, never the source tree
work="$(mktemp -d "${TMPDIR:-/tmp}/committee-papers-wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# a clean copy of the source: an earlier build's build/ folder or egg-info would add files pyproject.toml does not name
mkdir "$work/source"
cp pyproject.toml README.md "$work/source/"
cp -R src "$work/source/src"
find "$work/source" \( -name __pycache__ -o -name '*.egg-info' \) -prune -exec rm -rf {} +
python3 -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" "$work/source"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$work"/dist/committee_papers-*.whl
installed="$("$work/venv/bin/python" -c 'import committee_papers; print(committee_papers.__file__)')"
case "$installed" in
  "$work/venv/"*) ;;
  *) echo "wheel-check: committee_papers was imported from $installed, not from the wheel installed in $work/venv" >&2; exit 1 ;;
esac
echo "wheel-check: wheel built and installed with its dependencies in ${SECONDS} s"

mkdir "$work/council"
cp -R papers templates pages mkdocs.yml "$work/council/"
(cd "$work/council" && "$work/venv/bin/papers" build)
echo "wheel-check: example council built after ${SECONDS} s in all"

home="$work/council/site/index.html"
fail=0
grep -q '<div class="md-copyright papers-footer">' "$home" || { echo "wheel-check: $home has no committee-papers footer" >&2; fail=1; }
grep -q '<a href="accessibility/">Accessibility statement</a>' "$home" || { echo "wheel-check: $home has no link to the accessibility statement" >&2; fail=1; }
[ -f "$work/council/site/accessibility/index.html" ] || { echo "wheel-check: the site has no accessibility statement page" >&2; fail=1; }
[ "$fail" -eq 0 ] && echo "wheel-check: the example council built from $(basename "$work"/dist/*.whl) has its footer and accessibility statement link"
exit "$fail"
