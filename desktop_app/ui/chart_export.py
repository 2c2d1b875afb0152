"""Exporting the chart as PNG or SVG, with its title, legend and axes.

A mixin of the chart pane: it draws the pane's graphics scene (`graphics`), without the
pointer's line, and counts x from the view's left edge while writing an SVG.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - registers ImageExporter
from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QAction, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from . import folders


def _write(path: Path, data: bytes) -> Path:
    """Write the image's bytes by Python, whose failures say why (a folder gone, no
    permission, a full disk): Qt's writers fail with a line on stderr, and a failed PNG
    was announced as exported. What a failed write left of the file goes."""
    with path.open("wb") as handle:  # refused here (no permission), nothing is touched
        try:
            handle.write(data)
            handle.flush()
        except OSError:
            if path.is_file():  # never a device (/dev/full) or what a link names
                path.unlink(missing_ok=True)
            raise
    return path


def _with_suffix(path: str, kind: str) -> Path:
    """A name typed without the file's kind gets it (`chart` became a PNG named
    `chart` that nothing opens as an image)."""
    named = Path(path)
    return named if named.suffix.lower() == f".{kind}" else named.with_name(f"{named.name}.{kind}")


# Why a file could not be written, in the window's language (the system says it in English).
_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("ChartExport", "the folder does not exist"),
    errno.EACCES: QT_TRANSLATE_NOOP("ChartExport", "no permission to write there"),
    errno.EPERM: QT_TRANSLATE_NOOP("ChartExport", "no permission to write there"),
    errno.EROFS: QT_TRANSLATE_NOOP("ChartExport", "the disk is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("ChartExport", "the disk is full"),
    errno.EISDIR: QT_TRANSLATE_NOOP("ChartExport", "a folder has that name"),
}


def _why_not_written(error: OSError) -> str:
    reason = _REASONS.get(error.errno or 0)
    return QCoreApplication.translate("ChartExport", reason) if reason else str(error)


class ChartExport:
    """Export actions and the PNG/SVG writers (mixed into `ChartPane`)."""

    def _add_export_actions(self) -> None:
        translate = QCoreApplication.translate
        self.export_png_action = QAction(translate("ChartExport", "Export chart as &PNG…"), self)
        self.export_png_action.triggered.connect(lambda: self._ask_export("png"))
        self.export_svg_action = QAction(translate("ChartExport", "Export chart as S&VG…"), self)
        self.export_svg_action.triggered.connect(lambda: self._ask_export("svg"))
        # In place of pyqtgraph's own "Export…", whose SVG export fails on Qt 6.11's paths;
        # the scene adds these to the context menu of everything in the chart.
        self.graphics.scene().contextMenu = [self.export_png_action, self.export_svg_action]
        self.addActions([self.export_png_action, self.export_svg_action])

    def export_png(self, path: Path | str) -> Path:
        """Write the chart (title, legend, axes, date of the data) as a PNG image."""
        self._prepare_export()
        exporter = pg.exporters.ImageExporter(self.graphics.ci)
        width = int(self.graphics.ci.boundingRect().width())
        exporter.parameters()["width"] = max(width, 1200)
        exporter.parameters()["background"] = self.background
        with self._hover_hidden():
            image = exporter.export(toBytes=True)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return _write(Path(path), bytes(buffer.data().data()))

    def export_svg(self, path: Path | str) -> Path:
        """Write the chart (title, legend, axes, date of the data) as an SVG drawing.

        Rendered with Qt's own SVG generator: pyqtgraph 0.14's SVGExporter fails on the
        closed paths ("… Z") that Qt 6.11 writes (pyqtgraph issue #3495).
        """
        self._prepare_export()
        with self._origin_at_view():
            data = self._render_svg()
        return _write(Path(path), data)

    def _render_svg(self) -> bytes:
        source = self.graphics.ci.sceneBoundingRect()
        target = QRectF(0, 0, source.width(), source.height())
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        # pyqtgraph's axes replay QPictures recorded at the screen's resolution.
        generator.setResolution(self.logicalDpiX())
        generator.setTitle(self.title_text())
        generator.setDescription("Exchange Ledger chart")
        painter = QPainter(generator)
        try:
            painter.fillRect(target, self.background)
            with self._hover_hidden():
                self.graphics.scene().render(painter, target, source)
        finally:
            painter.end()
        return bytes(buffer.data().data())

    @contextmanager
    def _origin_at_view(self) -> Iterator[None]:
        """Count x from the left edge of the view while exporting, so that the SVG's
        6-digit numbers stay precise whatever part of the time line is shown."""
        previous = self.origin
        left = self.received_plot.vb.viewRange()[0][0]
        self.set_origin(self.day_of_x(left))
        try:
            yield
        finally:
            self.set_origin(previous)

    @contextmanager
    def _hover_hidden(self) -> Iterator[None]:
        """The pointer's line is no part of an exported image."""
        shown = [line for line in self.hover_lines if line.isVisible()]
        for line in shown:
            line.hide()
        try:
            yield
        finally:
            for line in shown:
                line.show()

    def _prepare_export(self) -> None:
        """Lay the chart out before exporting, even if it was never shown."""
        self.redraw_if_behind()
        if not self.graphics.isVisible():
            # A hidden view gets no resize event: lay its scene out at a size of its own.
            self.graphics.ci.setGeometry(QRectF(0, 0, 1000, 650))
        # twice: the legend's height follows from the width the first pass gives it
        self.graphics.ci.layout.activate()
        self.graphics.ci.layout.activate()

    def _ask_export(self, kind: str) -> None:
        name = f"exchange-balance-{self.category}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ChartExport", "Export chart as {kind}").format(
                kind=kind.upper()
            ),
            folders.start_path(folders.CHARTS, self.ledger.path, name),
            QCoreApplication.translate("ChartExport", "{kind} image (*.{ext})").format(
                kind=kind.upper(), ext=kind
            ),
        )
        if not path:
            return
        folders.remember(folders.CHARTS, path)
        translate = QCoreApplication.translate
        target = _with_suffix(path, kind)
        if str(target) != path and target.exists() and not self._may_replace(target):
            return  # the dialog asked of the name typed, not of the one with its kind
        try:
            written = (self.export_png if kind == "png" else self.export_svg)(target)
        except OSError as error:  # a folder gone or not writable: said, never silent
            QMessageBox.warning(
                self,
                translate("ChartExport", "Chart not exported"),
                translate("ChartExport", "The chart could not be written to {path}: {why}").format(
                    path=target, why=_why_not_written(error)
                ),
            )
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                translate("ChartExport", "Exported the chart as {path}.").format(path=written),
                8000,
            )

    def _may_replace(self, target: Path) -> bool:
        translate = QCoreApplication.translate
        answer = QMessageBox.question(
            self,
            translate("ChartExport", "Replace the file?"),
            translate("ChartExport", "{path} already exists. Replace it?").format(path=target),
        )
        return answer == QMessageBox.StandardButton.Yes
