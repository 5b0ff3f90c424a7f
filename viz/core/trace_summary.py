"""One pass over every head of a kind, a block of query rows at a time, on the model's device: the pooled
thumbnails the overview draws, each head's largest weight, which blocks the model hides, and the few
entries per row that the head patterns score. No moment holds more than one block of one layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.attention_pool import THUMBNAIL_SIZE, _block


@dataclass(frozen=True)
class AttentionSummary:
    pooled: np.ndarray  # [layer, head, query block, key block] float32: block max or mean
    head_max: np.ndarray  # [layer, head] float32: each head's largest weight
    masked: np.ndarray | None  # [layer, query block, key block] bool: blocks the model hides entirely
    previous: np.ndarray  # [layer, head, query]: weight on key q-1 (0 for q = 0)
    following: np.ndarray  # [layer, head, query]: weight on key q+1 (0 for the last query)
    first: np.ndarray  # [layer, head, query]: weight on key 0
    itself: np.ndarray  # [layer, head, query]: weight on key q (self-attention only)


def summarise(
    store, kind: str, max_size: int = THUMBNAIL_SIZE, how: str = "max", layers: int | None = None
) -> AttentionSummary:
    """`layers`: only the first so many layers (for measuring); all by default."""
    import torch

    if how not in ("max", "mean"):
        raise KeyError(how)
    all_layers, heads, n_query, n_key = store.shape(kind)
    layers = all_layers if layers is None else min(layers, all_layers)
    row_block, key_block = _block(n_query, max_size), _block(n_key, max_size)
    q_blocks, k_blocks = -(-n_query // row_block), -(-n_key // key_block)
    pooled = np.zeros((layers, heads, q_blocks, k_blocks), dtype=np.float32)  # blocks no row can see stay 0
    head_max = np.zeros((layers, heads), dtype=np.float32)  # weights are >= 0
    diagonals = {name: np.zeros((layers, heads, n_query), dtype=np.float32) for name in ("prev", "next", "first", "self")}
    masked = np.zeros((layers, q_blocks, k_blocks), dtype=bool)
    any_masked = False
    square = n_query == n_key
    with torch.inference_mode():
        for layer in range(layers):
            for start, first_key, weights in store.visible_blocks(kind, layer, row_block, key_block):
                # weights: [head, row, key] for keys first_key …; the keys left out weigh 0
                rows = weights.shape[1]
                _diagonals(diagonals, layer, weights, start, first_key, n_key, square)
                block_rows = slice(start // row_block, start // row_block + -(-rows // row_block))
                block_keys = slice(first_key // key_block, first_key // key_block + -(-weights.shape[2] // key_block))
                values, maxima = _pool(weights, row_block, key_block, how)
                pooled[layer, :, block_rows, block_keys] = values
                np.maximum(head_max[layer], maxima, out=head_max[layer])
            hidden = store.hidden(kind, layer)  # [query, key] bool or None
            if hidden is not None:
                any_masked = True
                masked[layer] = _pool_hidden(torch.as_tensor(hidden), row_block, key_block).numpy()
    if how == "mean":  # the sums become means over each block as the full axes cut them
        row_sizes = np.minimum(row_block, n_query - np.arange(0, n_query, row_block))
        key_sizes = np.minimum(key_block, n_key - np.arange(0, n_key, key_block))
        pooled /= np.outer(row_sizes, key_sizes)
    return AttentionSummary(
        pooled, head_max, masked if any_masked else None,
        diagonals["prev"], diagonals["next"], diagonals["first"], diagonals["self"],
    )


def _pool(weights, row_block: int, key_block: int, how: str):
    """Pool `[head, row, key]` into `[head, row block, key block]` (block max, or block sum for the mean;
    the last blocks may be short), and each head's largest weight."""
    import torch

    heads, rows, keys = weights.shape
    if how == "max":  # a pooling kernel: three times faster than a reduction over a reshaped view on a CPU
        pooled = torch.nn.functional.max_pool2d(weights.unsqueeze(1), (row_block, key_block), ceil_mode=True)[:, 0]
        return pooled.cpu().numpy(), pooled.amax(dim=(1, 2)).cpu().numpy()  # short last blocks: ceil_mode
    maxima = weights.amax(dim=(1, 2)).cpu().numpy()
    values = weights.double()
    if keys % key_block or rows % row_block:
        values = torch.nn.functional.pad(values, (0, -keys % key_block, 0, -rows % row_block))  # weights >= 0: pad 0
    values = values.reshape(heads, values.shape[1] // row_block, row_block, values.shape[2] // key_block, key_block)
    return values.sum(dim=(2, 4)).cpu().numpy(), maxima


def _pool_hidden(hidden, row_block: int, key_block: int):
    """Blocks whose every position is hidden: `[query, key]` bool -> `[query block, key block]` bool."""
    import torch

    rows, keys = hidden.shape
    padded = torch.nn.functional.pad(hidden, (0, -keys % key_block, 0, -rows % row_block), value=True)
    shaped = padded.reshape(padded.shape[0] // row_block, row_block, padded.shape[1] // key_block, key_block)
    return shaped.all(dim=3).all(dim=1).cpu()


def _diagonals(out: dict, layer: int, weights, start: int, first_key: int, n_key: int, square: bool) -> None:
    """The weights on keys q-1, q+1, 0 and q for the block's query rows q = start … start + rows - 1."""
    heads, rows, keys = weights.shape
    block = slice(start, start + rows)
    if first_key == 0:
        out["first"][layer, :, block] = weights[:, :, 0].cpu().numpy()
    if not square:
        return
    for name, shift in (("prev", -1), ("self", 0), ("next", 1)):
        # Row i of the block is query start + i; key start + i + shift sits in column start - first_key + i + shift.
        offset = start - first_key + shift
        diagonal = weights.diagonal(offset=offset, dim1=1, dim2=2)  # [head, rows that reach it]
        first_row = max(0, -offset)
        count = diagonal.shape[-1]
        out[name][layer, :, start + first_row : start + first_row + count] = diagonal.cpu().numpy()
