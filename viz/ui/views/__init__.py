"""The views, in the order of the tabs."""

from __future__ import annotations


def view_classes() -> list:
    from viz.ui.views.attention import AttentionView
    from viz.ui.views.embeddings import EmbeddingsView
    from viz.ui.views.lens import LensView
    from viz.ui.views.quantization import QuantizationView
    from viz.ui.views.sampling import SamplingView
    from viz.ui.views.tokens import TokensView

    return [TokensView, EmbeddingsView, AttentionView, SamplingView, LensView, QuantizationView]
