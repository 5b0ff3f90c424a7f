"""Light and dark themes that follow the OS, a high-contrast variant for projectors, and plot colours to match."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from string import Template

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from viz.core.resources import resources_dir
from viz.ui.indicator_style import IndicatorStyle


@dataclass(frozen=True)
class Colours:
    scheme: str  # "light" or "dark"
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    error_bg: str
    error_text: str
    notice_bg: str
    notice_text: str
    plot_bg: str
    plot_fg: str


LIGHT = Colours(
    "light", window="#f3f4f6", base="#ffffff", alt_base="#eceef2", text="#18191b", muted="#555a61",
    accent="#1b59b7", accent_text="#ffffff", border="#b9bec6", error_bg="#fde2e1", error_text="#7a0b06",
    notice_bg="#fff1cc", notice_text="#4d3800", plot_bg="#ffffff", plot_fg="#1e1e1e",
)
DARK = Colours(
    "dark", window="#1d1e21", base="#27292d", alt_base="#222427", text="#ebebeb", muted="#a3a7ad",
    accent="#6aa6ff", accent_text="#0b0b0b", border="#4a4d54", error_bg="#5c1c19", error_text="#ffdcd8",
    notice_bg="#4a3a0c", notice_text="#ffe9a8", plot_bg="#151618", plot_fg="#dcdcdc",
)
# A projector raises black and washes out pale tints: pure black on white (or the reverse), stronger borders.
LIGHT_PROJECTOR = replace(LIGHT, window="#ffffff", text="#000000", muted="#2b2b2b", border="#5c5c5c",
                          plot_fg="#000000", accent="#0b4aa8")
DARK_PROJECTOR = replace(DARK, window="#000000", base="#0d0d0d", text="#ffffff", muted="#d0d0d0",
                         border="#9a9a9a", plot_bg="#000000", plot_fg="#ffffff", accent="#8cbcff")

# Sequential maps whose lightness rises steadily over a wide range, so order stays readable when a projector
# flattens contrast and hue; never a rainbow ("jet"), whose bright bands read as false edges.
SEQUENTIAL_COLORMAP = "viridis"
COLOUR_BLIND_COLORMAP = "cividis"


def colormap(name: str = SEQUENTIAL_COLORMAP) -> pg.ColorMap:
    return pg.colormap.get(name)


def lightness(rgb: np.ndarray) -> np.ndarray:
    """CIE L* (0 black … 100 white) of sRGB colours given as 0–255 rows."""
    c = np.asarray(rgb, dtype=float)[..., :3] / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = linear @ np.array([0.2126, 0.7152, 0.0722])
    return np.where(y > (6 / 29) ** 3, 116 * np.cbrt(y) - 16, y * (29 / 3) ** 3)


def resolve_scheme(choice: str, app: QApplication | None = None) -> str:
    """"light" or "dark": the user's choice, or the OS colour scheme for "system" (light when unknown)."""
    if choice in ("light", "dark"):
        return choice
    app = app or QApplication.instance()
    if app is not None and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def colours_for(scheme: str, projector: bool = False) -> Colours:
    if scheme == "dark":
        return DARK_PROJECTOR if projector else DARK
    return LIGHT_PROJECTOR if projector else LIGHT


def qpalette(colours: Colours) -> QPalette:
    p = QPalette()
    c = {k: QColor(v) for k, v in asdict(colours).items() if k != "scheme"}
    # The disabled group too: left out, disabled buttons keep Qt's default (light) colours in the dark theme.
    for group in (QPalette.Active, QPalette.Inactive, QPalette.Disabled):
        p.setColor(group, QPalette.Window, c["window"])
        p.setColor(group, QPalette.WindowText, c["text"])
        p.setColor(group, QPalette.Base, c["base"])
        p.setColor(group, QPalette.AlternateBase, c["alt_base"])
        p.setColor(group, QPalette.Text, c["text"])
        p.setColor(group, QPalette.Button, c["alt_base"])
        p.setColor(group, QPalette.ButtonText, c["text"])
        p.setColor(group, QPalette.ToolTipBase, c["base"])
        p.setColor(group, QPalette.ToolTipText, c["text"])
        p.setColor(group, QPalette.PlaceholderText, c["muted"])
        p.setColor(group, QPalette.Highlight, c["accent"])
        p.setColor(group, QPalette.HighlightedText, c["accent_text"])
        p.setColor(group, QPalette.Link, c["accent"])
        p.setColor(group, QPalette.Mid, c["border"])
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, c["muted"])
    return p


