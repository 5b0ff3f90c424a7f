"""The sentences of the Side by side page: captions and one-line notes, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from viz.core.trace_types import CROSS
from viz.ui.lens.text import quoted
from viz.ui.numbers import decimal, integer


class SideTexts(QObject):
    def tokens_note(self, pair) -> str:
        a = sum(int(section.differs.sum()) for section in pair.chips_a)
        b = sum(int(section.differs.sum()) for section in pair.chips_b)
        if not a and not b:
            return self.tr("Both runs read the same tokens.")
        return self.tr("Orange outline: another token at that position in the other run ({a} in A, {b} in B)."
                       ).format(a=integer(a), b=integer(b))

    def tokens_hint(self) -> str:
        return self.tr("Click a chip to choose that position.")

    def no_attention(self) -> str:
        return self.tr("These runs have no attention to show.")

    def axis_titles(self, kind: str) -> tuple[str, str]:
        if kind == CROSS:
            return self.tr("query: output token"), self.tr("key: input token")
        return self.tr("query"), self.tr("key")

    def head_note(self, difference: float | None) -> str:
        if difference is None:
            return self.tr("The runs read different tokens, so the heads are not compared cell by cell.")
        return self.tr("Total variation between the two heads: {tv} (0 alike, 1 disjoint; mean over the queries)."
                       ).format(tv=decimal(difference, 4))

    def next_note(self, comparison, position: int, family: str) -> str:
        c = comparison
        where = self.tr("Position {p}: {a} in A, {b} in B").format(
            p=integer(position + 1), a=quoted(c.tokens_a[position]), b=quoted(c.tokens_b[position]))
        if family == "encoder":
            where += " " + self.tr("(masked-LM: the token each run would put here)")
        kl = self.tr("KL(A ‖ B) {kl} nats").format(kl=decimal(float(c.kl[position]), 4))
        if c.flips[position]:
            top = self.tr("top-1 flips: {a} → {b}").format(a=quoted(c.top1_labels_a[position]),
                                                            b=quoted(c.top1_labels_b[position]))
        else:
            top = self.tr("the same top-1 token {a}").format(a=quoted(c.top1_labels_a[position]))
        return " · ".join((where, kl, top))

    def lens_captions(self, captions: tuple[str, str], results: tuple, error: str) -> tuple[str, str]:
        out = []
        for caption, result in zip(captions, results):
            if result is None:
                out.append(caption + " · " + (error or self.tr("no lens for this run")))
            elif not result.complete:
                out.append(caption + " · " + self.tr("the first {n} of {total} positions").format(
                    n=integer(len(result.tokens)), total=integer(result.total_positions)))
            else:
                out.append(caption)
        return out[0], out[1]

    def lens_note(self, results: tuple) -> str:
        note = self.tr("Each cell: the top token that layer would predict, brighter when more likely. "
                       "The two grids scroll together.")
        if any(result is not None and not result.complete for result in results):
            note += " " + self.tr("Only the first positions fit: the Lens tab shows the whole text.")
        return note
