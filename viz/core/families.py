"""Which of the three transformer families a config describes, read from the config."""

from __future__ import annotations

from enum import Enum

from viz.core.errors import UnsupportedModelError


class Family(str, Enum):
    ENCODER = "encoder-only"
    DECODER = "decoder-only"
    ENCODER_DECODER = "encoder-decoder"


_ENCODER_HEADS = ("ForMaskedLM",)
_DECODER_HEADS = ("ForCausalLM", "LMHeadModel")


def family_of(config) -> Family:
    """Family from the config: `is_encoder_decoder`, the saved architectures, then the model type."""
    from transformers.models.auto import modeling_auto

    model_type = getattr(config, "model_type", "")
    if getattr(config, "is_encoder_decoder", False):
        if model_type in modeling_auto.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
            return Family.ENCODER_DECODER
        raise UnsupportedModelError(f"'{model_type}' is an encoder-decoder model without a text-generation head.")
    for arch in getattr(config, "architectures", None) or []:
        if arch.endswith(_ENCODER_HEADS):
            return Family.ENCODER
        if arch.endswith(_DECODER_HEADS):
            return Family.DECODER
    if model_type in modeling_auto.MODEL_FOR_MASKED_LM_MAPPING_NAMES and not getattr(config, "is_decoder", False):
        return Family.ENCODER
    if model_type in modeling_auto.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return Family.DECODER
    raise UnsupportedModelError(
        f"'{model_type or 'unknown'}' is not a text transformer this app can show "
        "(supported: encoder-only, decoder-only and encoder-decoder language models)."
    )
