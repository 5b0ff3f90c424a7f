"""Attention probabilities recomputed from what a traced layer kept, exactly as eager attention makes them.

Eager attention (every `eager_attention_forward` in transformers) does, per head:
`softmax(q · kᵀ · scaling [→ tanh soft-cap] [+ position bias] + mask)`. The same steps run here in float32,
for any subset of heads, query rows and keys, so a view asks for exactly the rows it shows.
"""

from __future__ import annotations

from viz.core.trace_capture import LayerInputs


def probabilities(record: LayerInputs, heads: list[int] | range, rows: slice):
    """Attention of the given heads for query rows `rows`: torch `[head, row, key]` float32, on the device."""
    import torch

    return torch.softmax(masked_scores(record, heads, rows, slice(None)), dim=-1)  # [head, row, key]


def masked_scores(record: LayerInputs, heads, rows: slice, keys: slice):
    """Scores before the softmax, hidden keys set to the lowest float: torch `[head, row, key]` float32."""
    import torch

    heads = list(heads)
    kv_index = torch.tensor([h // record.groups for h in heads], device=record.query.device)
    query = record.query[heads, rows].float()  # [head, row, head_dim]
    key = record.key.index_select(0, kv_index)[:, keys].float()  # [head, key, head_dim]
    scores = torch.matmul(query, key.transpose(1, 2))  # [head, row, key]
    scores.mul_(record.scaling)
    if record.softcap is not None:
        scores.div_(record.softcap).tanh_().mul_(record.softcap)
    if record.position_bias is not None:
        scores.add_(record.position_bias[heads, rows, keys])
    lowest = torch.finfo(torch.float32).min
    if record.causal:  # only keys after the block's first row can be hidden: mask that corner alone
        start, stop, _ = rows.indices(record.query.shape[1])
        key_start, key_stop, _ = keys.indices(record.key.shape[1])
        corner = max(start, key_start)
        if corner < key_stop:
            visible = _causal_visible(start, stop, corner, key_stop, scores.device)  # [row, key - corner]
            scores[:, :, corner - key_start :].masked_fill_(~visible, lowest)
    elif record.mask is not None and record.mask.dtype == torch.bool:
        scores.masked_fill_(~record.mask[rows, keys], lowest)
    elif record.mask is not None:
        scores.add_(record.mask[rows, keys])  # an additive float mask
    return scores


def _causal_visible(start: int, stop: int, key_start: int, key_stop: int, device):
    """Causal visibility of query rows start … stop-1 over keys key_start … key_stop-1: `[row, key]` bool."""
    import torch

    query_positions = torch.arange(start, stop, device=device)[:, None]  # [row, 1]
    return torch.arange(key_start, key_stop, device=device)[None, :] <= query_positions


def visible_block(record: LayerInputs, rows: slice, key_multiple: int = 1):
    """For summaries: (first key, weights torch `[head, row, key]`) of every head over only the keys some row
    of the block may see (a causal block needs no later keys), from a multiple of `key_multiple`. The keys
    left out have weight 0 in every row of the block, so the softmax over the rest is the full one."""
    import torch

    first, stop = _visible_key_range(record, rows)
    first -= first % key_multiple
    scores = masked_scores(record, range(record.heads), rows, slice(first, stop))  # [head, row, key]
    return first, torch.softmax(scores, dim=-1)


def _visible_key_range(record: LayerInputs, rows: slice) -> tuple[int, int]:
    import torch

    n_query, n_key = record.query.shape[1], record.key.shape[1]
    start, stop, _ = rows.indices(n_query)
    if record.causal:
        return 0, min(n_key, stop)
    if record.mask is not None and record.mask.dtype == torch.bool:
        seen = record.mask[start:stop].any(dim=0).nonzero()  # keys any row may see
        if len(seen):
            return int(seen[0]), int(seen[-1]) + 1
    return 0, n_key


def _visible(record: LayerInputs, rows: slice, keys: slice, device):
    """Which keys each query row may attend to (`[row, key]` bool), or None when nothing is hidden."""
    import torch

    if record.mask is not None:
        return record.mask[rows, keys] if record.mask.dtype == torch.bool else None
    if not record.causal:
        return None
    start, stop, _ = rows.indices(record.query.shape[1])
    key_start, key_stop, _ = keys.indices(record.key.shape[1])
    return _causal_visible(start, stop, key_start, key_stop, device)  # [row, key]


def hidden_positions(record: LayerInputs, rows: slice | None = None):
    """Where this layer hides keys from queries: torch `[row, key]` bool (True = hidden), or None."""
    import torch

    rows = rows if rows is not None else slice(None)
    visible = _visible(record, rows, slice(None), record.query.device)
    if visible is not None:
        return ~visible
    if record.mask is not None:  # float mask: the large negative entries hide
        return record.mask[rows] <= torch.finfo(record.mask.dtype).min / 2
    return None
