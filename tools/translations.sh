#!/usr/bin/env bash
# Bring the window's translations up to date with the source, then build them:
#   bash tools/translations.sh
# 1. pyside6-lupdate reads every tr-marked text of desktop_app/ui into the .ts sources
#    (resources/translations/exchange_ledger_{uk,ru}.ts, and the English plural forms in
#    exchange_ledger_en.ts); new texts arrive "unfinished" and tests/test_translations.py
#    fails until a translator has written and finished them (Qt Linguist: pyside6-linguist).
# 2. pyside6-lrelease builds the .qm files the program loads (committed, so that a checkout
#    runs without building; the same test checks they are current).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PYSIDE_BIN:-$(dirname "$(command -v python3)")}
[ -x "$bin/pyside6-lupdate" ] || bin=/work/main/.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=.venv/bin
folder=resources/translations
sources=(desktop_app/ui/*.py)
"$bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -locations none \
  -ts "$folder/exchange_ledger_uk.ts" "$folder/exchange_ledger_ru.ts"
"$bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -locations none -pluralonly \
  -ts "$folder/exchange_ledger_en.ts"
for ts in "$folder"/exchange_ledger_*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
