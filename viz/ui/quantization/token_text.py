"""The text with each predicted position shaded by KL divergence and top-1 flips highlighted."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser

from viz.ui.quantization.labels import FLIP_COLOR
from viz.ui.ui_scale import unscaled_points


def _visible(piece: str) -> str:
    text = html.escape(piece).replace("\n", "↵\n")
    return text or "·"  # a piece with no characters of its own (one byte of an emoji)


def _shade(fraction: float) -> str:
    """Light to stronger blue: stays readable with dark text on light and dark themes alike."""
    light, strong = np.array([234, 242, 250]), np.array([120, 170, 220])
    r, g, b = (light + (strong - light) * float(np.clip(fraction, 0, 1))).astype(int)
    return f"#{r:02x}{g:02x}{b:02x}"


class TokenText(QTextBrowser):
    """Hovering or clicking a token emits its position."""

    position_hovered = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self._base_points = unscaled_points(self.font(), 8.0)
        self.set_scale(1.0)
        self.highlighted.connect(self._on_link)
        self.anchorClicked.connect(lambda url: self._on_link(url.toString()))

    def set_scale(self, factor: float) -> None:
        font = self.font()
        font.setPointSizeF(self._base_points * 1.3 * factor)  # read from the back of a room
        self.setFont(font)

    def show_tokens(self, labels, kl, flips) -> None:
        flips = set(int(i) for i in flips)
        top = float(np.nanmax(kl)) if kl is not None and len(kl) and np.isfinite(np.nanmax(kl)) else 0.0
        spans = []
        for i, label in enumerate(labels):
            if i in flips:
                style = f"background-color:{FLIP_COLOR}; color:#ffffff; font-weight:bold;"
            else:
                fraction = float(kl[i]) / top if top > 0 and kl is not None else 0.0
                style = f"background-color:{_shade(fraction)}; color:#111111;"
            spans.append(f'<a href="{i}" style="text-decoration:none; {style}">{_visible(label)}</a>')
        self.setHtml('<p style="line-height:160%; white-space:pre-wrap;">' + "".join(spans) + "</p>")

    def _on_link(self, href: str) -> None:
        if href.isdigit():
            self.position_hovered.emit(int(href))
