"""The Why results as tables (first row the header), for CSV files from the window and the command line."""

from __future__ import annotations

import numpy as np


def attribution_rows(labels, result) -> list[list]:
    rows = [["position", "token_id", "token", "score"]]
    rows += [[i + 1, int(t), label, float(s)] for i, (t, label, s) in enumerate(zip(result.token_ids, labels, result.scores))]
    return rows


def knockout_rows(labels: dict, result) -> list[list]:
    rows = [["token_id", "token", "probability_before", "probability_after"]]
    for token_id in result.candidate_ids:
        rows.append([int(token_id), labels.get(token_id, ""), float(np.exp(result.base_log_probs[token_id])),
                     float(np.exp(result.log_probs[token_id]))])
    return rows


def scan_rows(scan) -> list[list]:
    rows = [["layer", "head", "probability", "change", "kl"]]
    layers, heads = scan.probability.shape
    rows += [[layer + 1, head + 1, float(scan.probability[layer, head]), float(scan.change[layer, head]),
              float(scan.kl[layer, head])] for layer in range(layers) for head in range(heads)]
    return rows


def patching_rows(labels, result) -> list[list]:
    rows = [["component", "layer", "position", "token", "restored"]]
    for component, values in result.maps.items():
        layers, positions = values.shape
        rows += [[component, layer + 1, pos + 1, labels[pos] if pos < len(labels) else "", float(values[layer, pos])]
                 for layer in range(layers) for pos in range(positions)]
    return rows
