"""The ground the program stands on: the Qt binding, the layers, the run command, the
installed package and the code's tidiness."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "desktop_app"

SIGNAL_REFCOUNT_PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        fired = Signal(bool)

    app = QCoreApplication([])
    received = []
    emitter = Emitter()
    emitter.fired.connect(lambda value: received.append(value))
    before = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.fired.emit(True)
    received.clear()
    after = sys.getrefcount(True)
    print(before, after)
    """
)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_signals_to_python_slots_keep_the_refcount_of_true() -> None:
    """PySide6 6.12.0 drops a reference to True on every signal delivered to a Python
    slot and kills the process after a few hundred. An upgrade that brings it back fails
    here, loudly."""
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_REFCOUNT_PROBE],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split())
    assert after >= before, f"sys.getrefcount(True) fell from {before} to {after}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names.add(module)  # and each imported name: `from ..store import derived`
            names.update(f"{module.rstrip('.')}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", ["domain", "store", "cli.py"])
def test_domain_store_and_cli_never_import_qt_or_the_ui(layer: str) -> None:
    offenders = {}
    paths = [PACKAGE / layer] if layer.endswith(".py") else (PACKAGE / layer).rglob("*.py")
    for path in paths:
        bad = {
            name
            for name in _imports(path)
            if name.split(".")[0] in {"PySide6", "PyQt6", "pyqtgraph", "shiboken6"}
            or ".ui" in name
            or name.startswith("desktop_app.ui")
        }
        if layer == "domain":
            bad |= {name for name in _imports(path) if "store" in name or "sqlite" in name}
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert offenders == {}


def test_the_store_works_without_qt_importable() -> None:
    """Importing the CLI's store path in a process where Qt cannot be imported."""
    probe = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {"PySide6", "pyqtgraph"}:
                    raise ImportError("Qt is blocked in this test")
        sys.meta_path.insert(0, Block())
        import desktop_app.store.importer, desktop_app.store.exporter, desktop_app.store.merge
        import desktop_app.store.check, desktop_app.domain.rules
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert result.stdout.strip() == "ok", result.stderr


def _picture_is_a_window(path: Path) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), "the screenshot is not a readable PNG"
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, "the screenshot is nearly one colour: nothing was painted"


def test_demo_screenshot_runs_the_real_start_path(tmp_path: Path, cli_process) -> None:
    """`exchange-ledger --demo --screenshot` offscreen: the path of the run command."""
    shot = tmp_path / "shot.png"
    result = cli_process("--demo", "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    _picture_is_a_window(shot)


def test_without_a_display_the_window_says_so_in_one_sentence(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 1
    assert "no display found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.slow
def test_resources_are_found_from_a_non_editable_install(tmp_path: Path) -> None:
    """A wheel carries resources/ inside the package; importlib.resources finds it."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheels.glob("exchange_ledger-*.whl"))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    probe = (
        "import desktop_app.resources as r; p = r.example_reports();"
        " print(r.__file__); print(p.read_text(encoding='utf-8').splitlines()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert result.returncode == 0, result.stderr
    module_file, first_line = result.stdout.splitlines()
    assert module_file.startswith(str(target)), "imported the checkout, not the install"
    assert first_line.startswith("report_id,event_id,event_type")


def test_the_code_is_ruff_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "desktop_app", "tests"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ui_reaches_the_file_only_through_the_ledger() -> None:
    """Panes read typed values from the store's read modules and write through Ledger;
    the schema, the derived tables' code and the raw file handling stay in the store."""
    offenders = {}
    for path in (PACKAGE / "ui").rglob("*.py"):
        bad = {
            name
            for name in _imports(path)
            if name.rsplit(".", 1)[-1] in {"database", "schema", "derived"}
        }
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert offenders == {}


@pytest.mark.slow
def test_the_domain_and_the_store_are_strictly_typed() -> None:
    """mypy --strict on domain/ and store/ (configured in pyproject.toml), clean."""
    finished = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-1000:]


def test_demo_keeps_what_was_done_in_the_earlier_demo(tmp_path: Path) -> None:
    """`bash tools/app.sh` (`--demo`) made the demo afresh at every start: a report
    entered there was deleted without a word, and its evidence folder was left behind."""
    from desktop_app.store.evidence import evidence_folder
    from desktop_app.store.ledger import Ledger, ReportInput
    from desktop_app.ui.app import fresh_demo, keep_changed_demo

    demo = fresh_demo(tmp_path)
    assert keep_changed_demo(tmp_path) is None  # nothing done in it: nothing to keep
    with Ledger.open(demo) as ledger:
        made = ledger.count("reports")
        ledger.add_report(ReportInput("statement", "Me", "2025-06-14", quote="mine"), "me")
    evidence_folder(demo).mkdir()
    kept = keep_changed_demo(tmp_path)
    assert kept is not None and kept.parent == tmp_path
    assert fresh_demo(tmp_path) == demo and not evidence_folder(demo).exists()
    with Ledger.open(demo, read_only=True) as fresh, Ledger.open(kept, read_only=True) as old:
        assert fresh.count("reports") == made
        assert old.count("reports") == made + 1


def test_the_data_folders_own_ledger_gone_is_made_again_without_a_message(
    tmp_path: Path, cli_process
) -> None:  # noqa: ANN001
    """It was named twice: "…/ledger.exchange-ledger.db is not there any more; …/ledger
    .exchange-ledger.db opens instead", and the example was not offered."""
    first = cli_process("--screenshot", tmp_path / "first.png")
    assert first.returncode == 0, first.stderr
    made = [p for p in Path(os.environ["HOME"]).rglob("ledger.exchange-ledger.db")]
    assert len(made) == 1
    made[0].unlink()
    again = cli_process("--screenshot", tmp_path / "again.png")
    assert again.returncode == 0, again.stderr
    assert "is not there any more" not in again.stderr
    assert made[0].exists()


def test_a_demo_that_cannot_be_kept_is_not_made_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the earlier demo was copied: the copy failed, half written, and
    the demo was made afresh all the same, what was done in it gone."""
    import errno

    from desktop_app.store.ledger import Ledger, ReportInput
    from desktop_app.ui import app

    monkeypatch.setattr(app, "data_folder", lambda: tmp_path)
    demo = app.fresh_demo(tmp_path)
    with Ledger.open(demo) as ledger:
        ledger.add_report(ReportInput("statement", "Me", "2025-06-14", quote="mine"), "me")
        reports = ledger.count("reports")

    def full(self: Ledger, target: Path, **kwargs: object) -> list[str]:
        target.write_bytes(b"SQLite")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Ledger, "copy_to", full)
    kept, as_it_is = app._keep_demo()
    assert (kept, as_it_is) == (None, demo)
    assert [p.name for p in tmp_path.iterdir() if "kept" in p.name] == []
    with Ledger.open(demo, read_only=True) as ledger:
        assert ledger.count("reports") == reports
