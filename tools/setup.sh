#!/usr/bin/env bash
# Prepare .venv with Exchange Ledger and its test tools. A second run reuses what the
# first built: packages are installed again only when pyproject.toml changes.
#
# On Debian or Ubuntu it first looks for the system packages Qt needs (the README's
# set-up lines, listed in desktop_app/system.py): run as root, it installs the missing
# ones with apt-get; otherwise it names them in one sentence and stops.
#   bash tools/setup.sh            what the tests (and --screenshot) need
#   bash tools/setup.sh --window   that, and a window on X11 or under xvfb-run
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=tests
if [ "${1:-}" = "--window" ]; then
  purpose=window
fi

as_root() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

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
if [ -z "$python_bin" ] && as_root; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends python3 python3-venv
  python_bin=python3
fi
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Exchange Ledger needs Python 3.11 or newer (Debian: apt-get install python3 python3-venv)." >&2
  exit 1
fi

# The Debian packages this purpose needs that dpkg does not list as installed.
if command -v dpkg-query >/dev/null 2>&1; then
  wanted=$("$python_bin" -m desktop_app.system packages tests)
  if [ "$purpose" = window ]; then
    wanted="$wanted $("$python_bin" -m desktop_app.system packages window)"
  fi
  missing=()
  for package in $wanted; do
    case "$package" in
      python3|python3-venv)  # only Debian's own Python needs them
        case "$(command -v "$python_bin")" in /usr/bin/*) ;; *) continue ;; esac ;;
      xvfb|xauth)  # only a machine without a display, and only a root set-up installs them
        as_root || continue ;;
    esac
    if ! dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii'; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if as_root; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update
      apt-get install -y --no-install-recommends "${missing[@]}"
    else
      echo "Exchange Ledger needs these Debian packages, which are not installed: ${missing[*]}; install them as root with \`apt-get update && apt-get install -y --no-install-recommends ${missing[*]}\` (or run \`bash tools/setup.sh${1:+ $1}\` as root)." >&2
      exit 1
    fi
  fi
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
