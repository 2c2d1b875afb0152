"""Files shipped in `resources/`, found installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    """`desktop_app/resources` when installed from a wheel; `resources/` in a checkout."""
    installed = resources.files("desktop_app") / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def example_reports() -> Traversable:
    return resource_root() / "example" / "reports.csv"


def icon(name: str) -> Traversable:
    return resource_root() / "icons" / name
