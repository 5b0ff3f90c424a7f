"""A trace's numbers as files: `trace.npz` (numpy arrays), `summary.json` fields, and tables as CSV.

`trace.npz` holds full `[layer, head, query, key]` attention and `[position, vocab]` logits when they fit in
`FULL_ARRAY_BYTES`. Longer inputs get one `[head, query, key]` entry per layer (`attention_<kind>_layer<NN>`,
NN counted from 1), written one layer at a time, and each position's top candidates and entropy instead of
full logits. The file is written entry by entry, so at most one layer is in memory.
"""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from viz.core.errors import InputTextError

FULL_ARRAY_BYTES = 512 * 2**20  # larger attention (all layers of a kind) or logits are written in parts


@dataclass(frozen=True)
class TraceExport:
    path: Path
    shapes: dict  # entry name -> shape written
    per_layer: bool  # attention written one entry per layer
    notes: tuple[str, ...]  # what a person should know (written per layer, logits left out)


def write_trace(trace, path: str | Path, layers: tuple[int, ...] | None = None) -> TraceExport:
    """Write `trace.npz`. `layers` (0-based) limits the attention to those layers, one entry per layer."""
    path = Path(path)
    shapes, notes = {}, []
    full = layers is None and all(
        np.prod(trace.attention_shape(kind)) * 4 <= FULL_ARRAY_BYTES for kind in trace.kinds
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        def put(name: str, array: np.ndarray) -> None:
            with archive.open(f"{name}.npy", "w", force_zip64=True) as handle:
                np.lib.format.write_array(handle, np.asanyarray(array), allow_pickle=False)
            shapes[name] = list(np.shape(array))

        for kind in trace.kinds:
            count, heads, n_query, n_key = trace.attention_shape(kind)
            if full:
                stacked = np.stack([trace.attention_layer(kind, layer) for layer in range(count)])
                put(f"attention_{kind}", stacked)  # [layer, head, query, key]
                continue
            for layer in layers if layers is not None else range(count):
                if not 0 <= layer < count:
                    raise InputTextError(f"Layer {layer + 1} does not exist: {kind} attention has {count} layers.")
                put(f"attention_{kind}_layer{layer + 1:02d}", trace.attention_layer(kind, layer))  # [head, q, k]
        if not full:
            notes.append(
                "Attention is written one entry per layer (attention_<kind>_layerNN, [head, query, key])"
                + (" for the layers asked for." if layers is not None else ": all layers at once would not fit.")
            )
        for side in trace.hidden_sides:
            put(f"hidden_{side}", trace.hidden_store.stacked(side))  # [layer + 1, seq, d_model]
        put("input_ids", np.array([t.id for t in trace.tokens], dtype=np.int64))
        put("input_offsets", np.array([[t.start, t.end] for t in trace.tokens], dtype=np.int64).reshape(-1, 2))
        if trace.output_tokens:
            put("output_ids", np.array([t.id for t in trace.output_tokens], dtype=np.int64))
        if trace.has_logits:
            top = trace.top_candidates
            positions = top.ids.shape[0]
            if positions * trace.vocab_size * 4 <= FULL_ARRAY_BYTES:
                put("logits", trace.logits_rows(range(positions)))  # [position, vocab]
            else:
                put("top_ids", top.ids)  # [position, k]
                put("top_logits", top.logits)
                put("top_probs", top.probs)
                put("entropy", top.entropy)  # [position]
                notes.append("Full logits would not fit; each position's top candidates and entropy are written.")
    return TraceExport(path, shapes, not full, tuple(notes))


def summary(trace, export: TraceExport | None = None) -> dict:
    """What `summary.json` says about a trace (and what its `trace.npz` holds)."""
    shapes = dict(export.shapes) if export is not None else {
        **{f"attention_{k}": list(trace.attention_shape(k)) for k in trace.kinds},
        **{f"hidden_{s}": list(trace.hidden_shape(s)) for s in trace.hidden_sides},
        **({"logits": [len(trace.top_candidates.ids), trace.vocab_size]} if trace.has_logits else {}),
    }
    return {
        "model": trace.model_name,
        "family": trace.family,
        "device": trace.device,
        "dtype": trace.dtype,
        "text": trace.text,
        "tokens": [t.piece for t in trace.tokens],
        "token_texts": trace.side_labels("input"),
        "output_text": trace.output_text,
        "output_tokens": [t.piece for t in trace.output_tokens],
        "truncated": trace.truncated,
        "notice": trace.notice,
        "attention_per_layer": bool(export and export.per_layer),
        "export_notes": list(export.notes) if export is not None else [],
        "shapes": shapes,
    }


def parse_layers(text: str) -> tuple[int, ...]:
    """`"1,4-6"` (layers counted from 1) -> `(0, 3, 4, 5)`."""
    layers: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        low, _, high = part.partition("-")
        try:
            first, last = int(low), int(high or low)
        except ValueError:
            raise InputTextError(f"'{text}' is not a list of layers such as 1,4-6.") from None
        if first < 1 or last < first:
            raise InputTextError(f"'{part}' is not a range of layers (they are counted from 1).")
        layers.update(range(first - 1, last))
    if not layers:
        raise InputTextError("No layers given: write them as 1,4-6.")
    return tuple(sorted(layers))


def write_tables(tables: dict[str, list[list]], path: str | Path) -> list[Path]:
    """One CSV per table: `path` itself for a single table, `<stem>-<name>.csv` beside it for several."""
    path = Path(path)
    written = []
    for name, rows in tables.items():
        target = path if len(tables) == 1 else path.with_name(f"{_stem(path)}-{_safe(name)}.csv")
        with target.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        written.append(target)
    return written


def _stem(path: Path) -> str:
    return path.name[: -len(".csv")] if path.name.lower().endswith(".csv") else path.name


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "table"
