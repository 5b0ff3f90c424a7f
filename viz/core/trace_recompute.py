"""Attention probabilities recomputed from what a traced layer kept, exactly as eager attention makes them.

Eager attention (every `eager_attention_forward` in transformers) does, per head:
`softmax(q · kᵀ · scaling [→ tanh soft-cap] [+ position bias] + mask)`. The same steps run here in float32,
for any subset of heads and query rows, so a view asks for exactly the rows it shows.
"""

from __future__ import annotations

from viz.core.trace_capture import LayerInputs


def probabilities(record: LayerInputs, heads: list[int] | range, rows: slice):
    """Attention of the given heads for query rows `rows`: torch `[head, row, key]` float32, on the device."""
    import torch

    heads = list(heads)
    kv_index = torch.tensor([h // record.groups for h in heads], device=record.query.device)
    query = record.query[heads, rows].float()  # [head, row, head_dim]
    key = record.key.index_select(0, kv_index).float()  # [head, key, head_dim]
    scores = torch.matmul(query, key.transpose(1, 2)) * record.scaling  # [head, row, key]
    if record.softcap is not None:
        scores = torch.tanh(scores / record.softcap) * record.softcap
    if record.position_bias is not None:
        scores = scores + record.position_bias[heads, rows].float()
    visible = _visible(record, rows, scores.shape[-1], scores.device)  # [row, key] bool or None
    if visible is not None:
        scores = scores.masked_fill(~visible, torch.finfo(torch.float32).min)
    elif record.mask is not None:
        scores = scores + record.mask[rows].float()  # an additive float mask
    return torch.softmax(scores, dim=-1)


def _visible(record: LayerInputs, rows: slice, n_key: int, device):
    """Which keys each query row may attend to (`[row, key]` bool), or None when nothing is hidden."""
    import torch

    if record.mask is not None:
        return record.mask[rows] if record.mask.dtype == torch.bool else None
    if not record.causal:
        return None
    start, stop, _ = rows.indices(record.query.shape[1])
    query_positions = torch.arange(start, stop, device=device)[:, None]  # [row, 1]
    return torch.arange(n_key, device=device)[None, :] <= query_positions  # [row, key]


def hidden_positions(record: LayerInputs, rows: slice | None = None):
    """Where this layer hides keys from queries: torch `[row, key]` bool (True = hidden), or None."""
    import torch

    rows = rows if rows is not None else slice(None)
    n_key = record.key.shape[1]
    visible = _visible(record, rows, n_key, record.query.device)
    if visible is not None:
        return ~visible
    if record.mask is not None:  # float mask: the large negative entries hide
        return record.mask[rows] <= torch.finfo(record.mask.dtype).min / 2
    return None
