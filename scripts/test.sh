#!/usr/bin/env bash
# Install everything the test suite needs (Python packages, Debian's Chromium for the
# browser tests), then lint and run the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

python -m pip install -q --disable-pip-version-check -e ".[test]"
python -m ruff check .
export NO_MKDOCS_2_WARNING=1
python -m pytest "$@"
