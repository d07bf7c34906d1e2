"""Files and folders that hold the office's data are readable by their owner only.

On Windows (no POSIX modes) the user's profile folders are already private; chmod there
only toggles the read-only flag, so it is skipped. A file system that refuses modes (a FAT
USB stick) is left as it is: the data on it is encrypted anyway.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
PRIVATE_UMASK = 0o077


def _modes() -> bool:
    return os.name == "posix"


def private_file(path: str | os.PathLike) -> None:
    if _modes():
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def private_dir(path: str | os.PathLike) -> Path:
    """Create the folder if missing (parents too) and make it owner-only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if _modes():
        with contextlib.suppress(OSError):
            os.chmod(path, DIR_MODE)
    return path


def private_umask() -> None:
    """Everything this process creates afterwards (the database, its -wal and -shm, backups,
    exports, logs) is owner-only. Called once by the CLI and the GUI at start."""
    if _modes():
        os.umask(PRIVATE_UMASK)
