"""The views, in the order of the tabs."""

from __future__ import annotations


def view_classes() -> list:
    from viz.ui.views.attention import AttentionView
    from viz.ui.views.compare import CompareView
    from viz.ui.views.embeddings import EmbeddingsView
    from viz.ui.views.fewshot import FewShotView
    from viz.ui.views.finetune import FinetuneView
    from viz.ui.views.lens import LensView
    from viz.ui.views.quantization import QuantizationView
    from viz.ui.views.sampling import SamplingView
    from viz.ui.views.scale import ScaleView
    from viz.ui.views.tokens import TokensView
    from viz.ui.views.why import WhyView

    return [
        TokensView, EmbeddingsView, AttentionView, SamplingView, LensView, WhyView, QuantizationView, FinetuneView,
        FewShotView, CompareView, ScaleView,
    ]
