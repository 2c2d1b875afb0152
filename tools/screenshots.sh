#!/usr/bin/env bash
# Render the README's screenshot of the window on the example data, as a reader would
# see it after `bash tools/app.sh`: docs/screenshots/window.png, 1280x800, offscreen (no
# display needed), in English, with settings in a throwaway home so that nothing
# remembered from your own runs (window layout, last file) shows in it.
#   bash tools/screenshots.sh [DIR]    writes DIR/window.png, review.png, balance.png,
#                                      half-screen.png and the uk-*.png (default DIR:
#                                      docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
out=${1:-docs/screenshots}
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  LANGUAGE=en .venv/bin/exchange-ledger --demo --size 1280x800 --screenshot "$out/window.png"
echo "wrote $out/window.png"
# Each workspace as it first opens on the example (record is the picture above).
for workspace in review balance; do
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    LANGUAGE=en .venv/bin/exchange-ledger --demo --size 1280x800 --workspace "$workspace" \
    --screenshot "$out/$workspace.png"
  echo "wrote $out/$workspace.png"
done
# Half of a 1920-pixel screen, beside the article being read (README, "The window").
env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 \
  LANGUAGE=en .venv/bin/exchange-ledger --demo --size 960x800 --workspace record \
  --screenshot "$out/half-screen.png"
echo "wrote $out/half-screen.png"
# The same window in Ukrainian (README, "Languages"): the language from the locale, as a
# Ukrainian desktop gives it.
for workspace in record review balance; do
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen LANG=uk_UA.UTF-8 LC_ALL= \
    LANGUAGE= .venv/bin/exchange-ledger --demo --size 1280x800 --workspace "$workspace" \
    --screenshot "$out/uk-$workspace.png"
  echo "wrote $out/uk-$workspace.png"
done
