#!/bin/sh
# Installera Secretary från den uppackade mappen (där den här filen ligger).
#
#   ./install.sh               som vanlig användare: i ~/.local (bara för dig)
#   sudo ./install.sh          som root: i /opt/secretary, för alla användare
#   ./install.sh --uninstall   ta bort programmet igen (databaser och loggar lämnas kvar)
#
# Databasen ligger inte i programmappen utan i användarens datamapp
# (~/.local/share/secretary), så en uppdatering eller avinstallation rör den inte.
set -eu
SRC=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" = 0 ]; then
    PREFIX=/opt/secretary
    BIN=/usr/local/bin
    APPS=/usr/local/share/applications
    ICONS=/usr/local/share/icons/hicolor/256x256/apps
else
    PREFIX=${XDG_DATA_HOME:-$HOME/.local/share}/secretary-program
    BIN=$HOME/.local/bin
    APPS=${XDG_DATA_HOME:-$HOME/.local/share}/applications
    ICONS=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps
fi

uninstall() {
    rm -rf "$PREFIX"
    rm -f "$BIN/secretary" "$APPS/secretary.desktop" "$ICONS/secretary.png"
    echo "Secretary är borttaget. Databaser, säkerhetskopior och loggar finns kvar."
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi
if [ ! -x "$SRC/secretary" ] || [ ! -d "$SRC/_internal" ]; then
    echo "Kör install.sh från den uppackade mappen secretary-…-linux-…/." >&2
    exit 1
fi

echo "Installerar Secretary $(cat "$SRC/VERSION" 2>/dev/null || echo) i $PREFIX"
rm -rf "$PREFIX.ny"
mkdir -p "$PREFIX.ny" "$BIN" "$APPS" "$ICONS"
cp -a "$SRC/." "$PREFIX.ny/"
rm -rf "$PREFIX"
mv "$PREFIX.ny" "$PREFIX"
ln -sf "$PREFIX/secretary" "$BIN/secretary"
cp "$PREFIX/secretary.png" "$ICONS/secretary.png"
sed "s|^Exec=.*|Exec=$PREFIX/secretary|; s|^Icon=.*|Icon=$PREFIX/secretary.png|" \
    "$PREFIX/secretary.desktop" > "$APPS/secretary.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true

if QT_QPA_PLATFORM=offscreen "$PREFIX/secretary" --self-test >/dev/null 2>&1; then
    echo "Klart. Starta Secretary från programmenyn eller med: $BIN/secretary"
else
    echo "Installerat, men självtestet misslyckades. Kör för detaljer:" >&2
    echo "  QT_QPA_PLATFORM=offscreen $PREFIX/secretary --self-test" >&2
    exit 1
fi
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "Obs: $BIN finns inte i PATH; starta med hela sökvägen eller från programmenyn." ;;
esac
