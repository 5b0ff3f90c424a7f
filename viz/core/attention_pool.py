"""Downsampled attention for thumbnails: block pooling and one image holding every layer × head.

A 512-token trace of a 12 × 12 model holds 37 million weights; the overview needs at most
64 × 64 per head, so blocks of positions are pooled (max keeps a single sharp peak visible).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

THUMBNAIL_SIZE = 64


def block_edges(length: int, max_size: int = THUMBNAIL_SIZE) -> np.ndarray:
    """Start index of each block when `length` positions are pooled into at most `max_size` blocks."""
    return np.arange(0, length, _block(length, max_size))


def block_pool(values: np.ndarray, max_size: int = THUMBNAIL_SIZE, how: str = "max") -> np.ndarray:
    """Pool the last two axes (`[..., query, key]`) into at most `max_size` × `max_size` blocks.

    `how` is "max" (largest weight in the block) or "mean" (average weight in the block).
    """
    if how not in ("max", "mean"):
        raise KeyError(how)
    ufunc = np.maximum if how == "max" else np.add
    dtype = values.dtype if how == "max" else np.float64
    pooled = values
    for axis in (-2, -1):  # rows first: whole contiguous rows combine fastest
        block = _block(values.shape[axis], max_size)
        pooled = _pool_axis(pooled, axis, block, ufunc, dtype)
    if how == "mean":
        rows = _block_sizes(block_edges(values.shape[-2], max_size), values.shape[-2])
        cols = _block_sizes(block_edges(values.shape[-1], max_size), values.shape[-1])
        pooled = (pooled / np.outer(rows, cols)).astype(np.float32)
    return pooled


def _block(length: int, max_size: int) -> int:
    return max(1, -(-length // max_size))  # ceil


def _pool_axis(values: np.ndarray, axis: int, block: int, ufunc, dtype) -> np.ndarray:
    """Combine every `block` consecutive entries along `axis` with `ufunc` (the last block may be short).

    Strided slices combined in place are several times faster than `ufunc.reduceat` here.
    """
    if block == 1:
        return values.astype(dtype, copy=False)
    view = np.moveaxis(values, axis, 0)
    out = view[0::block].astype(dtype, copy=True)
    for offset in range(1, block):
        part = view[offset::block]
        ufunc(out[: len(part)], part, out=out[: len(part)])
    return np.moveaxis(out, 0, axis)


def pool_mask(mask: np.ndarray, max_size: int = THUMBNAIL_SIZE) -> np.ndarray:
    """Blocks whose every position is masked (`[query block, key block]` bool)."""
    pooled = mask
    for axis in (-2, -1):
        pooled = _pool_axis(pooled, axis, _block(mask.shape[axis], max_size), np.logical_and, bool)
    return pooled


def _block_sizes(edges: np.ndarray, length: int) -> np.ndarray:
    return np.diff(np.append(edges, length))


@dataclass(frozen=True)
class OverviewGrid:
    """All heads of one kind as one image: `values` is `[rows, cols]`, NaN in the gaps between cells.

    Cell (layer, head) covers rows `layer * pitch_y … + cell_rows` and columns `head * pitch_x … + cell_cols`.
    With `scale="row"` each row of a cell is divided by its largest weight, so the pattern (where each
    query looks most) shows whatever the sequence length; a causal head's first row always weighs 1
    and would otherwise wash out the rest. With `scale="head"` each cell is divided by its maximum.
    """

    values: np.ndarray  # [rows, cols] float32 in 0…1, NaN in gaps
    masked: np.ndarray  # [rows, cols] bool: blocks hidden by the causal mask
    layers: int
    heads: int
    cell_rows: int
    cell_cols: int
    gap: int
    head_max: np.ndarray  # [layer, head]: each head's largest weight

    @property
    def pitch_y(self) -> int:
        return self.cell_rows + self.gap

    @property
    def pitch_x(self) -> int:
        return self.cell_cols + self.gap

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(layer, head) under image coordinates (x along columns, y along rows), or None in a gap."""
        if x < 0 or y < 0:
            return None
        head, in_x = divmod(x, self.pitch_x)
        layer, in_y = divmod(y, self.pitch_y)
        if head >= self.heads or layer >= self.layers or in_x >= self.cell_cols or in_y >= self.cell_rows:
            return None
        return int(layer), int(head)


def overview_grid(
    attentions: np.ndarray,
    mask: np.ndarray | None = None,
    max_size: int = THUMBNAIL_SIZE,
    how: str = "max",
    scale: str = "row",
) -> OverviewGrid:
    """Pool every head of `[layer, head, query, key]` and lay them out in one layers × heads image."""
    thumbs = block_pool(attentions, max_size, how)  # [layer, head, query block, key block]
    # Block max keeps each head's largest weight; block mean does not, so look it up.
    head_max = thumbs.max(axis=(-2, -1)) if how == "max" else attentions.max(axis=(-2, -1))
    masked = pool_mask(mask, max_size) if mask is not None else None  # [query block, key block]
    return grid_from_pooled(thumbs, head_max, masked, scale)


def grid_from_pooled(
    thumbs: np.ndarray, head_max: np.ndarray, masked: np.ndarray | None = None, scale: str = "row"
) -> OverviewGrid:
    """Lay out pooled heads `[layer, head, query block, key block]` as one image.

    `masked`: blocks the model hides, `[query block, key block]` for every layer or `[layer, query block, key block]`.
    """
    layers, heads, cell_rows, cell_cols = thumbs.shape
    if scale == "row":
        divisor = thumbs.max(axis=-1, keepdims=True)  # [layer, head, query block, 1]
    elif scale == "head":
        divisor = thumbs.max(axis=(-2, -1))[:, :, None, None]
    else:
        raise KeyError(scale)
    thumbs = thumbs / np.where(divisor > 0, divisor, 1.0)
    gap = max(1, round(max(cell_rows, cell_cols) / 10))
    rows = layers * (cell_rows + gap) - gap
    cols = heads * (cell_cols + gap) - gap
    values = np.full((layers, cell_rows + gap, heads, cell_cols + gap), np.nan, dtype=np.float32)
    values[:, :cell_rows, :, :cell_cols] = thumbs.transpose(0, 2, 1, 3)  # [layer, q block, head, k block]
    values = values.reshape(layers * (cell_rows + gap), heads * (cell_cols + gap))[:rows, :cols]
    hidden = np.zeros((layers, cell_rows + gap, heads, cell_cols + gap), dtype=bool)
    if masked is not None:
        per_layer = np.broadcast_to(masked, (layers, cell_rows, cell_cols))  # [layer, q block, k block]
        hidden[:, :cell_rows, :, :cell_cols] = per_layer[:, :, None, :]
    masked_image = hidden.reshape(layers * (cell_rows + gap), heads * (cell_cols + gap))[:rows, :cols]
    return OverviewGrid(values, masked_image, layers, heads, cell_rows, cell_cols, gap, head_max.astype(np.float32))
