"""Files for reproducible figures: the attribution of a predicted token and the head scans, as CSV and JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from viz.core.why.attribution import METHODS, AttributionRequest, run_attribution
from viz.core.why.components import head_grid
from viz.core.why.knockout import ScanRequest, run_scan
from viz.core.why.tables import patching_rows, scan_rows
from viz.core.why.target import target_for_text


def write_explanation(
    loaded, text: str, token: str | None, out: Path, target_text: str | None = None, corrupted: str | None = None,
    steps: int = 64,
) -> list[Path]:
    """why_attribution.csv (every method), why_heads_<kind>.csv (one knock-out scan per attention kind),
    why_patching.csv (with `corrupted`) and why.json; returns the paths written."""
    from viz.core.generation import token_labels
    from viz.core.trace import tokenize
    from viz.core.why.patching import PatchingRequest, run_patching

    target = target_for_text(loaded, text, token or None, target_text)
    labels = token_labels(loaded.tokenizer, target.input_ids)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    results = {m: run_attribution(loaded, AttributionRequest(target, m, steps=steps)) for m in METHODS}
    rows = [["position", "token_id", "token", *METHODS]]
    for i, (token_id, label) in enumerate(zip(target.input_ids, labels)):
        rows.append([i + 1, token_id, label, *(float(results[m].scores[i]) for m in METHODS)])
    written.append(_csv(out / "why_attribution.csv", rows))
    for kind in head_grid(loaded):
        scan = run_scan(loaded, ScanRequest(target, kind))
        written.append(_csv(out / f"why_heads_{kind}.csv", scan_rows(scan)))
    if corrupted:
        _tokens, ids, _cut = tokenize(loaded.tokenizer, corrupted, loaded.max_positions())
        patching = run_patching(loaded, PatchingRequest(target, tuple(ids)))
        written.append(_csv(out / "why_patching.csv", patching_rows(labels, patching)))
    ig = results["integrated_gradients"]
    summary = {
        "text": text,
        "family": target.family,
        "position": target.position + 1,
        "token_id": target.token_id,
        "token": token_labels(loaded.tokenizer, [target.token_id])[0],
        "log_probability": ig.log_prob,
        "integrated_gradients": {
            "steps": steps, "baseline_log_probability": ig.baseline_log_prob,
            "completeness_error": ig.completeness_error, "relative_error": ig.relative_error,
        },
    }
    path = out / "why.json"
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    written.append(path)
    return written


def _csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path



