"""Where the lens reads a model: its layer stack, final norm, output head, attention and MLP projections.

Transformers names these modules differently in every architecture; this file is the one place that knows
the names. Everything else in the lens works on the `LensArch` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.errors import UnsupportedModelError
from viz.core.families import Family

# Output projection of self-attention, cross-attention and the MLP's down projection, relative to a block.
_SELF_OUT = (
    "attn.c_proj", "self_attn.o_proj", "self_attention.dense", "layer.0.SelfAttention.o",
    "self_attn.out_proj", "attention.output.dense", "attention.out_lin", "attention.dense", "attn.out_proj",
)
_CROSS_OUT = ("crossattention.c_proj", "layer.1.EncDecAttention.o", "encoder_attn.out_proj")
_MLP_DOWN = (
    "mlp.c_proj", "mlp.down_proj", "mlp.dense_4h_to_h", "layer.2.DenseReluDense.wo", "layer.1.DenseReluDense.wo",
    "fc2", "output.dense", "ffn.lin2", "mlp.fc_out", "mlp.fc2",
)
_FINAL_NORMS = ("transformer.ln_f", "model.norm", "transformer.norm", "gpt_neox.final_layer_norm", "model.final_layernorm")
_PRE_NORM_DECODERS = ("gpt2", "llama", "qwen2", "qwen3", "mistral", "gemma", "gemma2", "gemma3_text", "bloom", "phi3", "olmo", "t5", "mt5")


@dataclass(frozen=True)
class BlockParts:
    self_out: object  # attention output projection (its input is the heads' outputs, concatenated)
    cross_out: object | None  # encoder-decoder: cross-attention output projection
    mlp_down: object | None  # MLP down projection (its input is the neuron activations)


@dataclass(frozen=True)
class LensArch:
    blocks: tuple  # the decoder side's blocks (encoder-only: the encoder's), in order
    encoder_blocks: tuple  # encoder-decoder: the encoder's blocks, shown as context; else ()
    final_norm: object | None  # applied to the last residual before the head; None for post-norm stacks
    parts: tuple[BlockParts, ...]
    head_count: int
    pre_norm: bool  # the residual stream is a sum of layer outputs (direct logit attribution is exact)

    def project(self, model, hidden):
        """Residual `[rows, d_model]` -> logits `[rows, vocab]`, exactly as the model's own head does."""
        if self.final_norm is not None:
            hidden = self.final_norm(hidden)
        return head_logits(model, hidden)


def lens_arch(loaded) -> LensArch:
    model, family = loaded.model, loaded.family
    if not loaded.has_lm_head:
        raise UnsupportedModelError("The lens needs a language-model head; this checkpoint has none.")
    encoder_blocks: tuple = ()
    if family == Family.ENCODER_DECODER:
        decoder = model.get_decoder()
        blocks = _layer_list(decoder)
        encoder_blocks = _layer_list(model.get_encoder())
        final_norm = getattr(decoder, "final_layer_norm", None) or getattr(decoder, "layer_norm", None)
    elif family == Family.DECODER:
        blocks = _layer_list(model.base_model)
        final_norm = _first(model, _FINAL_NORMS)
    else:
        blocks = _layer_list(model.base_model)
        final_norm = None  # BERT-style encoders normalise after every layer; the MLM head has its own norm
    parts = tuple(
        BlockParts(_first(b, _SELF_OUT), _first(b, _CROSS_OUT) if family == Family.ENCODER_DECODER else None, _first(b, _MLP_DOWN))
        for b in blocks
    )
    if any(p.self_out is None for p in parts):
        raise UnsupportedModelError(f"The lens does not know where the attention output is in '{model.config.model_type}'.")
    config = model.config
    heads = getattr(config, "num_attention_heads", None) or getattr(config, "n_head", None) or getattr(config, "num_heads")
    if family == Family.ENCODER_DECODER:
        heads = getattr(config, "decoder_attention_heads", None) or heads
    pre_norm = config.model_type in _PRE_NORM_DECODERS and family != Family.ENCODER
    return LensArch(tuple(blocks), tuple(encoder_blocks), final_norm, parts, int(heads), pre_norm)


def head_logits(model, hidden):
    """The model's output head on already-normalised hidden states `[rows, d_model]` -> `[rows, vocab]`."""
    config = model.config
    if getattr(config, "scale_decoder_outputs", False):  # T5 with tied embeddings
        hidden = hidden * (config.d_model**-0.5)
    if hasattr(model, "cls"):  # BERT: transform (dense, GELU, LayerNorm) then decoder
        return model.cls(hidden)
    if hasattr(model, "vocab_projector"):  # DistilBERT
        x = model.vocab_layer_norm(model.activation(model.vocab_transform(hidden)))
        return model.vocab_projector(x)
    logits = model.lm_head(hidden)
    bias = getattr(model, "final_logits_bias", None)  # BART
    if bias is not None:
        logits = logits + bias.to(logits.dtype)
    softcap = getattr(config, "final_logit_softcapping", None)  # Gemma 2
    if softcap:
        import torch

        logits = torch.tanh(logits / softcap) * softcap
    return logits


def unembedding(model):
    """For linear heads: (weight `[vocab, d_model]`, bias `[vocab]` or None, scale before the head)."""
    config = model.config
    if hasattr(model, "cls") or hasattr(model, "vocab_projector") or getattr(config, "final_logit_softcapping", None):
        return None
    import torch

    head = getattr(model, "lm_head", None)
    if not isinstance(head, torch.nn.Linear):  # RoBERTa's and others' heads transform before they project
        return None
    bias = getattr(head, "bias", None)
    extra = getattr(model, "final_logits_bias", None)
    if extra is not None:
        bias = extra[0] if bias is None else bias + extra[0]
    scale = config.d_model**-0.5 if getattr(config, "scale_decoder_outputs", False) else 1.0
    return head.weight, bias, scale


def _first(root, paths):
    for path in paths:
        try:
            return root.get_submodule(path)
        except AttributeError:
            continue
    return None


def _layer_list(root) -> tuple:
    """The longest ModuleList of identical blocks under `root` (transformer.h, model.layers, encoder.layer…)."""
    import torch

    found = []
    for name, module in root.named_modules():
        if isinstance(module, torch.nn.ModuleList) and len(module) > 0:
            if len({type(m) for m in module}) == 1 and sum(1 for _ in next(iter(module)).parameters()) > 2:
                found.append((name.count("."), -len(module), tuple(module)))
    best = min(found, key=lambda f: f[:2])[2] if found else ()  # the shallowest list: MoE experts sit deeper
    if not best:
        raise UnsupportedModelError(f"The lens cannot find the layers of '{type(root).__name__}'.")
    return best
