"""What the chart's marks mean, as text that follows the application font (projector-sized when presenting)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from viz.ui.sampling.chart import BEFORE_COLOR, CUT_COLOR, KEPT_COLOR, SAMPLED_COLOR


class ChartLegend(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.set_mode("probabilities")

    def set_mode(self, mode: str) -> None:
        # Each entry on one line (the label wraps only between entries), so no words of one seem to belong to another.
        swatch = "<span style='white-space:nowrap'><span style='color:{c}'>{s}</span>&nbsp;{t}</span>"
        logits = mode == "logits"
        kept = self.tr("logit ÷ temperature, kept") if logits else self.tr("after temperature, kept")
        before = self.tr("raw logit") if logits else self.tr("before temperature")
        parts = [
            swatch.format(c=KEPT_COLOR.name(), s="■", t=kept),
            swatch.format(c=CUT_COLOR.name(), s="▨", t=self.tr("cut by top-k / top-p")),
            swatch.format(c=BEFORE_COLOR.name(), s="◆", t=before),
        ]
        if not logits:
            parts.insert(2, swatch.format(c=SAMPLED_COLOR.name(), s="□", t=self.tr("drawn with (renormalised)")))
        self.setText("&nbsp;&nbsp;&nbsp; ".join(parts))


def distribution_rows(distribution, ids, labels) -> list[list]:
    """The candidates on screen as a CSV table (first row the header)."""
    d = distribution
    header = ["rank", "token", "token_id", "logit", "probability_before_temperature", "logit_over_temperature",
              "probability_after_temperature", "kept", "probability_sampled"]
    return [header] + [
        [i + 1, labels[i], int(t), float(d.logits[t]), float(d.base_probs[t]), float(d.scaled_logits[t]),
         float(d.tempered_probs[t]), bool(d.kept[t]), float(d.probs[t])]
        for i, t in enumerate(ids)
    ]
