"""Drawing the output comparison: hidden-state error and attention difference per layer, KL per position."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from viz.ui.quantization.labels import FLIP_COLOR, SCHEME_COLORS, scheme_label

translate = QCoreApplication.translate
KL_COLOR = "#0072B2"


def _pen(plot, key: str, simulated: bool):
    return plot.pen(SCHEME_COLORS.get(key, "#888888"), dashed=simulated)  # dashed: simulated in float32


def draw_hidden(plot, result, side: str, cosine: bool) -> None:
    plot.clear()
    plot.plotItem.setLogMode(y=not cosine)
    plot.set_texts(left=translate("Quantization", "mean cosine similarity") if cosine
                   else translate("Quantization", "relative L2 error (log)"))
    for key, s in result.results.items():
        values = (s.hidden_cosine if cosine else s.hidden_rel_l2).get(side)
        if values is None:
            continue
        y = np.asarray(values, dtype=float)
        if not cosine:
            y = np.where(y > 0, y, np.nan)  # weight-only int8 leaves the embeddings exact: log(0) is not drawn
        plot.plot(np.arange(len(y)), y, pen=_pen(plot, key, s.simulated), symbol="o", symbolSize=plot.symbol_size(6),
                  symbolBrush=pg.mkBrush(SCHEME_COLORS.get(key, "#888888")), symbolPen=None,
                  connect="finite", name=scheme_label(key))


def draw_attention(plot, result, side: str) -> None:
    plot.clear()
    kinds = [side] + (["cross"] if side == "decoder" else [])
    for key, s in result.results.items():
        for kind in kinds:
            values = s.attention_tv.get(kind)
            if values is None:
                continue
            name = scheme_label(key)
            if kind == "cross":
                name = translate("Quantization", "{name}, cross-attention").format(name=name)
            plot.plot(np.arange(1, len(values) + 1), values, pen=_pen(plot, key, s.simulated),
                      symbol="t" if kind == "cross" else "o", symbolSize=plot.symbol_size(7),
                      symbolBrush=pg.mkBrush(SCHEME_COLORS.get(key, "#888888")), symbolPen=None, name=name)


def legend_html(result, side: str) -> str:
    """The legend of the two line charts: a scheme's colour, solid when it ran for real, dashed when simulated."""
    parts = []
    for key, s in result.results.items():
        stroke = "╍╍╍" if s.simulated else "━━━"
        color = SCHEME_COLORS.get(key, "#888888")
        name = html.escape(scheme_label(key)).replace(" ", "&nbsp;").replace("-", "\u2011")  # wraps as a whole
        parts.append(f'<span style="color:{color}; font-weight:bold">{stroke}</span>&nbsp;{name}')
    if side == "decoder" and any("cross" in s.attention_tv for s in result.results.values()):
        parts.append(html.escape(translate("Quantization", "● self-attention, ▲ cross-attention")))
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


def draw_kl(plot, result, key: str) -> None:
    plot.clear()
    s = result.results[key]
    if s.kl is None:
        return
    positions = np.arange(len(s.kl))
    flips = set(result.flips(key).tolist())
    brushes = [pg.mkBrush(FLIP_COLOR if i in flips else KL_COLOR) for i in positions]
    plot.addItem(pg.BarGraphItem(x=positions, height=s.kl, width=0.8, brushes=brushes, pen=None))
    token_ticks(plot, result.labels)
    plot.set_texts(title=translate("Quantization", "KL(float32 ‖ {scheme}) per position; red: top-1 flips").format(
        scheme=scheme_label(key)))


def result_tables(result) -> dict[str, list[list]]:
    """CSV tables: per-scheme summary, per-layer errors, per-position predictions."""
    summary = [["scheme", "simulated", "mean_kl", "top1_agreement", "flips", "copy_seconds", "run_seconds"]]
    layers = [["scheme", "part", "layer", "hidden_relative_l2", "hidden_cosine"]]
    attention = [["scheme", "kind", "layer", "attention_total_variation"]]
    tokens = [["scheme", "position", "token", "float32_top1", "scheme_top1", "kl", "flip"]]
    for key, s in result.results.items():
        has_kl = s.kl is not None
        summary.append([key, s.simulated, float(s.kl.mean()) if has_kl else "", result.agreement(key) if has_kl else "",
                        len(result.flips(key)) if has_kl else "", s.copy_seconds, s.run_seconds])
        for side, rel in s.hidden_rel_l2.items():
            for layer, (r, c) in enumerate(zip(rel, s.hidden_cosine[side])):
                layers.append([key, side, layer, float(r), float(c)])
        for kind, tv in s.attention_tv.items():
            for layer, value in enumerate(tv, start=1):
                attention.append([key, kind, layer, float(value)])
        if has_kl:
            flips = set(result.flips(key).tolist())
            for i, label in enumerate(result.labels):
                tokens.append([key, i, label, result.reference_top1_text[i], s.top1_text[i], float(s.kl[i]), i in flips])
    return {"quantization_summary": summary, "hidden_errors": layers, "attention_differences": attention,
            "token_predictions": tokens}


def token_ticks(plot, labels) -> None:
    """Token labels under the bars; every k-th one when they would overlap."""
    from PySide6.QtGui import QFont, QFontMetrics

    axis = plot.plotItem.getAxis("bottom")
    texts = [label.strip() or "␣" for label in labels]
    if not texts:
        axis.setTicks(None)
        return
    font = QFont(plot.font())
    font.setPointSizeF(plot.base_point_size() * plot.scale_factor)
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(t) for t in texts) + metrics.horizontalAdvance("  ")
    available = max(plot.width() - 80 * plot.scale_factor, 100)
    step = max(1, int(np.ceil(widest * len(texts) / available)))
    if step > 4:  # too crowded for words: numbered positions read better
        axis.setTicks(None)
        return
    axis.setTicks([[(i, texts[i]) for i in range(0, len(texts), step)]])
