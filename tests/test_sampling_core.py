"""The sampling core against transformers: its logits warpers, generate() itself, and hand computations."""

from __future__ import annotations

import numpy as np
import pytest

from viz.core.sampling import SamplingSettings, filter_distribution, rank_logits, sample_token


def _reference(logits: np.ndarray, settings: SamplingSettings, dtype=np.float32):
    """The processors generate() builds for these settings, in its order and with its skip rules."""
    import torch
    from transformers.generation.logits_process import (
        TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper,
    )

    scores = torch.from_numpy(np.array(logits, dtype=dtype))[None]  # [batch, vocab]
    warpers = []
    if settings.temperature != 1.0:
        warpers.append(TemperatureLogitsWarper(float(settings.temperature)))
    if settings.top_k:
        warpers.append(TopKLogitsWarper(settings.top_k, min_tokens_to_keep=1))
    if settings.top_p < 1.0:
        warpers.append(TopPLogitsWarper(settings.top_p, min_tokens_to_keep=1))
    for warper in warpers:
        scores = warper(None, scores)
    return torch.isfinite(scores[0]).numpy(), scores[0].softmax(-1).numpy()


def _random_settings(rng, vocab: int) -> SamplingSettings:
    return SamplingSettings(
        temperature=float(np.exp(rng.uniform(np.log(0.05), np.log(5.0)))),
        top_k=int(rng.choice([0, 1, 2, 10, 50, vocab - 1, vocab, vocab + 7])),
        top_p=float(rng.choice([1.0, 0.01, 0.3, 0.9, 0.95, 0.999, rng.uniform(0.01, 1.0)])),
    )


@pytest.mark.parametrize("vocab", [2, 17, 300, 50257])
def test_matches_transformers_warpers_on_random_logits(vocab):
    rng = np.random.default_rng(vocab)
    for _ in range(40 if vocab < 50257 else 12):
        logits = (rng.standard_normal(vocab) * rng.uniform(0.3, 8.0)).astype(np.float32)
        ranked = rank_logits(logits)
        for _ in range(6):
            settings = _random_settings(rng, vocab)
            d = filter_distribution(ranked, settings)
            kept, probs = _reference(logits, settings)
            np.testing.assert_array_equal(d.kept, kept, err_msg=str(settings))
            np.testing.assert_allclose(d.probs, probs, rtol=2e-4, atol=1e-7, err_msg=str(settings))


@pytest.mark.parametrize(
    "settings",
    [
        SamplingSettings(top_p=1.0),  # generate() adds no top-p warper at 1.0, so nothing is cut
        SamplingSettings(top_k=1),
        SamplingSettings(top_k=1, top_p=0.01),
        SamplingSettings(top_k=400),  # more than the vocabulary
        SamplingSettings(temperature=1e-4),  # almost every probability underflows to 0
        SamplingSettings(temperature=1e-4, top_p=0.5),
        SamplingSettings(temperature=1e-4, top_k=3, top_p=0.999),
        SamplingSettings(temperature=5.0, top_p=0.01),
        SamplingSettings(temperature=5.0, top_k=299, top_p=0.9999),
    ],
)
def test_edges_match_transformers(settings):
    logits = (np.random.default_rng(7).standard_normal(300) * 4).astype(np.float32)
    d = filter_distribution(rank_logits(logits), settings)
    kept, probs = _reference(logits, settings)
    np.testing.assert_array_equal(d.kept, kept)
    np.testing.assert_allclose(d.probs, probs, rtol=2e-4, atol=1e-7)
    assert d.kept_count == kept.sum()


def test_ties_match_transformers():
    """Integer logits tie everywhere. Top-k keeps every tie of the k-th; top-p's count matches exactly.

    Which of several equal tokens top-p drops is left by transformers to torch's unstable sort (it varies
    with the CPU); the core keeps the lower ids. So: same count, same probabilities as a multiset, and the
    same mask outside the tied value at the cut.
    """
    rng = np.random.default_rng(3)
    for _ in range(300):
        vocab = int(rng.choice([5, 40, 3000]))
        logits = rng.integers(-4, 4, vocab).astype(np.float32)
        settings = SamplingSettings(
            temperature=float(rng.choice([1.0, 0.5, 3.0])),
            top_k=int(rng.choice([0, 1, 3, 10, vocab])),
            top_p=float(rng.choice([1.0, 0.2, 0.5, 0.9, rng.uniform(0.01, 1.0)])),
        )
        d = filter_distribution(rank_logits(logits), settings)
        kept, probs = _reference(logits, settings)
        assert d.kept_count == kept.sum(), settings
        np.testing.assert_allclose(np.sort(d.probs), np.sort(probs), rtol=2e-4, atol=1e-7)
        cut_values = logits[d.kept != kept]
        assert len(np.unique(cut_values)) <= 1, settings  # differences only inside one tied value
        if settings.top_k and settings.top_p == 1.0:
            np.testing.assert_array_equal(d.kept, kept)  # top-k alone has no choice to make
        if d.kept_count < vocab and cut_values.size:
            tied = logits == cut_values[0]
            assert d.kept[tied].sum() == kept[tied].sum()
            assert np.all(np.flatnonzero(d.kept & tied) < np.flatnonzero(~d.kept & tied).min())  # lower ids kept


