"""The lens's blocked head (viz/core/lens_fast.py) against a float32 softmax computed here, head alone."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import torch

import viz.core.lens_arch as lens_arch
import viz.core.lens_fast as fast


@pytest.fixture(params=[True, False], ids=["bfloat16", "float32"])
def head(monkeypatch, request):
    """A random 1,000-token head with a bias; vocabulary blocks of 3 groups, so the last block is padded."""
    torch.manual_seed(0)
    weight, bias = torch.randn(1000, 32), torch.randn(1000)
    monkeypatch.setattr(fast, "_has_amx", lambda: request.param)  # any CPU runs bfloat16, if slowly without AMX
    monkeypatch.setattr(fast, "MIN_WORK", 0)
    monkeypatch.setattr(fast, "VOCAB_BLOCK", 3 * fast.GROUP)
    monkeypatch.setattr(fast, "ROW_CHUNK", 16)
    monkeypatch.setattr(lens_arch, "unembedding", lambda _model: (weight, bias, 1.0))
    return fast.blocked_head(SimpleNamespace(device="cpu", model=None), None, 40), weight, bias


def test_top_tokens_probabilities_and_ranks_match_a_float32_softmax(head, monkeypatch):
    blocked, weight, bias = head
    exact = blocked.blocks[0].dtype == torch.float32
    summed_again = []  # rows whose normaliser left float32's range and was summed from their own maximum
    original = fast._log_normaliser
    monkeypatch.setattr(fast, "_log_normaliser", lambda h, rows: summed_again.append(len(rows)) or original(h, rows))
    rows = torch.randn(40, 32)
    rows[:8] *= 40  # logits hundreds apart: exp(logit - focus logit) leaves float32's range
    focus = torch.randint(0, 1000, (40,))
    logits = rows @ weight.T + bias  # [rows, vocab]
    focus[8:12] = logits[8:12].argmax(-1)  # some rows follow their own top token
    probs = torch.softmax(logits, -1)
    top_ids = logits.topk(5, -1).indices  # (by probability, the scaled rows' 4th and 5th tie at 0)
    top_probs = probs.gather(1, top_ids)
    arch = SimpleNamespace(final_norm=None)
    ids, shown, focus_probs, ranks = fast.project_top_blocked(arch, blocked, rows, focus.numpy(), 5)
    np.testing.assert_array_equal(ids, top_ids.numpy())
    np.testing.assert_allclose(shown, top_probs.numpy(), rtol=1e-2, atol=1e-30)
    expected_focus = probs.gather(1, focus[:, None])[:, 0].numpy()
    np.testing.assert_allclose(focus_probs, expected_focus, rtol=1e-2, atol=1e-30)
    assert (focus_probs[:8] < 1e-30).all() and np.isfinite(focus_probs).all()
    assert sum(summed_again) >= 6
    expected_ranks = (logits > logits.gather(1, focus[:, None])).sum(-1).numpy()
    np.testing.assert_array_equal(ranks[8:12], 0)
    if exact:
        np.testing.assert_array_equal(ranks, expected_ranks)
    else:  # counted among bfloat16 logits
        assert (np.abs(ranks - expected_ranks) <= 3 + 0.02 * expected_ranks).all()
