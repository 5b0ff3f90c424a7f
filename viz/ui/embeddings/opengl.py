"""Is a 3-D (OpenGL) view possible here? Asked once, safely, before any OpenGL widget is made.

Offscreen rendering, remote desktops and machines without PyOpenGL have no usable OpenGL; the
view then explains why and keeps the 2-D picture instead of crashing.
"""

from __future__ import annotations

import importlib.util
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

DISABLE_ENV = "TRANSFORMER_VIZ_NO_OPENGL"  # set to 1 to turn the 3-D view off
_NO_GL_PLATFORMS = ("offscreen", "minimal", "vnc")
_UNKNOWN = object()
_forced_off = False
_reason: object = _UNKNOWN


def force_unavailable(off: bool = True) -> None:
    """Act as if OpenGL were missing (tests, or a person whose driver crashes); forgets the last answer."""
    global _forced_off, _reason
    _forced_off = off
    _reason = _UNKNOWN


def unavailable_reason() -> str | None:
    """None when a 3-D view can be shown, otherwise one sentence saying why not."""
    global _reason
    if _forced_off or os.environ.get(DISABLE_ENV, "") not in ("", "0"):
        return QCoreApplication.translate("OpenGL", "3-D is turned off on this computer.")
    if _reason is _UNKNOWN:
        _reason = _probe()
    return _reason  # type: ignore[return-value]


def _probe() -> str | None:
    platform = QGuiApplication.platformName()
    if platform in _NO_GL_PLATFORMS:
        return QCoreApplication.translate("OpenGL", "This display ({0}) has no OpenGL.").format(platform)
    if importlib.util.find_spec("OpenGL") is None:
        return QCoreApplication.translate("OpenGL", "3-D needs the PyOpenGL package (pip install PyOpenGL).")
    context = QOpenGLContext()
    if not context.create():
        return QCoreApplication.translate("OpenGL", "No OpenGL context could be made on this display.")
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not surface.isValid() or not context.makeCurrent(surface):
            return QCoreApplication.translate("OpenGL", "OpenGL is present but cannot draw on this display.")
        version = context.format().version()
        context.doneCurrent()
    finally:
        surface.destroy()
    if version < (2, 0):
        return QCoreApplication.translate(
            "OpenGL", "OpenGL {0}.{1} is too old for the 3-D view (2.0 or newer is needed)."
        ).format(*version)
    try:
        import pyqtgraph.opengl  # noqa: F401
    except ImportError as exc:  # a broken PyOpenGL install
        return QCoreApplication.translate("OpenGL", "The 3-D view could not start: {0}").format(exc)
    return None