def test_temperature_that_merges_neighbouring_logits_breaks_ties_by_id():
    """Dividing by T can round distinct logits to one value; the order must be the by-id order of the result."""
    start = np.float32(1.95)  # a mantissa near 2 divided down to one near 1: the result's grid is coarser
    neighbours = [start]
    for _ in range(200):
        neighbours.append(np.nextafter(neighbours[-1], np.float32(10.0)))
    logits = np.array(neighbours + [np.float32(-2.0)] * 5, dtype=np.float32)  # rising with the id, then ties
    ranked = rank_logits(logits)
    for temperature in (1.9, 3.8, 0.95):
        scaled = logits / np.float32(temperature)
        assert np.unique(scaled).size < np.unique(logits).size  # the case is real: values merged
        order = np.lexsort((-np.arange(logits.size), scaled))  # ascending, equal values: higher id first
        for top_p in np.linspace(0.05, 0.95, 19):
            settings = SamplingSettings(temperature=temperature, top_p=float(top_p))
            d = filter_distribution(ranked, settings)
            survivors = np.cumsum(d.tempered_probs[order], dtype=np.float64).astype(np.float32)
            removed = min(int(np.searchsorted(survivors, np.float32(1 - top_p), side="right")), logits.size - 1)
            expected = np.zeros(logits.size, dtype=bool)
            expected[order[removed:]] = True
            np.testing.assert_array_equal(d.kept, expected)
            assert d.kept_count == _reference(logits, settings)[0].sum()


def test_kept_mass_entropy_and_renormalisation_by_hand():
    logits = np.log(np.array([0.5, 0.2, 0.2, 0.1], dtype=np.float32))
    d = filter_distribution(rank_logits(logits), SamplingSettings(top_k=3))
    assert d.kept.tolist() == [True, True, True, False]  # ties with the 3rd are kept; here none
    assert d.kept_mass == pytest.approx(0.9, abs=1e-6)
    assert d.kept_mass == pytest.approx(float(d.tempered_probs[d.kept].sum()), abs=1e-7)
    np.testing.assert_allclose(d.probs, [5 / 9, 2 / 9, 2 / 9, 0], atol=1e-6)
    expected = -sum(p * np.log2(p) for p in (5 / 9, 2 / 9, 2 / 9))
    assert d.entropy_bits == pytest.approx(expected, abs=1e-5)
    assert d.tempered_entropy_bits == pytest.approx(-sum(p * np.log2(p) for p in (0.5, 0.2, 0.2, 0.1)), abs=1e-5)
    top2 = filter_distribution(rank_logits(logits), SamplingSettings(top_k=2))
    assert top2.kept.tolist() == [True, True, True, False]  # the 2nd and 3rd are equal: both stay


def test_greedy_is_argmax_of_the_raw_logits():
    import torch

    rng = np.random.default_rng(11)
    for _ in range(50):
        logits = rng.integers(-3, 3, 200).astype(np.float32)  # many ties for the maximum
        d = filter_distribution(rank_logits(logits), SamplingSettings(temperature=0.3, top_k=5, greedy=True))
        best = int(torch.argmax(torch.from_numpy(logits)))
        assert sample_token(d, step=1) == best == int(np.argmax(logits))
        assert d.kept_count == 1 and d.kept[best]
        assert d.kept_mass == pytest.approx(float(rank_logits(logits).base_probs[best]))


