#!/bin/sh
# Build the Linux bundle: dist/secretary-<version>-linux-<arch>.tar.gz
#
# Run from anywhere; `./dev bundle` and `make bundle` set up the venv first and call this.
#   PYTHON     the Python with secretary and PyInstaller installed (default: .venv/bin/python)
#   BUILD_DIR  PyInstaller's work files and the unpacked folder (default: build/linux)
#   DIST_DIR   where the .tar.gz goes (default: dist)
#
# Steps: PyInstaller with installer/secretary.spec (one folder), then the folder gets the
# .desktop file, the icon, install.sh and README.txt, then `secretary --self-test` runs on
# the folder (Qt offscreen), and only then is the archive written.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

PYTHON=${PYTHON:-.venv/bin/python}
BUILD_DIR=${BUILD_DIR:-build/linux}
DIST_DIR=${DIST_DIR:-dist}

if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
    echo "PyInstaller saknas för $PYTHON. Kör ./dev bundle (installerar allt som behövs)." >&2
    exit 1
fi

VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
NAME="secretary-$VERSION-linux-$ARCH"
STAGE="$BUILD_DIR/$NAME"
ARCHIVE="$DIST_DIR/$NAME.tar.gz"

echo "Bygger $NAME med $("$PYTHON" -m PyInstaller --version 2>/dev/null | tail -1 | sed 's/^/PyInstaller /')"
start=$(date +%s)
rm -rf "$BUILD_DIR/pyinstaller" "$BUILD_DIR/app" "$STAGE"
mkdir -p "$BUILD_DIR" "$DIST_DIR"
if ! "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$BUILD_DIR/app" --workpath "$BUILD_DIR/pyinstaller" \
    installer/secretary.spec; then
    echo "PyInstaller misslyckades (se ovan). Säger det 'Python library not found': Pythons" >&2
    echo "delade bibliotek saknas; på Debian: apt-get install libpython3-dev" >&2
    exit 1
fi
mv "$BUILD_DIR/app/secretary" "$STAGE"
rmdir "$BUILD_DIR/app"

cp secretary/resources/secretary.png "$STAGE/secretary.png"
cp installer/linux/secretary.desktop "$STAGE/secretary.desktop"
cp installer/linux/install.sh "$STAGE/install.sh"
cp installer/linux/README.txt "$STAGE/README.txt"
cp secretary/resources/fonts/LICENSE-LiberationSans.txt "$STAGE/LICENSE-LiberationSans.txt"
chmod 755 "$STAGE/install.sh" "$STAGE/secretary"
echo "$VERSION" > "$STAGE/VERSION"

echo "Självtest av det byggda programmet:"
if ! QT_QPA_PLATFORM=offscreen "$STAGE/secretary" --self-test; then
    echo "Paketet klarar inte självtestet; inget arkiv skrivet. Mappen finns kvar: $STAGE" >&2
    exit 1
fi

rm -f "$ARCHIVE"
tar -C "$BUILD_DIR" -czf "$ARCHIVE" "$NAME"
end=$(date +%s)
echo "Klart på $((end - start)) s: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1); uppackat $(du -sh "$STAGE" | cut -f1))"
