"""Projections and neighbours, checked against numpy's SVD and brute-force cosine similarity."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from viz.core.neighbours import CosineNeighbours
from viz.core.projection import (
    available_methods, hidden_state_labels, hidden_state_paths, pca, project, vocabulary_labels, vocabulary_map,
)


def _reference_pca(x: np.ndarray, k: int):
    """Coordinates and variance shares from numpy's SVD of the centred matrix, in float64."""
    centered = x.astype(np.float64) - x.astype(np.float64).mean(axis=0)
    _u, s, vt = np.linalg.svd(centered, full_matrices=False)
    return centered @ vt[:k].T, (s**2 / (s**2).sum())[:k]


def _assert_same_up_to_sign(actual: np.ndarray, expected: np.ndarray, atol: float) -> None:
    for column in range(expected.shape[1]):
        a, e = actual[:, column], expected[:, column]
        sign = 1.0 if np.dot(a, e) >= 0 else -1.0
        np.testing.assert_allclose(sign * a, e, atol=atol)


def _skewed_matrix(rows=60, dim=8, seed=0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # distinct spreads per direction so the components are well separated, plus an offset to centre away
    return (rng.normal(size=(rows, dim)) * np.linspace(5, 0.5, dim) @ np.linalg.qr(rng.normal(size=(dim, dim)))[0] + 3.0).astype(np.float32)


def test_pca_agrees_with_numpy_svd_up_to_sign():
    x = _skewed_matrix()
    result = pca(x, components=3)
    coords, shares = _reference_pca(x, 3)
    assert result.coords.shape == (60, 3)
    _assert_same_up_to_sign(result.coords, coords, atol=1e-4)
    np.testing.assert_allclose(result.explained, shares, rtol=1e-5)
    assert result.source_dim == 8 and result.linear


def test_pca_all_components_explain_everything_and_accepts_torch():
    import torch

    x = _skewed_matrix(rows=20, dim=5, seed=1)
    full = pca(torch.from_numpy(x), components=5)
    assert full.explained_total(5) == pytest.approx(1.0, abs=1e-6)
    assert np.all(np.diff(full.explained) <= 1e-7)  # descending
    np.testing.assert_allclose(pca(x, components=2).coords, full.coords[:, :2], atol=1e-5)


def test_pca_sign_is_fixed_by_the_largest_loading():
    """Negating the data must not flip the picture's orientation arbitrarily: the rule picks one sign."""
    x = _skewed_matrix(seed=2)
    a, b = pca(x, 2), pca(x.copy(), 2)
    np.testing.assert_array_equal(a.coords, b.coords)
    np.testing.assert_allclose(pca(-x, 2).coords, -a.coords, atol=1e-4)  # same axes, so mirrored points


def test_nearest_neighbours_on_a_constructed_matrix():
    matrix = np.array(
        [
            [1.0, 0.0, 0.0],  # 0: the query
            [0.0, 1.0, 0.0],  # 1: orthogonal, cosine 0
            [10.0, 1.0, 0.0],  # 2: almost the query's direction, long
            [-1.0, 0.0, 0.0],  # 3: opposite, cosine -1
            [1.0, 1.0, 0.0],  # 4: 45 degrees, cosine 0.707
            [0.0, 0.0, 0.0],  # 5: no direction at all, scored 0
            [0.5, 0.0, 0.01],  # 6: nearly the query, short
        ],
        dtype=np.float32,
    )
    found = CosineNeighbours(matrix).query(0, k=4)
    assert found.ids.tolist() == [6, 2, 4, 1] or found.ids.tolist() == [6, 2, 4, 5]
    assert 0 not in found.ids.tolist()
    np.testing.assert_allclose(found.scores[:3], [0.5 / np.hypot(0.5, 0.01), 10 / np.hypot(10, 1), np.sqrt(0.5)], rtol=1e-6)
    everything = CosineNeighbours(matrix).query(0, k=100)
    assert len(everything.ids) == 6 and everything.ids[-1] == 3 and everything.scores[-1] == pytest.approx(-1.0)


def test_neighbours_match_brute_force_on_random_vectors():
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(200, 16)).astype(np.float32)
    found = CosineNeighbours(matrix).query(17, k=10)
    expected = [
        (float(np.dot(matrix[17], row) / (np.linalg.norm(matrix[17]) * np.linalg.norm(row))), i)
        for i, row in enumerate(matrix) if i != 17
    ]
    expected.sort(reverse=True)
    assert found.ids.tolist() == [i for _s, i in expected[:10]]
    np.testing.assert_allclose(found.scores, [s for s, _i in expected[:10]], rtol=1e-5)


