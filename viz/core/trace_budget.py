"""Will a trace of this many tokens fit? An estimate from the model's shape against the device's free memory.

A trace keeps, per token, every layer's queries and keys and every layer's hidden state in the model's number
format; while it runs, the forward pass needs a few activations per layer more. Both grow linearly with the
length, so the largest length that fits follows from one division. Where the free memory cannot be read
(`viz.core.memory_fit.free_bytes` returns None) nothing is claimed and the trace runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.errors import TraceError
from viz.core.families import Family
from viz.core.memory_fit import free_bytes

SHARE_OF_FREE = 0.8  # the window, the views and the operating system keep the rest


@dataclass(frozen=True)
class StackShape:
    """One stack of layers (a decoder, an encoder, or each side of an encoder-decoder)."""

    layers: int
    heads: int
    kv_heads: int
    head_dim: int
    d_model: int
    d_mlp: int

    def kept_per_token(self, itemsize: int) -> int:
        """Bytes a trace keeps per token: queries and keys of every layer, and every hidden state."""
        attention = self.layers * (self.heads + self.kv_heads) * self.head_dim
        return (attention + (self.layers + 1) * self.d_model) * itemsize

    def working_per_token(self, itemsize: int) -> int:
        """Bytes the forward pass holds per token at its widest moment (one layer's MLP and residual copies)."""
        return (4 * self.d_model + 2 * self.d_mlp) * itemsize


def stack_shapes(config, encoder_decoder: bool) -> list[StackShape]:
    """The stacks a trace runs through, read from a transformers config (text part)."""
    config = config.get_text_config() if hasattr(config, "get_text_config") else config
    d_model = _first(config, "hidden_size", "d_model", "n_embd", "dim")
    heads = _first(config, "num_attention_heads", "num_heads", "n_head", "encoder_attention_heads")
    kv_heads = _first(config, "num_key_value_heads", default=heads) or heads
    head_dim = _first(config, "head_dim", "d_kv", default=d_model // max(1, heads)) or d_model // max(1, heads)
    d_mlp = _first(config, "intermediate_size", "d_ff", "n_inner", "ffn_dim", "encoder_ffn_dim", default=4 * d_model)
    d_mlp = d_mlp or 4 * d_model
    layers = _first(config, "num_hidden_layers", "num_layers", "n_layer", "encoder_layers")
    if not encoder_decoder:
        return [StackShape(layers, heads, kv_heads, head_dim, d_model, d_mlp)]
    decoder_layers = _first(config, "num_decoder_layers", "decoder_layers", default=layers) or layers
    encoder = StackShape(layers, heads, kv_heads, head_dim, d_model, d_mlp)
    # The decoder keeps its self-attention and its cross-attention queries (keys over the input: counted there).
    decoder = StackShape(decoder_layers, 2 * heads, 2 * kv_heads, head_dim, d_model, d_mlp)
    return [encoder, decoder]


def check_trace_fits(loaded, n_tokens: int, free: int | None = None) -> None:
    """Raise a TraceError with a length that fits when tracing `n_tokens` would not fit in free memory."""
    import torch

    if free is None:
        free = free_bytes(loaded.device)
    if free is None:
        return
    dtype = next((p.dtype for p in loaded.model.parameters() if p.is_floating_point()), torch.float32)
    itemsize = torch.empty((), dtype=dtype).element_size()
    stacks = stack_shapes(loaded.config, loaded.family == Family.ENCODER_DECODER)
    per_token = sum(s.kept_per_token(itemsize) for s in stacks) + max(s.working_per_token(itemsize) for s in stacks)
    allowed = SHARE_OF_FREE * free
    if n_tokens * per_token <= allowed:
        return
    fits = int(allowed // per_token)
    raise TraceError(
        f"Tracing {n_tokens:,} tokens would need about {_gib(n_tokens * per_token)} of memory on {loaded.device} "
        f"and about {_gib(free)} is free; shorten the text to about {fits:,} tokens."
    )


def _first(config, *names, default=None):
    for name in names:
        value = getattr(config, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return default


def _gib(n: float) -> str:
    return f"{n / 2**30:.1f} GiB"