def stylesheet(colours: Colours, line_width: int = 2) -> str:
    template = (resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8")
    return Template(template).substitute(asdict(colours), line=line_width)


def restyle_plots(root: QWidget, colours: Colours | None, font: QFont | None = None, line_scale: float = 1.0) -> int:
    """Give existing pyqtgraph plots under `root` the theme's background and axis colours (unless `colours`
    is None: no theme applied, plots keep pyqtgraph's colours), the font for tick labels, and axis widths.

    New plots take the colours from pyqtgraph's config; views may refine fonts and pens in `set_scale`,
    which runs after this. Returns how many plot widgets were restyled.
    """
    widgets = root.findChildren(pg.GraphicsView)
    if isinstance(root, pg.GraphicsView):
        widgets.append(root)
    width = max(1.0, line_scale)
    for widget in widgets:
        if colours is not None:
            widget.setBackground(colours.plot_bg)
        for item in widget.scene().items():
            if isinstance(item, pg.AxisItem):
                pen = pg.mkPen(colours.plot_fg if colours is not None else item.pen().color(), width=width)
                item.setPen(pen)
                if colours is not None:
                    item.setTextPen(colours.plot_fg)
                if font is not None:
                    item.setTickFont(QFont(font))
            elif colours is not None and isinstance(item, pg.LabelItem) and item.opts.get("color") is None:
                item.setText(item.text)  # re-reads the default foreground colour
    return len(widgets)


def refresh_fonts(app: QApplication, root: QWidget) -> None:
    """Make widgets under style sheets take the new application font.

    Qt resolves a widget's font once when a style sheet polishes it, so after `QApplication.setFont`
    the sheets are set again; fonts a widget set itself (bold, monospace) keep those properties.
    """
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
    styled = [w for w in root.findChildren(QWidget) if w.styleSheet()]
    for widget in _outermost(styled):
        if shiboken6.isValid(widget):  # re-polishing may replace a widget's internal children
            widget.setStyleSheet(widget.styleSheet())


def _outermost(widgets: list[QWidget]) -> list[QWidget]:
    """Those widgets with no ancestor among the others: setting a sheet re-polishes the whole subtree."""
    chosen = set(widgets)

    def nested(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent in chosen:
                return True
            parent = parent.parentWidget()
        return False

    return [w for w in widgets if not nested(w)]


class ThemeManager(QObject):
    """Owns the theme choice (system, light, dark) and the projector variant; applies them app-wide."""

    def __init__(self, app: QApplication, choice: str = "system", parent: QObject | None = None):
        super().__init__(parent)
        self.app = app
        self.choice = choice
        self.projector = False
        self.applied = False  # until apply(), the app keeps Qt's and pyqtgraph's own colours
        self.line_scale = 1.0
        self.roots: list[QWidget] = []  # windows whose existing plots follow theme changes
        app.styleHints().colorSchemeChanged.connect(self._on_os_scheme_changed)

    @property
    def colours(self) -> Colours:
        return colours_for(resolve_scheme(self.choice, self.app), self.projector)

    def set_choice(self, choice: str) -> None:
        self.choice = choice
        self.apply()

    def set_projector(self, on: bool, line_scale: float = 1.0) -> None:
        self.projector = on
        self.line_scale = line_scale
        self.apply()

    def apply(self) -> None:
        self.applied = True
        colours = self.colours
        # Set before views build their plots, so new plots start in the theme's colours.
        pg.setConfigOptions(background=colours.plot_bg, foreground=colours.plot_fg, antialias=True)
        if not isinstance(self.app.style(), IndicatorStyle):
            # Fusion draws from the palette on every OS, so light and dark both work
            self.app.setStyle(IndicatorStyle())
        self.app.setPalette(qpalette(colours))
        self.app.setStyleSheet(stylesheet(colours, line_width=max(2, round(2 * self.line_scale))))
        self.roots = [root for root in self.roots if shiboken6.isValid(root)]
        for root in self.roots:
            restyle_plots(root, colours, font=self.app.font(), line_scale=self.line_scale)

    def _on_os_scheme_changed(self, _scheme) -> None:
        if self.choice == "system":
            self.apply()
