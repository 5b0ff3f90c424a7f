"""A trace's hidden states, kept as the model made them (model dtype, on its device) and handed out as
float32 numpy one layer at a time."""

from __future__ import annotations

import numpy as np


class HiddenStates:
    """side ("encoder"/"decoder") -> per layer `[seq, d_model]`: the embeddings, then each layer's output."""

    def __init__(self, sides: dict[str, list]):
        self._sides = {side: list(layers) for side, layers in sides.items()}  # side -> [layer + 1] x [seq, d]

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(s for s in ("encoder", "decoder") if s in self._sides)

    def shape(self, side: str) -> tuple[int, int, int]:  # (layer + 1, seq, d_model)
        layers = self._sides[side]
        return (len(layers), *layers[0].shape)

    def layer(self, side: str, layer: int) -> np.ndarray:
        """`[seq, d_model]` float32 (read-only)."""
        state = self._sides[side][layer]
        if isinstance(state, np.ndarray):
            return state
        out = state.float().cpu().numpy()
        out.setflags(write=False)
        return out

    def stacked(self, side: str) -> np.ndarray:
        """Every layer at once: `[layer + 1, seq, d_model]` float32."""
        out = np.stack([self.layer(side, i) for i in range(len(self._sides[side]))])
        out.setflags(write=False)
        return out

    def nbytes(self) -> int:
        total = 0
        for layers in self._sides.values():
            for state in layers:
                total += state.nbytes if isinstance(state, np.ndarray) else state.numel() * state.element_size()
        return int(total)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> HiddenStates:
        """From `[layer + 1, seq, d_model]` arrays (synthetic traces)."""
        sides = {}
        for side, array in arrays.items():
            array = np.asarray(array, dtype=np.float32)
            array.setflags(write=False)
            sides[side] = list(array)
        return cls(sides)
