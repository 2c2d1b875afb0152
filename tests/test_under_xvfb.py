"""Runs the keyboard tests of tests/xvfb/ on a real X display (Xvfb, Qt's xcb platform),
where focus behaves as on a desktop. CI installs Xvfb (the README's second install line);
elsewhere without it these are skipped with the reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

from desktop_app import system


def _why_not() -> str | None:
    if shutil.which("xvfb-run") is None:
        return "xvfb-run is not installed (the README's second install line)"
    missing = system.missing_packages("window")
    return f"a window needs {', '.join(missing)}" if missing else None


@pytest.mark.slow
@pytest.mark.skipif(_why_not() is not None, reason=str(_why_not()))
def test_keyboard_work_on_a_real_display() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DISPLAY", None)
    finished = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-m", "pytest",
         "-q", "-p", "no:cacheprovider", "-o", "addopts=", "tests/xvfb"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stdout[-4000:] + finished.stderr[-2000:]
    assert " passed" in finished.stdout and "skipped" not in finished.stdout, finished.stdout
