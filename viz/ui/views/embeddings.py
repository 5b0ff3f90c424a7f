"""Embeddings view (placeholder until it is built)."""

from __future__ import annotations

from viz.ui.views.base import PlaceholderView


class EmbeddingsView(PlaceholderView):
    key = "embeddings"

    def title(self) -> str:
        return self.tr("Embeddings")

    def promise(self) -> str:
        return self.tr(
            "The token vectors projected to 2-D and 3-D: the whole vocabulary, nearest neighbours, and the prompt's path through the layers."
        )
