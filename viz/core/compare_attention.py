"""How differently two runs of the same tokens attend: per layer and head, the total variation distance between
their attention rows, averaged over the query positions.

For one query row, TV(a, b) = ½ Σ_k |a_k − b_k|: 0 when both heads spread their weight alike, 1 when they look at
disjoint tokens. Rows are read a block at a time from each trace's attention store, so no moment holds every
head's full matrix (see `trace_attention`).
"""

from __future__ import annotations

import numpy as np

from viz.core.compare import CompareError


def attention_difference(trace_a, trace_b, kind: str) -> np.ndarray:
    """`[layer, head]` float64: mean over query rows of TV(row of A, row of B) for attention `kind`."""
    shape_a, shape_b = trace_a.attention_shape(kind), trace_b.attention_shape(kind)
    if shape_a != shape_b:
        raise CompareError(f"The two runs attend in different shapes ({_shape(shape_a)} against {_shape(shape_b)}), "
                           "so their heads cannot be compared one by one.")
    layers, heads, queries, _keys = shape_a
    out = np.zeros((layers, heads), dtype=np.float64)
    if not queries:
        return out
    store_a, store_b = trace_a.attention_store, trace_b.attention_store
    for layer in range(layers):
        total = None
        for (start, block_a), (_, block_b) in zip(store_a.blocks(kind, layer), store_b.blocks(kind, layer)):
            rows = 0.5 * (block_a - block_b.to(block_a.device)).abs().sum(dim=-1)  # [head, row]
            part = rows.double().sum(dim=-1)  # [head]
            total = part if total is None else total + part
        out[layer] = (total / queries).cpu().numpy()
    return out


def _shape(shape: tuple[int, int, int, int]) -> str:
    layers, heads, queries, keys = shape
    return f"{layers}×{heads} heads over {queries}×{keys} tokens"
