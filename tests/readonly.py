"""Folders made read-only for a command, also for root (whom permissions do not stop)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def read_only(folder: Path, cmd: list[str]) -> list[str]:
    """CMD run with FOLDER read-only: as root (whom permissions do not stop) under a read-only
    bind mount in a private mount namespace, else with FOLDER's write bits cleared."""
    if os.geteuid() != 0:
        for path in (folder, *folder.iterdir()):
            path.chmod(0o555 if path.is_dir() else 0o444)
        return cmd
    if not shutil.which("unshare"):
        pytest.skip("running as root without unshare: cannot make a folder read-only")
    quoted = " ".join(f"'{part}'" for part in cmd)
    script = (f"mount --bind '{folder}' '{folder}' && "
              f"mount -o remount,bind,ro '{folder}' '{folder}' && exec {quoted}")
    return ["unshare", "-m", "sh", "-c", script]