def test_seeded_sampling_is_reproducible_and_follows_the_distribution():
    rng = np.random.default_rng(5)
    logits = (rng.standard_normal(1000) * 2).astype(np.float32)
    ranked = rank_logits(logits)
    d = filter_distribution(ranked, SamplingSettings(temperature=0.7, top_p=0.8, seed=42))
    draws = [sample_token(d, step) for step in range(1, 4001)]
    again = [sample_token(filter_distribution(ranked, d.settings), step) for step in range(1, 4001)]
    assert draws == again
    other_seed = filter_distribution(ranked, SamplingSettings(temperature=0.7, top_p=0.8, seed=43))
    assert [sample_token(other_seed, s) for s in range(1, 101)] != draws[:100]
    assert all(d.kept[t] for t in draws)  # never a cut token
    counts = np.bincount(draws, minlength=1000)
    best = np.argsort(-d.probs)[:5]
    expected = d.probs[best] * len(draws)
    assert np.all(np.abs(counts[best] - expected) < 5 * np.sqrt(expected) + 5)


def test_whole_vocabulary_counts():
    """A token far down the list still counts toward top-p: no truncation to a short list first."""
    vocab = 50257
    logits = np.zeros(vocab, dtype=np.float32)
    logits[:3] = 4.0  # three favourites hold only a small share of a 50k vocabulary
    d = filter_distribution(rank_logits(logits), SamplingSettings(top_p=0.9))
    # The cut falls inside 50k tied tokens: a float32 running sum over thousands of them rounds
    # differently from one torch release to the next, so the reference sums in float64.
    kept, _ = _reference(logits, SamplingSettings(top_p=0.9), dtype=np.float64)
    assert d.kept_count == kept.sum() > 40000


def test_settings_are_validated():
    with pytest.raises(ValueError):
        SamplingSettings(temperature=0.0)
    with pytest.raises(ValueError):
        SamplingSettings(top_p=1.5)
    with pytest.raises(ValueError):
        SamplingSettings(top_k=-1)


# generate() end to end: the filtered distribution is the one it samples from


@pytest.mark.parametrize(
    "settings",
    [SamplingSettings(0.7, 0, 0.9), SamplingSettings(1.3, 20, 1.0), SamplingSettings(0.05, 5, 0.5),
     SamplingSettings(1.0, 0, 0.3), SamplingSettings(2.0, 1000, 0.97)],
)
def test_filtered_distribution_is_what_generate_samples_from(tiny_loaded, settings):
    import torch

    loaded = tiny_loaded("gpt2")
    ids = torch.tensor([loaded.tokenizer("The quick brown fox")["input_ids"]])
    out = loaded.model.generate(
        ids, do_sample=True, max_new_tokens=1, temperature=settings.temperature, top_k=settings.top_k,
        top_p=settings.top_p, output_scores=True, output_logits=True, return_dict_in_generate=True,
        pad_token_id=loaded.tokenizer.pad_token_id,
    )
    raw = out.logits[0][0].numpy()  # [vocab] before the warpers
    warped = out.scores[0][0]  # [vocab] after them: -inf where cut
    d = filter_distribution(rank_logits(raw), settings)
    np.testing.assert_array_equal(d.kept, torch.isfinite(warped).numpy())
    np.testing.assert_allclose(d.probs, warped.softmax(-1).numpy(), rtol=2e-4, atol=1e-7)
    assert d.kept[int(out.sequences[0, -1])]  # the token generate() drew was one we kept


# the growing sequence of the lab


def test_decoder_steps_match_generate(tiny_loaded, tiny_trace):
    import torch

    from viz.core.generation import advance, choose, default_position, start_sequence

    loaded = tiny_loaded("gpt2")
    trace = tiny_trace("gpt2", "The quick brown fox")
    sequence = start_sequence(loaded, trace)
    assert default_position(loaded, sequence) == len(trace.tokens) - 1
    greedy = SamplingSettings(greedy=True)
    for _ in range(3):
        d = filter_distribution(rank_logits(sequence.rows[sequence.end]), greedy)
        sequence = advance(loaded, sequence, choose(loaded, sequence, sequence.end, d))
    ids = torch.tensor([[t.id for t in trace.tokens]])
    out = loaded.model.generate(ids, do_sample=False, max_new_tokens=4, output_logits=True,
                                return_dict_in_generate=True, pad_token_id=0)  # with its KV cache
    assert list(sequence.ids) == out.sequences[0, :-1].tolist()
    for step, logits in enumerate(out.logits):
        np.testing.assert_allclose(sequence.rows[len(trace.tokens) - 1 + step], logits[0].numpy(), atol=1e-4)
    assert [s.rank for s in sequence.steps] == [1, 1, 1]
    assert sequence.changed == frozenset(range(len(trace.tokens), len(trace.tokens) + 3))
    assert sequence.previous.previous.previous.root() is sequence.root()
    assert len(sequence.root().ids) == len(trace.tokens)


