"""The translated name of each attention kind, shared by every view that lists kinds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF


def kind_names() -> dict[str, str]:
    translate = QCoreApplication.translate  # lupdate reads translate("AttentionView", "…")
    return {
        ENCODER_SELF: translate("AttentionView", "Encoder self-attention"),
        DECODER_SELF: translate("AttentionView", "Decoder self-attention"),
        CROSS: translate("AttentionView", "Cross-attention"),
    }
