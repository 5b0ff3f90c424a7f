"""Where a trace's attention comes from: recomputed per head from kept queries and keys, or read from arrays.

Both stores answer the same questions, so views never care which one a trace holds:
- `head(kind, layer, head)`: one `[query, key]` float32 matrix (a small cache keeps the recent ones);
- `layer(kind, layer)`: all heads of one layer, `[head, query, key]`;
- `blocks(kind, layer, rows)`: all heads of one layer a block of query rows at a time (torch, on the device),
  for summaries (overview, head patterns) that must never hold every head's full matrix at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Iterator

import numpy as np

from viz.core.trace_capture import LayerInputs
from viz.core.trace_recompute import hidden_positions, probabilities, visible_block

BLOCK_BYTES = 64 * 2**20  # one block of rows of every head of a layer, in float32
CACHE_ENTRIES = 8  # recent head matrices kept (at 2,048 tokens: 16 MiB each)


class AttentionStore:
    """The questions every store answers; subclasses fill in `_compute_head`, `_layer_rows` and `shape`."""

    def __init__(self):
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    kinds: tuple[str, ...] = ()

    def shape(self, kind: str) -> tuple[int, int, int, int]:  # (layer, head, query, key)
        raise NotImplementedError

    def groups(self, kind: str, layer: int = 0) -> int:
        """Query heads that share one key/value head (1 without grouped-query attention)."""
        return 1

    def hidden(self, kind: str, layer: int) -> np.ndarray | None:
        """Where the model hides keys from queries in this layer (`[query, key]` bool), or None."""
        return None

    def nbytes(self) -> int:
        return 0

    def head(self, kind: str, layer: int, head: int) -> np.ndarray:
        """One head's attention: `[query, key]` float32, read-only."""
        key = (kind, layer, head)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        matrix = self._compute_head(kind, layer, head)
        matrix.setflags(write=False)
        with self._lock:
            self._cache[key] = matrix
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return matrix

    def layer(self, kind: str, layer: int) -> np.ndarray:
        """All heads of one layer: `[head, query, key]` float32."""
        _, heads, n_query, n_key = self.shape(kind)
        out = np.empty((heads, n_query, n_key), dtype=np.float32)
        for start, block in self.blocks(kind, layer):
            out[:, start : start + block.shape[1]] = block.cpu().numpy()
        return out

    def blocks(self, kind: str, layer: int, multiple: int = 1) -> Iterator[tuple[int, object]]:
        """(first row, torch `[head, row, key]` float32) over all query rows; blocks hold a multiple of `multiple` rows."""
        _, heads, n_query, n_key = self.shape(kind)
        rows = max(1, BLOCK_BYTES // max(1, heads * n_key * 4))
        rows = max(multiple, rows - rows % multiple)
        for start in range(0, n_query, rows):
            yield start, self._layer_rows(kind, layer, slice(start, min(n_query, start + rows)))

    def head_reduce(self, kind: str, layer: int, how: str) -> np.ndarray:
        """Mean ("mean", summed in float64) or maximum ("max") over the heads of one layer: `[query, key]` float32."""
        import torch

        _, _, n_query, n_key = self.shape(kind)
        out = np.empty((n_query, n_key), dtype=np.float32)
        for start, block in self.blocks(kind, layer):  # block: torch [head, row, key]
            reduced = block.double().mean(dim=0) if how == "mean" else block.amax(dim=0)
            out[start : start + block.shape[1]] = reduced.float().cpu().numpy()
        return out

    def visible_blocks(self, kind: str, layer: int, multiple: int = 1, key_multiple: int = 1):
        """For one-pass summaries: (first row, first key, weights torch `[head, row, key]`) over all query rows.
        Keys before `first key` (a multiple of `key_multiple`) or after the block's last key have weight 0."""
        for start, block in self.blocks(kind, layer, multiple):
            yield start, 0, block

    def _compute_head(self, kind: str, layer: int, head: int) -> np.ndarray:
        raise NotImplementedError

    def _layer_rows(self, kind: str, layer: int, rows: slice):
        raise NotImplementedError


class CapturedAttention(AttentionStore):
    """Attention recomputed on demand from each layer's post-rotary queries and keys."""

    def __init__(self, records: dict[str, list[LayerInputs]]):
        super().__init__()
        self.records = records
        self.kinds = tuple(records)

    def shape(self, kind: str) -> tuple[int, int, int, int]:
        layers = self.records[kind]
        return (len(layers), *layers[0].shape)

    def groups(self, kind: str, layer: int = 0) -> int:
        return self.records[kind][layer].groups

    def hidden(self, kind: str, layer: int) -> np.ndarray | None:
        mask = hidden_positions(self.records[kind][layer])
        return None if mask is None else mask.cpu().numpy()

    def nbytes(self) -> int:
        return sum(r.nbytes() for layers in self.records.values() for r in layers)

    def _compute_head(self, kind: str, layer: int, head: int) -> np.ndarray:
        return probabilities(self.records[kind][layer], [head], slice(None))[0].cpu().numpy()  # [query, key]

    def visible_blocks(self, kind: str, layer: int, multiple: int = 1, key_multiple: int = 1):
        _, heads, n_query, n_key = self.shape(kind)
        rows = max(1, BLOCK_BYTES // max(1, heads * n_key * 4))
        rows = max(multiple, rows - rows % multiple)
        record = self.records[kind][layer]
        for start in range(0, n_query, rows):
            first, weights = visible_block(record, slice(start, min(n_query, start + rows)), key_multiple)
            yield start, first, weights

    def _layer_rows(self, kind: str, layer: int, rows: slice):
        record = self.records[kind][layer]
        return probabilities(record, range(record.heads), rows)  # [head, row, key]


class ArrayAttention(AttentionStore):
    """Attention held as full `[layer, head, query, key]` arrays: synthetic traces, and models whose
    attention does not go through transformers' AttentionInterface (then captured in eager mode)."""

    def __init__(self, arrays: dict[str, np.ndarray], hidden_masks: dict[str, np.ndarray] | None = None):
        super().__init__()
        self.arrays = {k: np.asarray(a, dtype=np.float32) for k, a in arrays.items()}  # kind -> [layer, head, q, k]
        for array in self.arrays.values():
            array.setflags(write=False)
        self.hidden_masks = hidden_masks or {}  # kind -> [query, key] bool
        self.kinds = tuple(self.arrays)

    def shape(self, kind: str) -> tuple[int, int, int, int]:
        return tuple(self.arrays[kind].shape)

    def hidden(self, kind: str, layer: int) -> np.ndarray | None:
        if kind in self.hidden_masks:
            return self.hidden_masks[kind]
        if kind == "decoder":  # DECODER_SELF: causal, later keys hidden
            _, _, n_query, n_key = self.arrays[kind].shape
            return np.triu(np.ones((n_query, n_key), dtype=bool), k=1)
        return None

    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.arrays.values())

    def head(self, kind: str, layer: int, head: int) -> np.ndarray:
        return self.arrays[kind][layer, head]  # a read-only view, no copy

    def layer(self, kind: str, layer: int) -> np.ndarray:
        return self.arrays[kind][layer]

    def _layer_rows(self, kind: str, layer: int, rows: slice):
        import torch

        return torch.from_numpy(np.array(self.arrays[kind][layer, :, rows]))  # a writable copy of the block

    def visible_blocks(self, kind: str, layer: int, multiple: int = 1, key_multiple: int = 1):
        """Views of the arrays, not copies (summaries only read them); a causal block leaves out the keys after
        its last row, which weigh 0."""
        _, heads, n_query, n_key = self.shape(kind)
        causal = kind == "decoder" and kind not in self.hidden_masks
        rows = max(1, BLOCK_BYTES // max(1, heads * n_key * 4))
        rows = max(multiple, rows - rows % multiple)
        for start in range(0, n_query, rows):
            stop = min(n_query, start + rows)
            yield start, 0, _read_only_tensor(self.arrays[kind][layer, :, start:stop, : min(n_key, stop) if causal else n_key])

    def head_reduce(self, kind: str, layer: int, how: str) -> np.ndarray:
        array = self.arrays[kind][layer]  # [head, query, key]
        reduced = array.mean(axis=0, dtype=np.float64) if how == "mean" else array.max(axis=0)
        return reduced.astype(np.float32)


def _read_only_tensor(view: np.ndarray):
    """A torch tensor sharing a read-only array's memory (torch warns that it could write; nothing here does)."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
        return torch.from_numpy(view)
