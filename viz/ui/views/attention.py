"""Attention view (placeholder until it is built)."""

from __future__ import annotations

from viz.ui.views.base import PlaceholderView


class AttentionView(PlaceholderView):
    key = "attention"

    def title(self) -> str:
        return self.tr("Attention")

    def promise(self) -> str:
        return self.tr(
            "Every layer's and head's attention as heatmaps: encoder self-, decoder self- and cross-attention."
        )
