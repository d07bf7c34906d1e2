# Build the Windows installer on a Windows machine with Python 3.11+ and NSIS on PATH.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)
py -3 -m venv .venv-build
.venv-build\Scripts\pip install -e ".[build]"  # PyInstaller pinned in pyproject.toml
.venv-build\Scripts\python -m PyInstaller installer\desk_app.spec --noconfirm
$version = (.venv-build\Scripts\python -c "import desk_app; print(desk_app.__version__)")
makensis "-DVERSION=$version" installer\desk_app.nsi
