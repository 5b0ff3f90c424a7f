"""Which point is under the mouse: nearest in screen pixels, vectorised, no spatial index needed.

For 50k points one pass of numpy arithmetic takes about a millisecond, less than a repaint,
and it stays right after every pan and zoom without rebuilding a tree.
"""

from __future__ import annotations

import numpy as np


def nearest_on_screen(points: np.ndarray, cursor: tuple[float, float], pixel: tuple[float, float], radius_px: float) -> int:
    """Index of the point of `points` `[n, 2]` (data units) nearest to `cursor` on screen, or -1.

    `pixel` is the size of one screen pixel in data units along x and y (axes may be scaled
    differently), and only points within `radius_px` screen pixels count.
    """
    if len(points) == 0 or pixel[0] <= 0 or pixel[1] <= 0:
        return -1
    dx = (points[:, 0] - cursor[0]) / pixel[0]  # [n] in pixels
    dy = (points[:, 1] - cursor[1]) / pixel[1]
    distance2 = dx * dx + dy * dy
    best = int(np.nanargmin(distance2)) if not np.all(np.isnan(distance2)) else -1
    if best < 0 or distance2[best] > radius_px * radius_px:
        return -1
    return best
