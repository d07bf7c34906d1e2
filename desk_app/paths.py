"""Where the office's data lives: platformdirs, overridable by --data-dir or DESK_APP_DATA_DIR."""

import os
import sys
from pathlib import Path

APP_NAME = "desk_app"
APP_AUTHOR = "BanTiepDan"
DB_FILENAME = "desk.sqlite3"


def data_dir(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    """The data folder; created unless `create` is False (a read must not leave one behind)."""
    chosen = override or os.environ.get("DESK_APP_DATA_DIR")
    if chosen:
        path = Path(chosen)
    else:
        import platformdirs  # only when needed: ~15 ms of every command's start

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def db_path(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    return data_dir(override, create=create) / DB_FILENAME


def log_dir() -> Path:
    import platformdirs

    path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Where computed data that can be made again is kept (the national calendar of each
    year): DESK_APP_CACHE_DIR, else the platform's user cache folder."""
    chosen = os.environ.get("DESK_APP_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    # A frozen (PyInstaller) build unpacks resources beside the executable's bundle.
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
