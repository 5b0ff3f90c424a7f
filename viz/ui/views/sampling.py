"""Sampling view (placeholder until it is built)."""

from __future__ import annotations

from viz.ui.views.base import PlaceholderView


class SamplingView(PlaceholderView):
    key = "sampling"

    def title(self) -> str:
        return self.tr("Sampling")

    def promise(self) -> str:
        return self.tr(
            "The next-token distribution and how temperature, top-k and top-p reshape it, live."
        )
