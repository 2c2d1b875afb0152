#!/usr/bin/env bash
# Set everything up, then open the window on a fresh copy of the example data.
# `bash tools/app.sh --screenshot FILE.png` renders it into FILE.png instead (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DISPLAY:-}" ] || [[ " $* " != *" --screenshot "* ]]; then
  bash tools/setup.sh --window  # Qt's X11 plugin: a display, or a window to be run under xvfb-run
else
  bash tools/setup.sh
fi
exec .venv/bin/exchange-ledger --demo "$@"
