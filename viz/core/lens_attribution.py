"""Direct logit attribution: how much each attention head and MLP adds to one token's logit at one position.

In a pre-norm transformer the last residual is a sum: embeddings + every head's output + every attention
output bias + every MLP's output. The final norm is linear once its scale (the standard deviation, or the
root mean square, of that last residual) is frozen at its actual value, so each part's share of the logit is
`u · (gamma * centre(part) / scale)` with `u` the token's unembedding row. The shares plus the norm's own
bias term and the head's bias add up to the logit exactly (up to float rounding).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.errors import UnsupportedModelError
from viz.core.lens import LensRequest, encode_inputs
from viz.core.lens_arch import lens_arch, unembedding
from viz.core.lens_capture import run_body


@dataclass(frozen=True)
class AttributionRequest:
    text: str
    position: int
    token_id: int
    decoder_ids: tuple[int, ...] | None = None  # encoder-decoder: the decoder's inputs


@dataclass(frozen=True)
class AttributionResult:
    position: int
    token_id: int
    columns: tuple[str, ...]  # "H0" … "Hn-1" (self-attention heads), "X0" … (cross-attention), "MLP"
    contributions: np.ndarray  # [layer, column] share of the logit; NaN where a layer has no such part
    embedding: float  # the embeddings' share (token and position)
    attention_biases: float  # the attention output projections' biases, summed over layers
    norm_bias: float  # u · beta of the final LayerNorm (0 for RMS norms)
    head_bias: float  # the output head's bias for the token (0 when it has none)
    norm_scale: float  # the frozen scale: sqrt(var + eps) (LayerNorm) or sqrt(mean square + eps) (RMS)
    norm_kind: str  # "LayerNorm" or "RMSNorm"
    logit: float  # the model's own logit for the token at the position

    @property
    def total(self) -> float:
        """The sum of every share; equals `logit`."""
        parts = np.nansum(self.contributions) + self.embedding + self.attention_biases
        return float(parts + self.norm_bias + self.head_bias)

    def self_head_count(self) -> int:
        return sum(1 for c in self.columns if c.startswith("H"))


def run_attribution(loaded, request: AttributionRequest) -> AttributionResult:
    import torch

    arch = lens_arch(loaded)
    head = unembedding(loaded.model) if arch.pre_norm else None
    if not arch.pre_norm or arch.final_norm is None or head is None:
        raise UnsupportedModelError(
            f"Direct logit attribution needs a pre-norm model whose layers add into one residual stream "
            f"(GPT-2, Llama, Qwen, BLOOM, T5); '{loaded.config.model_type}' normalises after every layer, "
            "so its parts do not add up to the logit."
        )
    lens_request = LensRequest(request.text, request.decoder_ids)
    input_ids, decoder_ids = encode_inputs(loaded, lens_request)
    seq = (decoder_ids if decoder_ids is not None else input_ids).shape[1]
    if not 0 <= request.position < seq:
        raise UnsupportedModelError(f"Position {request.position} is outside the text ({seq} tokens).")
    p = request.position
    captured = run_body(loaded, arch, input_ids, decoder_ids, position=p)
    weight, bias, scale = head
    with torch.inference_mode():
        x = captured.residuals[-1][p].float()  # [d_model]
        u = weight[request.token_id].float() * scale  # [d_model]
        gamma, beta, norm_scale, centre, kind = _frozen_norm(arch.final_norm, x)
        read = gamma * u / norm_scale  # [d_model]: the logit's linear read-out of a residual part

        def share(part) -> float:
            part = part.float()
            return float(read @ (part - part.mean() if centre else part))

        has_cross = any(parts.cross_out is not None for parts in arch.parts)
        heads = arch.head_count
        columns = [f"H{h}" for h in range(heads)] + ([f"X{h}" for h in range(heads)] if has_cross else []) + ["MLP"]
        grid = np.full((len(arch.parts), len(columns)), np.nan, dtype=np.float64)  # [layer, column]
        biases = 0.0
        for layer, parts in enumerate(arch.parts):
            for offset, kind_name, module in ((0, "self", parts.self_out), (heads, "cross", parts.cross_out)):
                if module is None:
                    continue
                per_head = _head_outputs(module, captured.heads[(layer, kind_name)], heads)  # [head, d_model]
                for h in range(heads):
                    grid[layer, offset + h] = share(per_head[h])
                if getattr(module, "bias", None) is not None:
                    biases += share(module.bias)
            if layer in captured.mlp:
                grid[layer, -1] = share(captured.mlp[layer])
        embedding = share(captured.residuals[0][p])
        norm_bias = float(u @ beta.float()) if beta is not None else 0.0
        head_bias = float(bias[request.token_id]) if bias is not None else 0.0
        logit = float(arch.project(loaded.model, captured.residuals[-1][p : p + 1])[0, request.token_id])
    return AttributionResult(
        position=p, token_id=request.token_id, columns=tuple(columns), contributions=grid.astype(np.float32),
        embedding=embedding, attention_biases=biases, norm_bias=norm_bias, head_bias=head_bias,
        norm_scale=float(norm_scale), norm_kind=kind, logit=logit,
    )


def _frozen_norm(norm, x):
    """(gamma, beta, scale, centres?, kind) of the final norm evaluated at the last residual `x`."""
    import torch

    weight = norm.weight.float()
    if isinstance(norm, torch.nn.LayerNorm):
        scale = torch.sqrt(x.var(unbiased=False) + norm.eps)
        return weight, norm.bias, scale, True, "LayerNorm"
    eps = getattr(norm, "variance_epsilon", None) or getattr(norm, "eps", None) or 1e-6
    if type(norm).__name__.startswith("Gemma"):  # Gemma scales by (1 + weight)
        weight = 1.0 + weight
    return weight, None, torch.sqrt(x.pow(2).mean() + eps), False, "RMSNorm"


def _head_outputs(module, z, heads: int):
    """Each head's output after the output projection, without its bias: `[head, d_model]`.

    `z` `[heads * d_head]` is the projection's input; GPT-2's Conv1D stores its weight as `[in, out]`,
    nn.Linear as `[out, in]`.
    """
    weight = module.weight.float()
    z = z.float().reshape(heads, -1)  # [head, d_head]
    if type(module).__name__ == "Conv1D":
        return (z[:, :, None] * weight.reshape(heads, -1, weight.shape[1])).sum(1)
    return (z[:, None, :] * weight.reshape(weight.shape[0], heads, -1).permute(1, 0, 2)).sum(-1)
