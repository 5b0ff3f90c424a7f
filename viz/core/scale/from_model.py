"""The calculator's starting point read from a loaded model: its parameter count and layer shape."""

from __future__ import annotations

from viz.core.scale.memory import Shape


def shape_of(loaded) -> Shape:
    """Parameters counted from the weights; layers, hidden size and heads from the config.

    transformers maps its common names (num_hidden_layers, hidden_size, num_attention_heads) onto each
    family's own (GPT-2's n_layer, T5's d_model…). An encoder-decoder's decoder layers are counted as more
    layers of the same shape, which slightly undercounts their cross-attention activations.
    """
    config = loaded.config
    layers = _int(config, "num_hidden_layers")
    decoder_layers = _int(config, "num_decoder_layers")
    if decoder_layers and getattr(config, "is_encoder_decoder", False):
        layers += decoder_layers
    return Shape(
        parameters=float(loaded.parameter_count),
        layers=layers,
        hidden=_int(config, "hidden_size"),
        heads=_int(config, "num_attention_heads"),
    )


def _int(config, name: str) -> int:
    value = getattr(config, name, None)
    return value if isinstance(value, int) and value > 0 else 0
