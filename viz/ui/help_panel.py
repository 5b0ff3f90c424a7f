"""The "About this view" side panel (F1): what the current view shows, in words for students."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QScrollArea, QVBoxLayout, QWidget

PRESENTING_SHARE = 0.25  # of the window's width, while presenting
PRESENTING_FONT = 0.75  # of the projector font: the class reads the picture; the lecturer the panel


class HelpPanel(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("About this view"), parent)
        self.setObjectName("helpPanel")  # also the key saveState() uses
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.heading = QLabel(self)
        self.heading.setObjectName("helpTitle")
        self.heading.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setObjectName("helpBody")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll = scroll
        self.setWidget(scroll)
        self._widths = (0, 16777215)  # (QWIDGETSIZE_MAX) the panel's least and most width for the current font and window
        self.toggleViewAction().setText(self.tr("About this view"))

    def show_view(self, view) -> None:
        self.heading.setText(view.title())
        text = view.explanation().strip()
        self.body.setText(text or self.tr("This view has no explanation yet."))
        self._apply_widths()

    def fit_width(self, presenting: bool = False, window_width: int = 0) -> None:
        """About 40 characters of the current font per line: readable, and leaves room for the plots.

        On a projector the panel takes at most PRESENTING_SHARE of the window, in a smaller font, so the
        view keeps most of the screen and the text still fits its lines."""
        font = QFont(QApplication.font())
        if presenting:
            font.setPointSizeF(font.pointSizeF() * PRESENTING_FONT)
        for label in (self.heading, self.body):
            label.setFont(font)
        chars = QFontMetrics(font).averageCharWidth()
        if presenting and window_width > 0:
            width = int(window_width * PRESENTING_SHARE)
            self._widths = (min(chars * 24, width), width)
        else:
            self._widths = (chars * 40, chars * 60)
        self._apply_widths()

    def _apply_widths(self) -> None:
        """Never narrower than the text's longest word with the scroll bar beside it (a long Hungarian compound
        would otherwise scroll sideways), within the most the window allows."""
        least, most = self._widths
        content = self.scroll.widget().minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
        needed = content + 2 * self.scroll.frameWidth() + 4  # the dock's own frame
        self.setMinimumWidth(min(max(least, needed), most))
        self.setMaximumWidth(most)
