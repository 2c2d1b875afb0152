#!/usr/bin/env bash
# Prepare .venv with Exchange Ledger and its test tools. A second run reuses what the
# first built: packages are installed again only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin=${PYTHON:-}
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      python_bin=$candidate
      break
    fi
  done
fi
if [ -z "$python_bin" ]; then
  echo "Exchange Ledger needs Python 3.11 or newer (Debian: apt-get install python3 python3-venv)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$python_bin" -m venv .venv; then
    rm -rf .venv
    echo "Could not create a virtual environment: install Debian's python3-venv." >&2
    exit 1
  fi
fi

stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
