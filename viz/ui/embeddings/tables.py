"""What the embeddings view shows, as tables for CSV export (first row the header)."""

from __future__ import annotations


def vocabulary_table(vocabulary) -> list[list]:
    coords, labels = vocabulary.projection.coords, vocabulary.labels
    axes = ["x", "y", "z"][: coords.shape[1]]
    return [["id", "token", *axes]] + [[i, labels[i], *map(float, coords[i])] for i in range(len(labels))]


def neighbours_table(vocabulary, found) -> list[list]:
    labels = vocabulary.labels
    return [["rank", "id", "token", "cosine"]] + [
        [rank + 1, int(i), labels[i], float(score)] for rank, (i, score) in enumerate(zip(found.ids, found.scores))
    ]


def paths_table(projection, labels, layer_names) -> list[list]:
    axes = ["x", "y", "z"][: projection.components]
    return [["position", "token", "layer", "depth", *axes]] + [
        [t, labels[t], layer, layer_names[layer], *map(float, projection.coords[layer, t])]
        for t in range(len(labels)) for layer in range(projection.coords.shape[0])
    ]