def test_encoder_decoder_steps_grow_the_decoder(tiny_loaded, tiny_trace):
    import torch

    from viz.core.generation import advance, choose, default_position, start_sequence

    loaded = tiny_loaded("t5")
    trace = tiny_trace("t5", "The quick brown fox")
    sequence = start_sequence(loaded, trace)
    assert sequence.ids == tuple(t.id for t in trace.output_tokens)  # the output as traced, walked from its start
    assert sequence.ids[0] == loaded.model.config.decoder_start_token_id
    assert default_position(loaded, sequence) == 0
    settings = SamplingSettings(temperature=0.9, top_p=0.9, seed=4)
    for _ in range(3):
        d = filter_distribution(rank_logits(sequence.rows[sequence.end]), settings)
        sequence = advance(loaded, sequence, choose(loaded, sequence, sequence.end, d))
    assert len(sequence.ids) == len(trace.output_tokens) + 3 and sequence.encoder_ids == tuple(t.id for t in trace.tokens)
    assert default_position(loaded, sequence) == sequence.end  # after steps: the newest token
    with torch.inference_mode():
        out = loaded.model(input_ids=torch.tensor([sequence.encoder_ids]),
                           decoder_input_ids=torch.tensor([sequence.ids]))
    np.testing.assert_allclose(np.stack(sequence.rows), out.logits[0].numpy(), atol=1e-4)
    given = start_sequence(loaded, tiny_trace("t5", "The quick brown fox", "a b"))
    assert len(given.ids) == len(tiny_trace("t5", "The quick brown fox", "a b").output_tokens)  # target kept


def test_masked_lm_step_fills_the_mask(tiny_loaded, tiny_trace):
    import torch

    from viz.core.generation import (
        advance, choose, default_position, mask_positions, start_sequence, step_position,
    )

    loaded = tiny_loaded("bert")
    trace = tiny_trace("bert", "The quick [MASK] fox [MASK] over")
    sequence = start_sequence(loaded, trace)
    masks = mask_positions(loaded, sequence)
    assert len(masks) == 2 and default_position(loaded, sequence) == masks[0]
    assert step_position(loaded, sequence, masks[1]) == masks[1]  # a chosen mask is filled first
    d = filter_distribution(rank_logits(sequence.rows[masks[1]]), SamplingSettings(top_k=3, seed=1))
    filled = advance(loaded, sequence, choose(loaded, sequence, masks[1], d))
    assert mask_positions(loaded, filled) == [masks[0]] and filled.changed == {masks[1]}
    assert filled.ids[masks[1]] == filled.steps[0].token_id and d.kept[filled.steps[0].token_id]
    with torch.inference_mode():
        expected = loaded.model(input_ids=torch.tensor([filled.ids])).logits[0].numpy()
    np.testing.assert_allclose(np.stack(filled.rows), expected, atol=1e-5)
    last = advance(loaded, filled, choose(loaded, filled, masks[0], filter_distribution(
        rank_logits(filled.rows[masks[0]]), SamplingSettings(greedy=True))))
    assert step_position(loaded, last, None) is None and default_position(loaded, last) is None
    no_mask = start_sequence(loaded, tiny_trace("bert", "no masks here"))
    assert default_position(loaded, no_mask) is None


def test_token_labels_make_spaces_and_control_bytes_visible(tiny_loaded):
    from viz.core.generation import token_labels

    tokenizer = tiny_loaded("gpt2").tokenizer
    ids = tokenizer(" fox\n\x06")["input_ids"]
    joined = "".join(token_labels(tokenizer, ids))
    assert "␣" in joined and "⏎" in joined and "\x06" not in joined and "␆" in joined
    emoji = tokenizer("🙂")["input_ids"]  # split over byte pieces by the tiny byte-level BPE
    labels = token_labels(tokenizer, emoji)
    if len(emoji) > 1:
        assert "".join(labels) == "".join(f"⟨{b:02X}⟩" for b in "🙂".encode())


def test_rank_order_breaks_ties_by_id():
    rng = np.random.default_rng(2)
    for vocab in (3, 50, 50257):
        logits = rng.integers(-20, 20, vocab).astype(np.float32)
        ranked = rank_logits(logits)
        expected = np.lexsort((-np.arange(vocab), logits))  # ascending; equal logits: higher id first
        np.testing.assert_array_equal(ranked.order, expected)
        np.testing.assert_array_equal(ranked.top(5), expected[::-1][:5])
        assert ranked.rank_of(int(expected[-1])) == 1
