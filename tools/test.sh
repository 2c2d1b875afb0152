#!/usr/bin/env bash
# Set everything up, then run the whole test suite (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# A library Qt needs and lacks is one sentence naming its Debian package, before pytest
# (whose Qt plugin would stop on it with an INTERNALERROR).
.venv/bin/python -m desktop_app.system check tests
exec .venv/bin/python -m pytest "$@"
