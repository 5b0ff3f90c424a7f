"""Compare two runs: KL and top-1 flips equal a direct computation; a run against itself shows zero."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from viz.core.compare import CompareError, Run, compare_logits, compare_runs

TEXT = "The quick brown fox jumps over the lazy dog."


def _direct(loaded, text):
    ids = loaded.tokenizer(text)["input_ids"]
    with torch.no_grad():
        return loaded.model(input_ids=torch.tensor([ids])).logits[0]


def test_a_run_against_itself_is_zero_everywhere(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    result = compare_runs(Run(loaded, TEXT), Run(loaded, TEXT))
    assert np.all(result.kl == 0) and not result.flips.any() and result.same_token.all()
    assert len(result.rows()) == len(result.kl) + 1


def test_two_texts_match_torch_kl_div(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    other = "The quick brown cat sat on the mat today."
    result = compare_runs(Run(loaded, TEXT), Run(loaded, other))
    la, lb = _direct(loaded, TEXT), _direct(loaded, other)
    n = min(len(la), len(lb))
    log_p, log_q = torch.log_softmax(la[:n], -1), torch.log_softmax(lb[:n], -1)
    # torch's kl_div(input=log Q, target=log P, log_target=True) is Σ P (log P − log Q)
    expected = torch.nn.functional.kl_div(log_q, log_p, log_target=True, reduction="none").sum(-1)
    assert result.kl == pytest.approx(expected.numpy(), abs=1e-5)
    assert np.array_equal(result.flips, (la[:n].argmax(-1) != lb[:n].argmax(-1)).numpy())
    assert result.same_token[:3].all() and not result.same_token.all()
    assert result.kl[:3] == pytest.approx(0, abs=1e-6)  # the shared prefix predicts alike


def test_float32_against_bfloat16(tiny_loaded, tiny_model_dir):
    from viz.core.loading import LoadRequest, load_model

    full = tiny_loaded("gpt2")
    half = load_model(LoadRequest(str(tiny_model_dir("gpt2")), device="cpu", dtype="bfloat16"))
    result = compare_runs(Run(full, TEXT), Run(half, TEXT))
    la, lb = _direct(full, TEXT).float(), _direct(half, TEXT).float()
    kl, top_a, top_b = compare_logits(la, lb)
    assert result.kl == pytest.approx(kl, abs=1e-5) and (result.kl > 0).any()
    assert np.array_equal(result.flips, top_a != top_b)


def test_chunks_do_not_change_the_answer(monkeypatch):
    import viz.core.compare as compare

    torch.manual_seed(0)
    a, b = torch.randn(10, 7), torch.randn(10, 7)
    whole = compare_logits(a, b)
    monkeypatch.setattr(compare, "CHUNK", 3)
    chunked = compare_logits(a, b)
    for x, y in zip(whole, chunked):
        assert np.allclose(x, y)


def test_encoder_decoder_needs_an_output_and_vocabularies_must_match(tiny_loaded):
    t5 = tiny_loaded("t5")
    with pytest.raises(CompareError):
        compare_runs(Run(t5, TEXT), Run(t5, TEXT))
    same = compare_runs(Run(t5, TEXT, "a dog"), Run(t5, TEXT, "a dog"))
    assert np.all(same.kl == 0)


def test_models_with_other_tokenizers_or_families_are_refused(tiny_loaded):
    """Two vocabularies of the same size are still different tokens; a masked LM predicts something else."""
    import dataclasses

    gpt2 = tiny_loaded("gpt2")
    other_vocab = dict(gpt2.tokenizer.get_vocab())
    renamed = type("Renamed", (), {"get_vocab": lambda self: {f"x{k}": v for k, v in other_vocab.items()}})()
    with pytest.raises(CompareError, match="different tokenizers"):
        compare_runs(Run(gpt2, "The quick brown fox"), Run(dataclasses.replace(gpt2, tokenizer=renamed), "The quick"))
    with pytest.raises(CompareError, match="different kinds"):
        compare_runs(Run(gpt2, "The quick brown fox"), Run(tiny_loaded("bert"), "The quick brown fox"))
