"""Quantization view (placeholder until it is built)."""

from __future__ import annotations

from viz.ui.views.base import PlaceholderView


class QuantizationView(PlaceholderView):
    key = "quantization"

    def title(self) -> str:
        return self.tr("Quantization")

    def promise(self) -> str:
        return self.tr(
            "What fp16, bf16 and int8 do to the weights, activations and outputs of this model."
        )
