"""Quitting after a lecture's first minute (launch, F5, stepping through the views, Ctrl+Q) exits cleanly:
no segmentation fault from objects torn down in the wrong order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 20
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.timeout(20 * 300)  # twenty full launches (about 25 s each here), each with its own 300 s limit
def test_launch_present_step_and_quit_never_crashes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    codes = []
    for _ in range(ROUNDS):
        run = subprocess.run([sys.executable, "-X", "faulthandler", str(ROOT / "tests" / "quit_round.py")],
                             env=env, capture_output=True, text=True, timeout=300)
        codes.append(run.returncode)
        assert run.returncode == 0, (codes, run.stderr[-3000:])
