#!/usr/bin/env bash
# Build the one-folder app with PyInstaller, start it as an office would (offscreen), and
# compile the Windows installer script against it so that its errors show. Run from the
# repository root after the system packages are in (.ci/run); the Windows build itself is
# documented in installer/README.md. Leaves dist/BanTiepDan/ and build/ behind.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -e ".[build]"
started=$(date +%s)
.venv/bin/python -m PyInstaller installer/desk_app.spec --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller
echo "PyInstaller: $(( $(date +%s) - started )) s, $(du -sh dist/BanTiepDan | cut -f1) installed"
bash installer/smoke.sh dist/BanTiepDan
version=$(dist/BanTiepDan/BanTiepDan --version)
makensis -V2 -WX -DNOCOMPRESS -DVERSION="$version" -DOUTFILE="$PWD/build/setup-check.exe" \
  installer/desk_app.nsi
rm -f build/setup-check.exe
echo "NSIS script compiles against dist/BanTiepDan (version $version)"
