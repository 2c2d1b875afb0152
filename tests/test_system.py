"""A system library that Qt needs and lacks is one sentence naming the Debian package to
install, on every path: `tools/test.sh`, pytest itself, `tools/app.sh` and
`python -m desktop_app`, with and without `--screenshot` — never a traceback, never
pytest's INTERNALERROR. The library is hidden from each real process by a
`sitecustomize` that makes loading it fail, as on a machine without it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO

from desktop_app import system

HIDE = textwrap.dedent(
    """
    import ctypes

    _load = ctypes.CDLL.__init__
    HIDDEN = {hidden!r}

    def _init(self, name, *args, **kwargs):
        if name in HIDDEN:
            raise OSError(name + ": cannot open shared object file: No such file or directory")
        _load(self, name, *args, **kwargs)

    ctypes.CDLL.__init__ = _init
    """
)


def _env_hiding(tmp_path: Path, *sonames: str, display: str | None = None) -> dict[str, str]:
    folder = tmp_path / "hide"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(HIDE.format(hidden=set(sonames)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(folder)
    if display is not None:
        env["DISPLAY"] = display
    return env


def _one_sentence(stderr: str, *packages: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "INTERNALERROR" not in stderr
    for package in packages:
        assert package in lines[0], stderr
    assert "apt-get install -y --no-install-recommends" in lines[0]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, timeout=300, env=env, cwd=REPO, check=False
    )


def test_every_library_qt_loads_names_its_debian_package() -> None:
    assert system.package_of("libglib-2.0.so.0") == "libglib2.0-0"
    assert system.package_of("libEGL.so.1") == "libegl1"
    assert system.package_of("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert system.package_of("libnothing.so.1") is None
    for soname, package in {**system.OFFSCREEN_LIBRARIES, **system.WINDOW_LIBRARIES}.items():
        assert package in system.PACKAGES["tests"] + system.PACKAGES["window"], soname


def test_nothing_is_missing_on_this_machine() -> None:
    """The suite runs offscreen here, so the check that guards it passes."""
    assert system.problem("offscreen") is None


def test_an_import_error_of_qt_becomes_the_sentence() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "libegl1" in system.import_problem(error)


def test_the_check_before_pytest_names_the_missing_package(tmp_path: Path) -> None:
    env = _env_hiding(tmp_path, "libglib-2.0.so.0", "libEGL.so.1")
    result = _run([sys.executable, "-m", "desktop_app.system", "check", "tests"], env)
    assert result.returncode == 1
    _one_sentence(result.stderr, "libglib2.0-0", "libegl1")


@pytest.mark.slow
def test_the_test_script_stops_with_the_sentence_before_pytest(tmp_path: Path) -> None:
    env = _env_hiding(tmp_path, "libfontconfig.so.1")
    result = _run(["bash", "tools/test.sh", "-q", "tests/test_smoke.py"], env)
    assert result.returncode == 1
    _one_sentence(result.stderr, "libfontconfig1")
    assert "passed" not in result.stdout


def test_pytest_run_directly_stops_with_the_sentence(tmp_path: Path) -> None:
    env = _env_hiding(tmp_path, "libxkbcommon.so.0")
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--co"], env)
    assert result.returncode == 1
    _one_sentence(result.stderr, "libxkbcommon0")
    assert "INTERNALERROR" not in result.stdout


@pytest.mark.parametrize("screenshot", [True, False])
def test_the_window_stops_with_the_sentence(tmp_path: Path, screenshot: bool) -> None:
    """`--screenshot` renders offscreen; a window on X needs Qt's X11 plugin too (asked
    for by name here: an X display that does not answer is a sentence of its own)."""
    shot = tmp_path / "shot.png"
    args = ["--demo", "--screenshot", str(shot)] if screenshot else [str(tmp_path / "x.db")]
    hidden = "libGL.so.1" if screenshot else "libxcb-cursor.so.0"
    env = _env_hiding(tmp_path, hidden)
    if not screenshot:
        env["QT_QPA_PLATFORM"] = "xcb"
    result = _run([sys.executable, "-m", "desktop_app", *args], env)
    assert result.returncode == 1
    _one_sentence(result.stderr, "libgl1" if screenshot else "libxcb-cursor0")
    assert not shot.exists() and not (tmp_path / "x.db").exists()


def test_a_library_qt_fails_to_load_anyway_is_the_sentence(tmp_path: Path) -> None:
    """Should Qt's import fail on a library the check does not look at, the window still
    answers with the package, not a traceback."""
    probe = textwrap.dedent(
        """
        import sys
        class Broken:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] == "PySide6":
                    raise ImportError(
                        "libdbus-1.so.3: cannot open shared object file: No such file or directory"
                    )
        sys.meta_path.insert(0, Broken())
        from desktop_app.__main__ import main
        sys.exit(main(["--demo", "--screenshot", sys.argv[1]]))
        """
    )
    env = _env_hiding(tmp_path)
    result = _run([sys.executable, "-c", probe, str(tmp_path / "shot.png")], env)
    assert result.returncode == 1
    _one_sentence(result.stderr, "libdbus-1-3")


def test_without_a_display_the_sentence_names_xvfb_run(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "-m", "desktop_app", str(tmp_path / "x.db")], _env_hiding(tmp_path)
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "xvfb-run -a bash tools/app.sh" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_display_that_does_not_answer_is_the_sentence(tmp_path: Path) -> None:
    """DISPLAY names an X server that is not there: Qt would abort with a core dump."""
    env = _env_hiding(tmp_path, display=":87")
    result = _run([sys.executable, "-m", "desktop_app", str(tmp_path / "x.db")], env)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "no X display answers at DISPLAY=:87" in result.stderr
    assert "xvfb-run -a bash tools/app.sh" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_the_libraries_checked_follow_the_platform_qt_will_use() -> None:
    assert system.platform_purpose({}) == "offscreen"
    assert system.platform_purpose({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) == "offscreen"
    assert system.platform_purpose({"DISPLAY": ":0"}) == "window"
    assert system.platform_purpose({"QT_QPA_PLATFORM": "xcb"}) == "window"
    assert system.platform_purpose({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}) == "offscreen"