def test_vocabulary_map_projects_every_row_and_is_cached(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    first = vocabulary_map(loaded, "pca", 2)
    rows, dim = loaded.input_embeddings().shape
    assert first.projection.coords.shape == (rows, 3) and len(first.labels) == rows
    assert vocabulary_map(loaded, "pca", 3) is first  # one PCA serves 2-D and 3-D
    coords, shares = _reference_pca(loaded.input_embeddings(), 3)
    _assert_same_up_to_sign(first.projection.coords, coords, atol=1e-4)
    np.testing.assert_allclose(first.projection.explained, shares, rtol=1e-4)


def test_vocabulary_labels_are_readable(tiny_loaded):
    tokenizer = tiny_loaded("gpt2").tokenizer
    labels = vocabulary_labels(tokenizer, len(tokenizer) + 2)
    ids = tokenizer(" quick")["input_ids"]
    assert "".join(labels[i] for i in ids) == "␣quick"  # the byte-level Ġ is a visible space
    assert labels[tokenizer.convert_tokens_to_ids("<pad>")] == "<pad>"
    assert labels[-2:] == (f"#{len(tokenizer)}", f"#{len(tokenizer) + 1}")  # padded embedding rows


def test_hidden_state_paths_share_one_pca_space(tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox")
    states = trace.hidden_store.stacked("decoder")  # [layer + 1, seq, d_model]
    layers, seq, dim = states.shape
    paths = hidden_state_paths(trace, "decoder", components=2)
    assert paths.coords.shape == (layers, seq, 2)
    coords, shares = _reference_pca(states.reshape(-1, dim), 2)
    _assert_same_up_to_sign(paths.coords.reshape(-1, 2), coords, atol=1e-3)
    np.testing.assert_allclose(paths.explained, shares, rtol=1e-4)


def test_unit_length_paths_compare_directions(tiny_trace):
    trace = tiny_trace("gpt2", "The quick brown fox")
    states = trace.hidden_store.stacked("decoder").reshape(-1, trace.hidden_store.stacked("decoder").shape[-1])
    unit = states / np.linalg.norm(states, axis=1, keepdims=True)
    paths = hidden_state_paths(trace, "decoder", components=2, unit_length=True)
    coords, _ = _reference_pca(unit, 2)
    _assert_same_up_to_sign(paths.coords.reshape(-1, 2), coords, atol=1e-4)


def test_encoder_decoder_sides_use_their_own_tokens(tiny_trace):
    trace = tiny_trace("t5", "reverse: a b c", target="c b a")
    assert hidden_state_paths(trace, "encoder").coords.shape[1] == len(trace.tokens)
    assert hidden_state_paths(trace, "decoder").coords.shape[1] == len(trace.output_tokens)
    assert len(hidden_state_labels(trace, "decoder")) == len(trace.output_tokens)


def test_optional_methods_only_when_installed():
    methods = available_methods()
    assert methods[0] == "pca"
    assert ("tsne" in methods) == (importlib.util.find_spec("sklearn") is not None)
    assert ("umap" in methods) == (importlib.util.find_spec("umap") is not None)
    if "umap" not in methods:
        with pytest.raises(ValueError):
            project(_skewed_matrix(), "umap")


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn is not installed")
def test_tsne_gives_coordinates_without_variance_shares():
    result = project(_skewed_matrix(rows=40), "tsne", components=2)
    assert result.coords.shape == (40, 2) and np.isfinite(result.coords).all()
    assert not result.linear and len(result.explained) == 0
