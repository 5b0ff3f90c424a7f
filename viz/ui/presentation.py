"""Presentation mode (F5) and zoom (Ctrl +/−): one scale factor for fonts, plots and lines, projector-sized."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from viz.ui.theme import refresh_fonts
from viz.ui.ui_scale import set_current_scale

# 24 pt at 96 dpi is 32 px; at 1080 lines that is what the back row of a lecture hall can read.
PRESENTATION_PIXELS_AT_1080P = 32
PRESENTING_TAB_FONT = 0.66  # tab titles on a projector, relative to the text


MIN_TAB_FONT = 0.40  # the smallest the titles get, relative to the text, when the bar is narrow


def fit_tab_bar(bar, presenting: bool, available: int = 0, preferred: float = PRESENTING_TAB_FONT) -> None:
    """On a projector a tab bar's titles are `preferred` times the text (the main bar's eleven one-word tabs:
    smaller than the text, so that they fit the width); given the bar's `available` width in pixels (narrowed
    by the F1 panel, say), they shrink further until they fit, down to MIN_TAB_FONT of the text.

    A style sheet, not setFont: under the application's style sheet a re-polish (theme, language, zoom)
    gives a widget the sheet's font again, and an explicit font set before it was lost."""
    text = QApplication.font().pointSizeF()
    if not presenting or text <= 0:
        bar.setStyleSheet("")
        return
    preferred, smallest = text * preferred, text * MIN_TAB_FONT
    wide = _tabs_width(bar, preferred)
    if available <= 0 or wide <= available:
        return
    narrow = _tabs_width(bar, smallest)
    if narrow >= available:
        return  # even the smallest titles need the scroll arrows
    # The width grows linearly with the font size (each tab adds padding that does not scale): interpolate,
    # then step down until the titles fit.
    size = smallest + (preferred - smallest) * (available - narrow) / (wide - narrow)
    while _tabs_width(bar, size) > available and size > smallest:
        size = max(smallest, size - 0.2)


def _tabs_width(bar, size: float) -> int:
    """The width the bar's tabs need with titles of `size` points (which the bar then keeps)."""
    bar.setStyleSheet(f"QTabBar {{ font-size: {size:.1f}pt; }}")
    return sum(bar.tabSizeHint(i).width() for i in range(bar.count()))


class TabBarFitter(QObject):
    """Fits a tab widget's titles to its width (`fit_tab_bar`), and again whenever that width changes while
    presenting (the F1 panel opening narrows it)."""

    def __init__(self, tabs: QWidget, preferred: float = PRESENTING_TAB_FONT):
        super().__init__(tabs)
        self.tabs = tabs
        self.preferred = preferred  # the titles' size relative to the text while they fit
        self.presenting = False
        self._width = -1
        tabs.installEventFilter(self)

    def fit(self, presenting: bool | None = None) -> None:
        if presenting is not None:
            self.presenting = presenting
        self._width = self.tabs.width()
        fit_tab_bar(self.tabs.tabBar(), self.presenting, self._width, self.preferred)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Resize and self.tabs.width() != self._width and self.presenting:
            self.fit()
        return False


ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


def presentation_point_size(screen: QScreen) -> float:
    """The font size whose pixels are the same share of the screen height as 24 pt on a 1080p screen."""
    pixels = PRESENTATION_PIXELS_AT_1080P * screen.geometry().height() / 1080
    return pixels * 72 / screen.logicalDotsPerInchY()


def point_size(font: QFont) -> float:
    """A font's size in points, also for fonts set in pixels."""
    if font.pointSizeF() > 0:
        return font.pointSizeF()
    return font.pixelSize() * 72 / 96


def step_zoom(zoom: float, direction: int) -> float:
    """The next zoom step up (direction 1) or down (-1) from `zoom`."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom + 1e-6), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-6), ZOOM_STEPS[0])


class PresentationController(QObject):
    """Full screen with projector fonts, no chrome, PageDown/PageUp through the views, Esc to leave.

    The window provides `chrome_widgets()`, `step_view(delta)`, `apply_scale(factor)` and `theme`.
    """

    presenting_changed = Signal(bool)
    scale_changed = Signal(float)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.app = QApplication.instance()
        self.base_font = QFont(self.app.font())  # the font at scale 1, restored when the window closes
        self.zoom = 1.0
        self.presenting = False
        self._factor = 1.0  # presentation's share of the scale
        self._hidden: list[QWidget] = []
        self._state_before = Qt.WindowNoState
        self.app.installEventFilter(self)

    @property
    def scale(self) -> float:
        return self.zoom * (self._factor if self.presenting else 1.0)

    def toggle(self) -> None:
        self.leave() if self.presenting else self.enter()

    def enter(self) -> None:
        if self.presenting:
            return
        screen = self.window.screen() or self.app.primaryScreen()
        self._factor = max(1.0, presentation_point_size(screen) / point_size(self.base_font))
        self.presenting = True
        self._state_before = self.window.windowState()
        self._hidden = [w for w in self.window.chrome_widgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.window.theme.set_projector(True, self._factor)
        self._apply()
        # Full screen is the window manager's job; where there is none (a kiosk, a bare X server) the
        # window would keep its old size, so it is also placed over the whole screen by hand.
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        self.presenting_changed.emit(True)

    def leave(self) -> None:
        if not self.presenting:
            return
        self.presenting = False
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.window.theme.set_projector(False, 1.0)
        self._apply()
        if self._state_before & Qt.WindowMaximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()
        self.presenting_changed.emit(False)

    def rehide_chrome(self) -> None:
        """After the window rebuilt its widgets (language change): hide the new chrome again."""
        if self.presenting:  # the new widgets are not shown yet (Qt shows them later): hide them all
            self._hidden = self.window.chrome_widgets()
            for widget in self._hidden:
                widget.hide()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(ZOOM_STEPS[-1], max(ZOOM_STEPS[0], zoom))
        self._apply()

    def zoom_in(self) -> None:
        self.set_zoom(step_zoom(self.zoom, 1))

    def zoom_out(self) -> None:
        self.set_zoom(step_zoom(self.zoom, -1))

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def restore_font(self) -> None:
        """Put the application font back (the window is closing; other windows keep their size)."""
        set_current_scale(1.0)
        if self.app.font() != self.base_font:
            self.app.setFont(self.base_font)
            refresh_fonts(self.app, self.window)

    def _apply(self) -> None:
        scale = self.scale
        font = QFont(self.base_font)
        if self.base_font.pointSizeF() > 0:
            font.setPointSizeF(self.base_font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, round(self.base_font.pixelSize() * scale)))
        set_current_scale(scale)
        self.app.setFont(font)
        refresh_fonts(self.app, self.window)
        self.window.apply_scale(scale)
        self.scale_changed.emit(scale)

    def eventFilter(self, obj, event) -> bool:
        # An application filter sees keys before the focused widget, so a presenter's clicker
        # (PageDown/PageUp) and Esc work even while the text field or a slider has focus. Claiming the
        # ShortcutOverride keeps the window's Esc shortcut (cancel work) from firing instead.
        kind = event.type()
        if not self.presenting or kind not in (QEvent.KeyPress, QEvent.ShortcutOverride):
            return False
        if self.app.activePopupWidget() or not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        actions = {Qt.Key_PageDown: lambda: self.window.step_view(1),
                   Qt.Key_PageUp: lambda: self.window.step_view(-1),
                   Qt.Key_Escape: self.leave}
        if event.key() not in actions or event.modifiers() & ~Qt.KeypadModifier:
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()
        else:
            actions[event.key()]()
        return True
