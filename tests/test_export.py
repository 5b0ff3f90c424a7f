"""Export: every view to a non-blank PNG and a valid SVG, the clipboard, the trace as .npz, tables as CSV."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from tiny_models import stacked_attention
from viz.ui.export import PNG_SCALE, is_blank, render_image, save_png, save_svg, write_tables, write_trace_npz

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def traced(window, qtbot, tiny_loaded, tiny_trace):
    """The window showing a tiny GPT-2 and its trace."""
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.adopt(tiny_loaded("gpt2"), tiny_trace("gpt2"))
    return window


def show(window, view) -> None:
    window.show_view(view.key)
    for _ in range(3):
        QApplication.processEvents()


def test_every_view_exports_a_non_blank_png_and_a_valid_svg(traced, tmp_path):
    window = traced
    for view in window.views:
        show(window, view)
        widget = view.export_widget()
        png = save_png(widget, tmp_path / f"{view.key}.png")
        image = QImage(str(png))
        assert not image.isNull(), view.key
        expected = (round(widget.width() * PNG_SCALE), round(widget.height() * PNG_SCALE))
        assert (image.width(), image.height()) == expected
        assert not is_blank(image), view.key
        svg = save_svg(widget, tmp_path / f"{view.key}.svg", view.title())
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg", view.key
        assert root.find(f"{SVG}title").text == view.title()
        drawn = [e for e in root.iter() if e.tag in (f"{SVG}path", f"{SVG}text", f"{SVG}image", f"{SVG}rect",
                                                       f"{SVG}polyline", f"{SVG}line", f"{SVG}g")]
        assert len(drawn) > 2, view.key


def test_blank_detection():
    image = QImage(40, 30, QImage.Format_ARGB32)
    image.fill(Qt.white)
    assert is_blank(image)
    image.setPixel(20, 15, 0xFF000000)
    image = image.scaled(400, 300)  # a dot scaled up survives the check's downsampling
    assert not is_blank(image)


def test_png_is_twice_the_pixels_for_crisp_slides(traced):
    widget = traced.current_view().export_widget()
    image = render_image(widget)
    assert image.devicePixelRatio() == PNG_SCALE
    assert image.width() == round(widget.width() * PNG_SCALE)


def test_ctrl_c_copies_the_view_picture_outside_text_fields(traced, qtbot):
    window = traced
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.tabs.tabBar().setFocus()
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key_C, Qt.ControlModifier)
    picture = clipboard.image()
    assert not picture.isNull()
    assert picture.width() == round(window.current_view().export_widget().width() * PNG_SCALE)


def test_ctrl_c_in_the_text_field_copies_the_text_not_the_picture(traced, qtbot):
    window = traced
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.text_edit.setFocus()
    window.text_edit.selectAll()
    qtbot.keyClick(window.text_edit, Qt.Key_C, Qt.ControlModifier)
    assert clipboard.text() == window.text_edit.toPlainText()
    assert clipboard.image().isNull()
    qtbot.keyClick(window.text_edit, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)  # always the picture
    assert not clipboard.image().isNull()


def test_trace_npz_holds_the_trace_arrays(traced, tmp_path, tiny_trace):
    trace = traced.state.trace
    path = write_trace_npz(trace, tmp_path / "trace.npz")
    with np.load(path) as data:
        np.testing.assert_array_equal(data["attention_decoder"], stacked_attention(trace, "decoder"))
        np.testing.assert_array_equal(data["input_ids"], [t.id for t in trace.tokens])
        np.testing.assert_array_equal(data["logits"], trace.logits_rows(range(len(trace.tokens))))


def test_tables_become_csv_files(tmp_path):
    rows = [["token", "id", "text"], ["Ġhé", 17, 'say "hi", then'], ["🙂", 3, ""]]
    [single] = write_tables({"tokens": rows}, tmp_path / "tokens.csv")
    assert single == tmp_path / "tokens.csv"
    with single.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [[str(c) for c in row] for row in rows]
    written = write_tables({"top k": rows, "probs/all": rows[:1]}, tmp_path / "sampling.csv")
    assert [p.name for p in written] == ["sampling-top_k.csv", "sampling-probs_all.csv"]


def test_file_menu_exports_through_dialogs(traced, tmp_path, monkeypatch):
    window = traced
    target = {"path": ""}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (target["path"], "")))
    target["path"] = str(tmp_path / "view.png")
    window.exporter.export_png()
    assert not is_blank(QImage(target["path"]))
    target["path"] = str(tmp_path / "view.svg")
    window.exporter.export_svg()
    assert ET.parse(target["path"]).getroot().tag == f"{SVG}svg"
    target["path"] = str(tmp_path / "trace.npz")
    window.exporter.export_trace()
    assert (tmp_path / "trace.npz").stat().st_size > 0
    assert not window.error_label.isVisible()


def test_export_tables_of_a_view_without_tables_says_so(traced, monkeypatch):
    window = traced
    monkeypatch.setattr(window.current_view(), "export_tables", lambda: {})
    window.exporter.export_tables()
    assert window.error_label.isVisible()


def test_export_tables_writes_what_the_view_reports(traced, tmp_path, monkeypatch):
    window = traced
    view = window.current_view()
    monkeypatch.setattr(view, "export_tables", lambda: {"t": [["a", "b"], [1, 2]]})
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "x.csv"), "")))
    window.exporter.export_tables()
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines() == ["a,b", "1,2"]


def test_real_view_tables_are_rows_of_plain_values(traced):
    """Whatever a view reports must write as CSV: a header row, then rows of the same width."""
    for view in traced.views:
        show(traced, view)
        for name, rows in view.export_tables().items():
            assert rows and all(len(r) == len(rows[0]) for r in rows), (view.key, name)
