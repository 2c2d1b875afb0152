"""What Qt needs from the system, and one sentence naming the Debian packages when it
lacks something: never a traceback, never pytest's INTERNALERROR.

Standard library only: `tools/setup.sh` runs it with the system's Python before `.venv`
exists (`python3 -m desktop_app.system packages tests`), `tools/test.sh` before pytest
starts (`python -m desktop_app.system check tests`), and the window before it imports Qt.
The lists were read off `ldd` of PySide6's Qt libraries and platform plugins on a bare
Debian 12 (`debootstrap --variant=minbase bookworm`)."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

# Shared libraries that QtCore, QtGui, QtWidgets and the offscreen platform load, by
# the Debian 12 package that ships each: the tests, and `--screenshot` without a display.
OFFSCREEN_LIBRARIES: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# What Qt's X11 platform plugin (xcb) loads besides: a window on an X display or Xvfb.
WINDOW_LIBRARIES: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
FONTS_PACKAGE = "fonts-dejavu-core"  # without any font, every label is blank
SQLITE_PACKAGE = "sqlite3"  # the benchmark's baseline (tests/test_benchmark.py)
# Programs that run a window without a display (`xvfb-run -a bash tools/app.sh`).
XVFB_PROGRAMS: dict[str, str] = {"xvfb-run": "xvfb", "xauth": "xauth"}
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
INSTALL = "apt-get install -y --no-install-recommends"


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


# What each set-up line of the README installs (tests/test_docs.py holds them equal).
PACKAGES: dict[str, list[str]] = {
    "tests": _unique(
        ["python3", "python3-venv", SQLITE_PACKAGE, *OFFSCREEN_LIBRARIES.values(), FONTS_PACKAGE]
    ),
    "window": _unique([*XVFB_PROGRAMS.values(), *WINDOW_LIBRARIES.values()]),
}


def missing_libraries(libraries: Mapping[str, str]) -> list[str]:
    """The shared libraries of `libraries` (soname → package) that cannot be loaded."""
    missing = []
    for soname in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def has_fonts(folders: Sequence[str] = FONT_FOLDERS) -> bool:
    suffixes = {".ttf", ".otf", ".ttc", ".pfb", ".pcf", ".gz"}
    for folder in folders:
        root = Path(folder).expanduser()
        if root.is_dir() and any(path.suffix in suffixes for path in root.rglob("*")):
            return True
    return False


def package_of(soname: str) -> str | None:
    """The Debian package that ships a shared library Qt loads (None if not one of them)."""
    return {**OFFSCREEN_LIBRARIES, **WINDOW_LIBRARIES}.get(soname)


def sentence(packages: Sequence[str], what: str) -> str:
    """One sentence: what is missing and the line that installs it."""
    names = " ".join(_unique(packages))
    return (
        f"Exchange Ledger cannot {what}: this system lacks {', '.join(_unique(packages))};"
        f" install them as root with `apt-get update && {INSTALL} {names}` (Debian 12 names)"
        " or run `bash tools/setup.sh` as root, which does it."
    )


def missing_packages(purpose: str) -> list[str]:
    """The packages to install before `purpose` works here: "tests" (Qt offscreen, the
    fonts and the sqlite3 shell), "offscreen" (Qt offscreen and fonts) or "window"
    (those and Qt's X11 plugin)."""
    if not sys.platform.startswith("linux"):
        return []
    libraries = dict(OFFSCREEN_LIBRARIES)
    if purpose == "window":
        libraries.update(WINDOW_LIBRARIES)
    packages = [libraries[soname] for soname in missing_libraries(libraries)]
    if not has_fonts():
        packages.append(FONTS_PACKAGE)
    if purpose == "tests" and shutil.which("sqlite3") is None:
        packages.append(SQLITE_PACKAGE)
    return _unique(packages)


WHAT = {
    "tests": "run its tests",
    "offscreen": "draw its window",
    "window": "open its window",
}


def problem(purpose: str) -> str | None:
    """The sentence saying what `purpose` lacks here, or None when nothing is missing."""
    packages = missing_packages(purpose)
    return sentence(packages, WHAT[purpose]) if packages else None


def import_problem(error: ImportError) -> str:
    """The sentence for an ImportError of Qt: the package of the library it names."""
    message = str(error)
    soname = message.split(":", 1)[0].strip()
    package = package_of(soname)
    if package is not None:
        return sentence([package], "open its window")
    return f"Exchange Ledger cannot load Qt ({message}): reinstall with `bash tools/setup.sh`."


def platform_purpose(environ: Mapping[str, str] = os.environ) -> str:
    """What the window needs on this display: offscreen, or Qt's X11 plugin."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "wayland", "eglfs", "vnc")):
        return "offscreen"
    if platform.startswith("xcb"):
        return "window"
    if environ.get("DISPLAY") and not (environ.get("WAYLAND_DISPLAY") and not platform):
        return "window"
    return "offscreen"  # or Qt's Wayland plugin, which needs no more than offscreen


def display_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """The sentence when the window would go to an X display that does not answer (Qt
    would abort with a core dump), or None."""
    display = environ.get("DISPLAY", "")
    if platform_purpose(environ) != "window" or not display:
        return None
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None  # the libraries' check names the package
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    if not failed:
        return None
    return (
        f"Exchange Ledger cannot open its window: no X display answers at DISPLAY={display};"
        " run it in a desktop session, under Xvfb with `xvfb-run -a bash tools/app.sh`, or"
        " render the window into a file with --screenshot FILE.png, which needs no display."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m desktop_app.system packages tests|window`: the Debian packages of that
    README line; `python -m desktop_app.system check tests|offscreen|window`: exit 1 with
    the sentence when something is missing."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 2 and args[0] == "packages" and args[1] in PACKAGES:
        print(" ".join(PACKAGES[args[1]]))
        return 0
    if len(args) == 2 and args[0] == "check" and args[1] in WHAT:
        found = problem(args[1])
        if found:
            print(found, file=sys.stderr)
            return 1
        return 0
    print(
        "usage: python -m desktop_app.system (packages tests|window"
        " | check tests|offscreen|window)",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
