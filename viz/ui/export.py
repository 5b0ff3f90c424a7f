"""Pictures and data out of a view: PNG (2× for crisp slides), SVG, clipboard, trace `.npz`, tables as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget,
)

from viz.core.export_data import write_tables, write_trace

PNG_SCALE = 2.0  # device pixels per logical pixel of an exported picture


def render_image(widget: QWidget, scale: float = PNG_SCALE) -> QImage:
    """The widget as it looks on screen, drawn at `scale` device pixels per pixel (text stays sharp)."""
    size = widget.size()
    if size.isEmpty():
        raise ValueError("the view has no size yet (it is not laid out)")
    image = QImage(QSize(round(size.width() * scale), round(size.height() * scale)), QImage.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    try:
        _render(widget, painter)
    finally:
        painter.end()
    return image


def _render(widget: QWidget, painter: QPainter) -> None:
    # QWidget's render, also for a QGraphicsView (a bare plot), whose own render() draws the scene instead
    # and has another signature.
    QWidget.render(widget, painter, QPoint())


def save_png(widget: QWidget, path: str | Path, scale: float = PNG_SCALE) -> Path:
    path = Path(path)
    if not render_image(widget, scale).save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def save_svg(widget: QWidget, path: str | Path, title: str = "") -> Path:
    """Vector text and lines; heat maps stay embedded images, as the plots draw them."""
    path = Path(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(QPoint(), widget.size()))
    generator.setTitle(title or widget.windowTitle())
    generator.setDescription("Transformer Viz")
    generator.setResolution(round(widget.logicalDpiX()))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    try:
        painter.fillRect(QRect(QPoint(), widget.size()), widget.palette().window())
        _render(widget, painter)
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    return path


def copy_image(widget: QWidget) -> QImage:
    image = render_image(widget)
    QGuiApplication.clipboard().setImage(image)
    return image


def is_blank(image: QImage) -> bool:
    """True when every pixel has one colour: nothing was drawn."""
    small = image.scaled(64, 64)  # enough to see any drawing, cheap to scan
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for y in range(small.height()) for x in range(small.width()))


def write_trace_npz(trace, path: str | Path) -> Path:
    """The same `trace.npz` as the command line's --export."""
    return write_trace(trace, Path(path)).path


def focused_text_widget() -> QWidget | None:
    """The focused widget if it shows text a person may want to copy (so Ctrl+C copies the text)."""
    focus = QApplication.focusWidget()
    if isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return focus
    if isinstance(focus, QLabel) and focus.hasSelectedText():
        return focus
    return None


class ExportCommands(QObject):
    """The File menu's export commands for the current view of `window`, with their file dialogs."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def copy(self) -> None:
        """Ctrl+C: the selected text where a text field has focus, else the picture of the view."""
        focus = focused_text_widget()
        if isinstance(focus, QLabel):
            QGuiApplication.clipboard().setText(focus.selectedText())
        elif isinstance(focus, QAbstractSpinBox):
            focus.findChild(QLineEdit).copy()
        elif focus is not None:
            focus.copy()
        else:
            self.copy_view()

    def copy_view(self) -> None:
        view = self.window.current_view()
        copy_image(view.export_widget())
        self.window.show_status(self.tr("Copied the picture of “{0}” to the clipboard").format(view.title()))

    def export_png(self) -> None:
        self._export_picture("png", self.tr("PNG image (*.png)"), save_png)

    def export_svg(self) -> None:
        self._export_picture("svg", self.tr("SVG drawing (*.svg)"), lambda w, p: save_svg(w, p, w.windowTitle()))

    def export_trace(self) -> None:
        trace = self.window.state.trace
        if trace is None:
            self.window.show_error(self.tr("Nothing to export yet: load a model and type a text first."))
            return
        path = self._ask_path(self.tr("Export trace"), "trace.npz", self.tr("NumPy arrays (*.npz)"))
        if path:
            self._run(lambda: write_trace_npz(trace, path), path)

    def export_tables(self) -> None:
        view = self.window.current_view()
        tables = view.export_tables()
        if not tables:
            self.window.show_error(self.tr("“{0}” has no tables to export.").format(view.title()))
            return
        path = self._ask_path(self.tr("Export tables"), f"{view.key}.csv", self.tr("CSV table (*.csv)"))
        if path:
            self._run(lambda: write_tables(tables, path), path)

    def _export_picture(self, suffix: str, file_filter: str, save) -> None:
        view = self.window.current_view()
        path = self._ask_path(self.tr("Export view"), f"{view.key}.{suffix}", file_filter)
        if path:
            widget = view.export_widget()
            self._run(lambda: save(widget, path), path)

    def _ask_path(self, caption: str, name: str, file_filter: str) -> str:
        folder = self.window.last_directory()
        path, _ = QFileDialog.getSaveFileName(self.window, caption, str(Path(folder) / name), file_filter)
        if path:
            self.window.remember_directory(str(Path(path).parent))
        return path

    def _run(self, write, path: str) -> None:
        try:
            write()
        except (OSError, ValueError) as exc:
            self.window.show_error(self.tr("Could not export to {path}: {reason}").format(path=path, reason=exc))
            return
        self.window.show_status(self.tr("Saved {path}").format(path=path))

