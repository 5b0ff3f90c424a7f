"""The sorted logits and top labels of the last few positions the sampling lab showed: moving a slider redraws
from them instead of sorting a 50k-token row again."""

from __future__ import annotations

from collections import OrderedDict

from viz.core.sampling import rank_logits


class RankedRows:
    """`size` rows' RankedLogits and their top `labelled` labels, least recently used dropped first."""

    def __init__(self, size: int, labelled: int):
        self.size, self.labelled = size, labelled
        self._rows: OrderedDict = OrderedDict()  # id(row) -> (row, RankedLogits, top labels)

    def get(self, row, tokenizer):
        """`(ranked, labels)` of a logits row `[vocab]`."""
        from viz.core.generation import token_labels

        key = id(row)
        if key in self._rows:
            self._rows.move_to_end(key)
        else:
            ranked = rank_logits(row)
            labels = token_labels(tokenizer, ranked.top(self.labelled))
            self._rows[key] = (row, ranked, labels)  # the row is held so its id stays unique
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)
        _row, ranked, labels = self._rows[key]
        return ranked, labels

    def clear(self) -> None:
        self._rows.clear()
