"""The lens's earlier layers on a CPU: the output head a block of the vocabulary at a time, so that each block of
logits is read while it is still in the cache; on CPUs with AMX the product in bfloat16, rescored in float32.

Projecting every layer's residual through the output head is the lens's cost: for GPT-2 small at 512 tokens,
12 earlier rows of 512 times a 768 x 50,257 head (0.5 TFLOP), then three passes over the 310 million logits it
makes (the top tokens, the softmax normaliser, the focus token's rank). The passes cost more than the product
unless each block of logits is read at once. So, per chunk of rows:
- the head product is made one block of the vocabulary at a time (`[ROW_CHUNK, VOCAB_BLOCK]`, a few MB), and
  each block is read at once for the three running sums below;
- the softmax normaliser is shifted by the focus token's own float32 logit, which is known before the product
  (`normed · W[focus] + b`), so it needs no row maximum first: Σ exp(logit - focus) is summed block by block.
  A row where some logit exceeds the focus's by more than float32's exp range (88) is summed again with its
  own maximum; its focus probability is then below 1e-38 anyway;
- the focus token's rank (how many other tokens' logits exceed its own) is Σ sign(logit - focus), counted in
  the same pass: count(above) = (Σ sign + n) / 2 (a logit equal to the focus's counts as half, and a half is
  dropped); the focus token's own block logit, which can differ from its float32 logit by rounding, is then
  taken out of the count;
- the top tokens: each group of GROUP logits keeps its maximum; the k + MARGIN best candidates lie in the k +
  MARGIN groups with the largest maxima, and only those groups are searched (a full top-k over the vocabulary
  costs more than the product itself).

On a CPU with Intel AMX, oneDNN runs the product in bfloat16 about three times faster than in float32; the
rounding must not reach the screen, so the candidates' logits are computed again in float32: the top k shown,
their order and the focus token's probability are float32 values; in the normaliser the candidates' bfloat16
terms are swapped for float32 ones, and the rest's rounding (a few thousandths of a logit, unbiased) moves the
probabilities by well under 1 %. A focus token outside the candidates is ranked among bfloat16 logits, so its
rank (beyond the top k) may be off by a few tokens whose logits tie within that rounding. Without AMX the
blocks are float32 and every number is the float32 lens's, up to the order of summation.
The model's own last layer never comes here: its row is projected as the model does it and equals its logits.
The choice of bfloat16 is made from the device (AMX present), not from a timing probe.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MARGIN = 3  # candidates beyond the top k rescored in float32, so a near-tie at rank k cannot hide the true k-th
GROUP = 64  # logits per kept maximum, from which the candidates are found
VOCAB_BLOCK = 2048  # vocabulary entries per head product: [ROW_CHUNK, 2048] logits (4 MB in float32)
ROW_CHUNK = 384  # rows per pass over the vocabulary: a [384, 2048] float32 block (3 MB) stays in the L2 caches
MIN_WORK = 1 << 24  # rows x vocabulary below which the plain chunked projection is as fast (a small model's grid)
EXP_RANGE = 88.0  # exp(x) overflows float32 above this


@dataclass(frozen=True)
class BlockedHead:
    blocks: list  # weight blocks [VOCAB_BLOCK, d] in the product's dtype (the last padded to whole groups)
    bias_blocks: list | None  # the bias per block, or None
    weight: object  # [vocab, d] float32: the model's own
    bias: object  # [vocab] float32 or None
    scale: float
    vocab: int


def blocked_head(loaded, arch, rows: int) -> BlockedHead | None:
    """The head cut into blocks (bfloat16 where the CPU has AMX) when the blocked path applies, else None."""
    import torch

    from viz.core.lens_arch import unembedding

    if loaded.device != "cpu":
        return None
    head = unembedding(loaded.model)
    if head is None or head[0].dtype != torch.float32:
        return None
    weight, bias, scale = head
    vocab, d_model = weight.shape
    if rows * vocab < MIN_WORK:
        return None
    weight = weight.detach()
    bias = None if bias is None else bias.detach().float()
    dtype = torch.bfloat16 if _has_amx() else torch.float32
    padded = -(-vocab // GROUP) * GROUP
    # a copy for this grid only (77 MB for GPT-2 small in bfloat16, 20 ms to make): none is kept beside the model
    cut = torch.zeros(padded, d_model, dtype=dtype)
    cut[:vocab] = weight
    step = max(GROUP, VOCAB_BLOCK // GROUP * GROUP)
    bias_blocks = None
    if bias is not None:
        cut_bias = torch.zeros(padded, dtype=dtype)
        cut_bias[:vocab] = bias
        bias_blocks = list(cut_bias.split(step))
    return BlockedHead(list(cut.split(step)), bias_blocks, weight, bias, scale, vocab)


def project_top_blocked(arch, head: BlockedHead, flat, focus_rows: np.ndarray, k: int):
    """`_project_top`'s answer (top-k ids and probabilities, focus probability and rank per row) for the rows
    `flat [rows, d_model]` and their focus tokens `focus_rows [rows]`, a block of the vocabulary at a time."""
    import torch

    rows = flat.shape[0]
    out = (np.empty((rows, k), dtype=np.int64), np.empty((rows, k), dtype=np.float32),
           np.empty(rows, dtype=np.float32), np.empty(rows, dtype=np.int64))
    focus_t = torch.as_tensor(focus_rows)  # [rows]
    with torch.inference_mode():
        for start in range(0, rows, ROW_CHUNK):
            end = min(rows, start + ROW_CHUNK)
            hidden = flat[start:end].float()
            normed = (arch.final_norm(hidden) if arch.final_norm is not None else hidden) * head.scale  # [c, d]
            for part, values in zip(out, _chunk(head, normed, focus_t[start:end], k)):
                part[start:end] = values
    return out


def _chunk(head: BlockedHead, normed, focus, k: int):
    """One chunk of rows `normed [c, d]` with focus tokens `focus [c]`."""
    import torch
    import torch.nn.functional as F

    c = normed.shape[0]
    n = min(k + MARGIN, head.vocab)
    wanted = focus[:, None]  # [c, 1]
    focus_logit = _exact(normed, head.weight, head.bias, wanted)  # [c, 1] float32
    normed_cut = normed.to(head.blocks[0].dtype)
    total = torch.zeros(c, 1)  # Σ exp(logit - focus logit)
    signs = torch.zeros(c, 1)  # Σ sign(logit - focus logit)
    blocks = []  # per block of the vocabulary: its [c, b] logits, kept for the candidates' search
    maxima = []  # per block: [c, b / GROUP] each group's largest logit minus the focus's
    at = 0
    for i, weight in enumerate(head.blocks):
        logits = F.linear(normed_cut, weight, None if head.bias_blocks is None else head.bias_blocks[i])  # [c, b]
        width = logits.shape[1]
        if at + width > head.vocab:  # the padding of the last block: below every logit
            logits[:, head.vocab - at:] = float("-inf")
        blocks.append(logits)
        # [c, b] float32, a new tensor: the block's own logits are kept for the search
        above = logits - focus_logit if logits.dtype == torch.float32 else logits.float().sub_(focus_logit)
        maxima.append(above.view(c, -1, GROUP).amax(-1))
        signs += above.sign().sum(-1, keepdim=True)
        total += above.exp_().sum(-1, keepdim=True)
        at += width
    # the candidates: the n best block logits, found in the n groups with the largest maxima
    groups = torch.cat(maxima, 1).topk(min(n, at // GROUP), dim=-1).indices  # [c, n] (fewer in a tiny vocabulary)
    cand_rough, where = _gather(blocks, groups, GROUP).reshape(c, -1).topk(n, dim=-1)  # [c, n]
    cand_ids = groups.gather(1, where // GROUP) * GROUP + where % GROUP  # [c, n]
    cand = _exact(normed, head.weight, head.bias, cand_ids)  # [c, n] float32
    order = cand.argsort(dim=-1, descending=True)
    cand, cand_ids, cand_rough = cand.gather(1, order), cand_ids.gather(1, order), cand_rough.gather(1, order)
    # the normaliser, with the candidates' block terms swapped for float32 ones
    swapped = total - (cand_rough.float() - focus_logit).exp().sum(-1, keepdim=True)
    lse = focus_logit + torch.log((cand - focus_logit).exp().sum(-1, keepdim=True) + swapped.clamp_min(0))
    overflow = (~total.isfinite() | (cand[:, :1] - focus_logit > EXP_RANGE))[:, 0].nonzero()[:, 0]
    if len(overflow):  # some logit is e^88 times the focus's: sum those rows again from their own maximum
        lse[overflow] = _log_normaliser(head, normed[overflow])
    top_probs = (cand[:, :k] - lse).exp()
    focus_probs = (focus_logit - lse)[:, 0].exp()
    own = (_gather(blocks, wanted, 1)[:, :, 0].float() - focus_logit).sign()[:, 0]  # the focus's block logit against its own
    counted = ((signs[:, 0] - own + at - 1) // 2).to(torch.int64)  # other tokens' logits above the focus's
    in_top = cand_ids[:, :k] == wanted  # [c, k]
    ranks = torch.where(in_top.any(-1), in_top.int().argmax(-1).to(torch.int64), counted)
    return cand_ids[:, :k].numpy(), top_probs.numpy(), focus_probs.numpy(), ranks.numpy()


def _gather(blocks: list, spans, size: int):
    """The logits of the spans of `size` tokens numbered `spans [c, n]` across the whole vocabulary (span j holds
    tokens j * size …), from the per-block logits `blocks` (each `[c, b]`, all but the last of one width, a
    multiple of `size`): `[c, n, size]`, the blocks' dtype."""
    import torch

    c, n = spans.shape
    per_block = blocks[0].shape[1] // size
    out = torch.empty(c, n, size, dtype=blocks[0].dtype)
    block_of = spans // per_block
    for i, block in enumerate(blocks):
        rows, slots = (block_of == i).nonzero(as_tuple=True)
        if len(rows):
            out[rows, slots] = block.view(c, -1, size)[rows, spans[rows, slots] % per_block]
    return out


def _exact(normed, weight, bias, ids):
    """float32 logits of the tokens `ids [c, n]` for the rows `normed [c, d]`: `[c, n]`."""
    import torch

    logits = torch.einsum("cd,cnd->cn", normed, weight[ids])
    return logits + bias[ids] if bias is not None else logits


def _log_normaliser(head: BlockedHead, normed):
    """log Σ exp(logit) `[m, 1]` of a few rows, in float32 from the model's own head."""
    import torch
    import torch.nn.functional as F

    return torch.logsumexp(F.linear(normed, head.weight, head.bias), -1, keepdim=True)


def _has_amx() -> bool:
    """Intel AMX (bfloat16 tiles), which oneDNN uses for bfloat16 products. torch has no public query: its
    private `torch.cpu._is_amx_tile_supported` is used where present, and anything else means no."""
    import torch

    probe = getattr(torch.cpu, "_is_amx_tile_supported", None)
    return bool(probe()) if probe is not None else False
