#!/usr/bin/env bash
# Register the app with the desktop for the current user: menu entry, icon, and the session file type,
# so double-clicking a .tviz.json file opens Transformer Viz.
#   packaging/linux/install_desktop_entry.sh [BUNDLE_DIR]
# With BUNDLE_DIR (a built bundle), the entry runs BUNDLE_DIR/transformer-viz; without it, the
# `transformer-viz` command on PATH (pip install).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/scalable/mimetypes"
cp "$here/../../resources/icons/transformer-viz.svg" "$data/icons/hicolor/scalable/apps/transformer-viz.svg"
cp "$here/../../resources/icons/transformer-viz.svg" \
   "$data/icons/hicolor/scalable/mimetypes/application-x-transformer-viz-session.svg"
entry="$data/applications/transformer-viz.desktop"
if [ $# -ge 1 ]; then
  exe=$(realpath "$1")/transformer-viz
  sed -e "s|^Exec=.*|Exec=\"$exe\" %f|" -e "s|^TryExec=.*|TryExec=$exe|" "$here/transformer-viz.desktop" > "$entry"
else
  cp "$here/transformer-viz.desktop" "$entry"
fi
xdg-mime install --novendor "$here/transformer-viz-mime.xml"
xdg-mime default transformer-viz.desktop application/x-transformer-viz-session
update-desktop-database "$data/applications" 2>/dev/null || true
gtk-update-icon-cache "$data/icons/hicolor" 2>/dev/null || true
echo "installed $entry"
