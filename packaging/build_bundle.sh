#!/usr/bin/env bash
# Build the one-folder bundle: DIST/transformer-viz/transformer-viz (Linux; see packaging/README.md).
#   packaging/build_bundle.sh [DIST]      (default: ./dist; build files go to a temporary folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(realpath -m "${1:-$root/dist}")
work=$(mktemp -d "${TMPDIR:-/tmp}/transformer-viz-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
python "$root/packaging/update_translations.py" --compile-only  # .qm files from the committed .ts
pyinstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
    "$root/packaging/pyinstaller/transformer-viz.spec"
echo "bundle: $dist/transformer-viz ($(du -sh "$dist/transformer-viz" | cut -f1))"
