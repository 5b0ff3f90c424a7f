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


def summarise(store, kind: str, max_size: int = THUMBNAIL_SIZE, how: str = "max") -> AttentionSummary:
    import torch

    if how not in ("max", "mean"):
        raise KeyError(how)
    layers, heads, n_query, n_key = store.shape(kind)
    row_block, key_block = _block(n_query, max_size), _block(n_key, max_size)
    q_blocks, k_blocks = -(-n_query // row_block), -(-n_key // key_block)
    pooled = np.empty((layers, heads, q_blocks, k_blocks), dtype=np.float32)
    head_max = np.zeros((layers, heads), dtype=np.float32)  # weights are >= 0
    diagonals = {name: np.zeros((layers, heads, n_query), dtype=np.float32) for name in ("prev", "next", "first", "self")}
    masked = np.zeros((layers, q_blocks, k_blocks), dtype=bool)
    any_masked = False
    square = n_query == n_key
    with torch.inference_mode():
        for layer in range(layers):
            for start, block in store.blocks(kind, layer, multiple=row_block):  # block: [head, row, key]
                rows = block.shape[1]
                first_block = start // row_block
                pooled_rows = _pool(block, row_block, key_block, how)  # [head, row block, key block]
                pooled[layer, :, first_block : first_block + pooled_rows.shape[1]] = pooled_rows
                np.maximum(head_max[layer], block.amax(dim=(1, 2)).cpu().numpy(), out=head_max[layer])
                _diagonals(diagonals, layer, block, start, rows, square)
            hidden = store.hidden(kind, layer)  # [query, key] bool or None
            if hidden is not None:
                any_masked = True
                masked[layer] = _pool_hidden(torch.as_tensor(hidden), row_block, key_block).numpy()
    return AttentionSummary(
        pooled, head_max, masked if any_masked else None,
        diagonals["prev"], diagonals["next"], diagonals["first"], diagonals["self"],
    )


def _pool(block, row_block: int, key_block: int, how: str):
    """Pool `[head, row, key]` into `[head, ceil(row / row_block), ceil(key / key_block)]` blocks (last ones short)."""
    import torch

    heads, rows, keys = block.shape
    pad_rows, pad_keys = -rows % row_block, -keys % key_block
    values = block.double() if how == "mean" else block
    values = torch.nn.functional.pad(values, (0, pad_keys, 0, pad_rows))  # weights are >= 0: zero padding is safe
    values = values.reshape(heads, (rows + pad_rows) // row_block, row_block, (keys + pad_keys) // key_block, key_block)
    if how == "max":
        return values.amax(dim=(2, 4)).cpu().numpy()
    sums = values.sum(dim=(2, 4)).cpu().numpy()  # [head, row block, key block]
    row_sizes = np.minimum(row_block, rows - np.arange(0, rows, row_block))
    key_sizes = np.minimum(key_block, keys - np.arange(0, keys, key_block))
    return (sums / np.outer(row_sizes, key_sizes)).astype(np.float32)


def _pool_hidden(hidden, row_block: int, key_block: int):
    """Blocks whose every position is hidden: `[query, key]` bool -> `[query block, key block]` bool."""
    import torch

    rows, keys = hidden.shape
    padded = torch.nn.functional.pad(hidden, (0, -keys % key_block, 0, -rows % row_block), value=True)
    shaped = padded.reshape(padded.shape[0] // row_block, row_block, padded.shape[1] // key_block, key_block)
    return shaped.all(dim=3).all(dim=1).cpu()


def _diagonals(out: dict, layer: int, block, start: int, rows: int, square: bool) -> None:
    """The weights on keys q-1, q+1, 0 and q for the block's query rows q = start … start + rows - 1."""
    import torch

    n_key = block.shape[2]
    q = torch.arange(start, start + rows, device=block.device)
    local = torch.arange(rows, device=block.device)
    out["first"][layer, :, start : start + rows] = block[:, :, 0].cpu().numpy()
    if not square:
        return
    out["self"][layer, :, start : start + rows] = block[:, local, q].cpu().numpy()
    has_prev = q >= 1
    out["prev"][layer, :, start : start + rows][:, has_prev.cpu().numpy()] = (
        block[:, local[has_prev], q[has_prev] - 1].cpu().numpy()
    )
    has_next = q + 1 < n_key
    out["next"][layer, :, start : start + rows][:, has_next.cpu().numpy()] = (
        block[:, local[has_next], q[has_next] + 1].cpu().numpy()
    )
