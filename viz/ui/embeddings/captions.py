"""The words beside the pictures: axis titles and the sentence that says what is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject


class Captions(QObject):
    """`method` is the projection's name as the method list shows it; `shown` is 2 or 3 dimensions."""

    def axis_titles(self, projection, method: str) -> tuple[str, str]:
        if not projection.linear:
            return self.tr("{method} 1").format(method=method), self.tr("{method} 2").format(method=method)
        return tuple(
            self.tr("PC{n} ({share:.1f}% of the variance)").format(n=n + 1, share=100 * projection.explained[n])
            if n < len(projection.explained) else ""
            for n in range(2)
        )

    def layer_names(self, count: int) -> list[str]:
        """Names of the hidden-state depths: the embedding output, then layer 1 … count - 1."""
        return [self.tr("embedding")] + [self.tr("layer {n}").format(n=n) for n in range(1, count)]

    def dimensions(self, projection, shown: int, method: str) -> str:
        """'768-dim → 2-D by PCA; the two components explain 4.1% of the variance (PC1 2.3%, PC2 1.8%).'"""
        if not projection.linear:
            return self.tr(
                "{d}-dim → {k}-D by {method}, a non-linear map: near neighbours stay near, but the axes and the "
                "distances between far-apart groups mean nothing."
            ).format(d=projection.source_dim, k=shown, method=method)
        parts = ", ".join(
            self.tr("PC{n} {share:.1f}%").format(n=n + 1, share=100 * v) for n, v in enumerate(projection.explained[:shown])
        )
        if shown == 3:
            sentence = self.tr("{d}-dim → 3-D by PCA; the three components explain {total:.1f}% of the variance ({parts}).")
        else:
            sentence = self.tr("{d}-dim → 2-D by PCA; the two components explain {total:.1f}% of the variance ({parts}).")
        return sentence.format(d=projection.source_dim, total=100 * projection.explained_total(shown), parts=parts)

    def vocabulary(self, projection, rows: int, shown: int, method: str) -> str:
        return " ".join((
            self.tr("{n} vocabulary entries, one point each.").format(n=f"{rows:,}"),
            self.dimensions(projection, shown, method),
            self.tr("Orange: the prompt's tokens. Magenta: the selected token's nearest neighbours "
                    "(cosine similarity in all {d} dimensions).").format(d=projection.source_dim),
        ))

    def paths(self, projection, tokens: int, unit_length: bool, shown: int) -> str:
        layers = projection.coords.shape[0]
        parts = [
            self.tr("{t} tokens at {l} depths (the embedding output and {b} layers), all in one PCA space fitted "
                    "on every depth's vectors together.").format(t=tokens, l=layers, b=layers - 1),
            self.dimensions(projection, shown, "PCA"),
            self.tr("Dot colour: depth, from dark (embedding output) to yellow (last layer)."),
        ]
        if unit_length:
            parts.append(self.tr("Every vector was scaled to length 1: only directions count."))
        return " ".join(parts)
