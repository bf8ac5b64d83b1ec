"""Every reader on random and mutated files, in a process allowed 2 GB of address space."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

LIMIT = 2 << 30  # bytes of address space; reading a small file needs a fraction


def test_random_and_mutated_files_give_a_programme_or_a_clean_error():
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    script = Path(__file__).with_name("fuzz_readers.py")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=900, preexec_fn=limit)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert result.stdout.count(": ok") == 5
