"""Where the heads, blocks and MLPs are in a transformers model, found by module names, for every family.

Each attention block ends in an output projection whose input is the heads' contexts side by side,
`[batch, seq, heads × head_dim]`; knocking out a head means changing its slice there. GPT-2 calls it
`attn.c_proj` (a Conv1D), BERT `attention.output.dense`, T5 `SelfAttention.o`, BART `out_proj`, Llama `o_proj`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viz.core.families import Family
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF
from viz.core.why.target import WhyError

_ATTENTION_OUT = re.compile(
    r"\.(attn\.c_proj|crossattention\.c_proj|attention\.output\.dense|attention\.out_lin|SelfAttention\.o|"
    r"EncDecAttention\.o|self_attn\.out_proj|encoder_attn\.out_proj|self_attn\.o_proj|self_attention\.dense|"
    r"attn\.o_proj|attention\.dense|attn\.out_proj)$"
)
_CROSS = re.compile(r"(crossattention|EncDecAttention|encoder_attn)\.")
# The MLP's last projection, named relative to its block.
_MLP_OUT = re.compile(
    r"^(.*\.)?(mlp\.c_proj|mlp\.down_proj|mlp\.dense_4h_to_h|DenseReluDense\.wo|fc2|ffn\.lin2|mlp\.fc_out|mlp\.fc2)$"
    r"|^output\.dense$"
)


@dataclass(frozen=True)
class AttentionBlock:
    kind: str  # ENCODER_SELF, DECODER_SELF or CROSS
    layer: int  # 0-based, within its kind
    path: str  # module path of the output projection
    heads: int


@dataclass(frozen=True)
class Block:
    """One transformer layer of the stack patched: its residual output, attention output and MLP output."""

    layer: int
    path: str  # the layer module; its first output is the residual stream
    attention: str  # the self-attention output projection (the attention's contribution)
    mlp: str | None  # the MLP's last projection (None where the names are not known)


def attention_blocks(loaded) -> list[AttentionBlock]:
    """Every attention block's output projection, in layer order, with its kind and head count."""
    family = loaded.family
    config = loaded.config
    counts: dict[str, int] = {}
    found = []
    for path, _module in loaded.model.named_modules():
        if not _ATTENTION_OUT.search(path):
            continue
        if _CROSS.search(path):
            kind = CROSS
        elif family == Family.ENCODER_DECODER:
            kind = DECODER_SELF if re.search(r"(^|\.)decoder\.", path) else ENCODER_SELF
        else:
            kind = ENCODER_SELF if family == Family.ENCODER else DECODER_SELF
        heads = _head_count(config, kind, family)
        found.append(AttentionBlock(kind, counts.get(kind, 0), path, heads))
        counts[kind] = counts.get(kind, 0) + 1
    if not found:
        raise WhyError(f"Cannot find the attention blocks of this {config.model_type} model, so heads cannot be changed.")
    return found


def head_grid(loaded) -> dict[str, tuple[int, int]]:
    """kind -> (layers, heads)."""
    grid: dict[str, tuple[int, int]] = {}
    for block in attention_blocks(loaded):
        grid[block.kind] = (block.layer + 1, block.heads)
    return grid


def _head_count(config, kind: str, family: Family) -> int:
    names = ["num_attention_heads", "n_head", "num_heads", "n_heads"]
    if family == Family.ENCODER_DECODER:
        names.insert(0, "encoder_attention_heads" if kind == ENCODER_SELF else "decoder_attention_heads")
    for name in names:
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    raise WhyError(f"The config of this {config.model_type} model does not say how many heads it has.")


def residual_blocks(loaded) -> list[Block]:
    """The layers of the stack whose residual stream patching restores: the encoder for an encoder-decoder
    (both prompts are its input), otherwise the only stack."""
    import torch

    kind = DECODER_SELF if loaded.family == Family.DECODER else ENCODER_SELF
    selfs = [b.path for b in attention_blocks(loaded) if b.kind == kind]
    model = loaded.model
    for path, module in model.named_modules():
        if not isinstance(module, torch.nn.ModuleList) or len(module) != len(selfs):
            continue
        prefixes = [f"{path}.{i}." for i in range(len(module))]
        if all(s.startswith(p) for s, p in zip(selfs, prefixes)):
            return [
                Block(i, prefixes[i][:-1], selfs[i], _mlp_in(module[i], prefixes[i]))
                for i in range(len(module))
            ]
    raise WhyError(f"Cannot find the layers of this {loaded.config.model_type} model, so activations cannot be patched.")


def _mlp_in(block, prefix: str) -> str | None:
    for name, _module in block.named_modules():
        if name and _MLP_OUT.match(name):
            return prefix + name
    return None
