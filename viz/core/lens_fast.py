"""The lens's earlier layers on CPUs with AMX: the output head in bfloat16, the shown numbers rescored in float32.

Projecting every layer's residual through the output head is the lens's cost: for GPT-2 small at 512 tokens,
12 layers x 512 rows times a 768 x 50,257 head (0.5 TFLOP). On a CPU with Intel AMX, oneDNN runs that product
in bfloat16 about three times faster than in float32. The rounding must not reach the screen, so:
- the k + MARGIN best candidates come from the bfloat16 logits, and their logits are computed again in float32
  (`normed · W[id] + b`): the top k shown, their order and the focus token's logit are float32 values;
- the softmax normaliser (log Σ exp) adds the float32 candidates to the bfloat16 rest, whose rounding (a few
  thousandths of a logit, unbiased) moves the probabilities by well under 1 %;
- a focus token outside the candidates is ranked by counting the bfloat16 logits above its float32 logit, so
  its rank (beyond the top k) may be off by a few tokens whose logits tie within that rounding.
The model's own last layer never comes here: its row is projected in float32 and equals the model's logits.
The decision is made from the device (AMX present, a linear head on the CPU), not from a timing probe.
"""

from __future__ import annotations

import numpy as np

MARGIN = 3  # candidates beyond the top k rescored in float32, so a near-tie at rank k cannot hide the true k-th
CHUNK_ROWS = 128  # rows per head product: 128 x 50,257 bfloat16 logits (13 MB) stay in the CPU's caches
MIN_WORK = 1 << 24  # rows x vocabulary below which float32 is as fast (a small model's grid)


def bf16_head(loaded, arch, rows: int):
    """`(weight [vocab, d] bf16, weight fp32, bias fp32 or None, scale)` when the fast path applies, else None."""
    import torch

    from viz.core.lens_arch import unembedding

    if loaded.device != "cpu" or not _has_amx():
        return None
    head = unembedding(loaded.model)
    if head is None or head[0].dtype != torch.float32:
        return None
    weight, bias, scale = head
    if rows * weight.shape[0] < MIN_WORK:
        return None
    weight = weight.detach()
    # a copy for this grid only (77 MB for GPT-2 small, 20 ms to make): none is kept beside the model
    return weight.to(torch.bfloat16), weight, None if bias is None else bias.detach().float(), scale


def project_top_bf16(arch, model, head, flat, focus_rows: np.ndarray | None, k: int):
    """`_project_top`'s answer (top-k ids and probabilities, focus probability and rank per row) for the rows
    `flat [rows, d_model]`, with the head product in bfloat16 and every shown number rescored in float32."""
    import torch
    import torch.nn.functional as F

    weight_bf16, weight, bias, scale = head
    rows = flat.shape[0]
    top_ids = np.empty((rows, k), dtype=np.int64)
    top_probs = np.empty((rows, k), dtype=np.float32)
    focus_probs = np.empty(rows, dtype=np.float32)
    focus_ranks = np.empty(rows, dtype=np.int64)
    focus_t = torch.as_tensor(focus_rows) if focus_rows is not None else None  # [rows]
    n = min(k + MARGIN, weight.shape[0])
    with torch.inference_mode():
        for start in range(0, rows, CHUNK_ROWS):
            end = min(rows, start + CHUNK_ROWS)
            hidden = flat[start:end].float()
            normed = (arch.final_norm(hidden) if arch.final_norm is not None else hidden) * scale  # [c, d]
            rough = F.linear(normed.to(torch.bfloat16), weight_bf16)  # [c, vocab] bfloat16
            if bias is not None:
                rough = rough + bias.to(torch.bfloat16)
            cand_rough, cand_ids = rough.topk(n, dim=-1)  # [c, n]
            cand = _exact(normed, weight, bias, cand_ids)  # [c, n] float32
            order = cand.argsort(dim=-1, descending=True)
            cand, cand_ids, cand_rough = cand.gather(1, order), cand_ids.gather(1, order), cand_rough.gather(1, order)
            lse = _log_normaliser(rough, cand_rough, cand)  # [c, 1]
            top_ids[start:end] = cand_ids[:, :k].numpy()
            top_probs[start:end] = (cand[:, :k] - lse).exp().numpy()
            if focus_t is None:
                focus_probs[start:end], focus_ranks[start:end] = top_probs[start:end, 0], 0
                continue
            wanted = focus_t[start:end, None]  # [c, 1]
            focus_logit = _exact(normed, weight, bias, wanted)  # [c, 1]
            focus_probs[start:end] = (focus_logit - lse)[:, 0].exp().numpy()
            in_top = cand_ids[:, :k] == wanted  # [c, k]
            ranks = torch.where(in_top.any(-1), in_top.int().argmax(-1), -1)
            outside = (ranks < 0).nonzero()[:, 0]
            if len(outside):
                above = rough[outside] > focus_logit[outside].to(torch.bfloat16)  # [m, vocab]
                ranks[outside] = above.sum(-1, dtype=torch.int32).to(ranks.dtype)
            focus_ranks[start:end] = ranks.numpy()
    return top_ids, top_probs, focus_probs, focus_ranks


def _exact(normed, weight, bias, ids):
    """float32 logits of the tokens `ids [c, n]` for the rows `normed [c, d]`: `[c, n]`."""
    import torch

    logits = torch.einsum("cd,cnd->cn", normed, weight[ids])
    return logits + bias[ids] if bias is not None else logits


def _log_normaliser(rough, cand_rough, cand):
    """log Σ_v exp(logit_v) `[c, 1]`: the bfloat16 terms, summed in float32, with the candidates' terms swapped
    for their float32 values. The bfloat16 exponentials are computed in place (one pass over the chunk); the
    candidates' bfloat16 terms are computed the same way, so that they cancel exactly."""
    import torch

    shift = cand[:, :1].to(torch.bfloat16)  # the largest logit: exp() stays in range
    total = (rough - shift).exp_().sum(-1, keepdim=True, dtype=torch.float32)
    total = total - (cand_rough - shift).exp().sum(-1, keepdim=True, dtype=torch.float32)
    exact = (cand - shift.float()).exp().sum(-1, keepdim=True)
    return shift.float() + torch.log(exact + total.clamp_min(0))


def _has_amx() -> bool:
    """Intel AMX (bfloat16 tiles), which oneDNN uses for bfloat16 products. torch has no public query: its
    private `torch.cpu._is_amx_tile_supported` is used where present, and anything else means no."""
    import torch

    probe = getattr(torch.cpu, "_is_amx_tile_supported", None)
    return bool(probe()) if probe is not None else False
