#!/usr/bin/env bash
# Set everything up, then open the window on a fresh copy of the example data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/exchange-ledger --demo "$@"
