"""The distribution `generate()` samples from: temperature, then top-k, then top-p, over the whole vocabulary.

The filters follow transformers' logits warpers in the order `generate()` applies them:
`TemperatureLogitsWarper` (skipped at 1.0), `TopKLogitsWarper` (keeps every token whose scaled logit is
at least the k-th largest, so ties at the edge all survive; skipped when off) and `TopPLogitsWarper`
(sorts ascending, removes the tokens whose cumulative probability is at most `1 - top_p`, always keeps
the most likely one; skipped at 1.0). Greedy decoding ignores all three and takes the argmax.

The order of the raw logits is sorted once per position (`rank_logits`); every slider change then costs
a division, a softmax and a cumulative sum (`filter_distribution`), well under a millisecond for 50k tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LN2 = float(np.log(2.0))


@dataclass(frozen=True)
class SamplingSettings:
    temperature: float = 1.0
    top_k: int = 0  # 0: off
    top_p: float = 1.0  # 1: off
    greedy: bool = False
    seed: int = 0

    def __post_init__(self):
        if not self.temperature > 0:
            raise ValueError(f"temperature must be positive, not {self.temperature}")
        if self.top_k < 0:
            raise ValueError(f"top_k must be 0 (off) or positive, not {self.top_k}")
        if not 0.0 <= self.top_p <= 1.0:
            raise ValueError(f"top_p must lie in [0, 1], not {self.top_p}")


@dataclass(frozen=True)
class RankedLogits:
    """One position's logits with their ascending order, computed once and reused for every setting."""

    logits: np.ndarray  # [vocab] float32, raw
    order: np.ndarray  # [vocab] ascending by logit; equal logits: higher id first, so lower ids are kept
    sorted_logits: np.ndarray  # [vocab] logits[order]
    base_probs: np.ndarray  # [vocab] softmax of the raw logits: the distribution before temperature
    base_entropy_bits: float

    @property
    def vocab_size(self) -> int:
        return self.logits.shape[0]

    def top(self, n: int) -> np.ndarray:
        """Ids of the n most likely tokens, most likely first (the same for every temperature)."""
        return self.order[::-1][:n]

    def rank_of(self, token_id: int) -> int:
        """1 for the most likely token; tokens tied with it share its rank."""
        return int(np.count_nonzero(self.logits > self.logits[token_id])) + 1


@dataclass(frozen=True)
class Distribution:
    """What the filters leave of one position's distribution under one setting."""

    ranked: RankedLogits
    settings: SamplingSettings
    scaled_logits: np.ndarray  # [vocab] logits / temperature: what top-k and top-p see
    tempered_probs: np.ndarray  # [vocab] softmax after temperature, before the filters
    kept: np.ndarray  # [vocab] bool: survives top-k and top-p
    probs: np.ndarray  # [vocab] the distribution sampled from: tempered, cut, renormalised
    kept_count: int
    kept_mass: float  # share of the tempered distribution that survives the filters
    entropy_bits: float  # of the distribution sampled from
    tempered_entropy_bits: float  # after temperature, before the filters

    @property
    def logits(self) -> np.ndarray:
        return self.ranked.logits

    @property
    def base_probs(self) -> np.ndarray:
        return self.ranked.base_probs


def rank_logits(logits) -> RankedLogits:
    logits = np.ascontiguousarray(logits, dtype=np.float32).reshape(-1)  # [vocab]
    order = _ascending_order(logits)
    sorted_logits = logits[order]
    base = _softmax(logits)
    for array in (logits, order, sorted_logits, base):
        array.setflags(write=False)
    return RankedLogits(logits, order, sorted_logits, base, _entropy_bits(base))


def filter_distribution(ranked: RankedLogits, settings: SamplingSettings) -> Distribution:
    if settings.greedy:
        return _greedy(ranked, settings)
    vocab = ranked.vocab_size
    order, sorted_scaled = ranked.order, ranked.sorted_logits
    scaled = ranked.logits
    if settings.temperature != 1.0:  # generate() adds no temperature warper at 1.0
        temperature = np.float32(settings.temperature)
        scaled = ranked.logits / temperature  # [vocab]
        sorted_scaled = ranked.sorted_logits / temperature  # the same values, already in order
        order, sorted_scaled = _reorder_new_ties(ranked, scaled, sorted_scaled)
    start = 0  # sorted positions before `start` are cut
    if settings.top_k:
        k = min(max(settings.top_k, 1), vocab)
        start = int(np.searchsorted(sorted_scaled, sorted_scaled[vocab - k], side="left"))
    if settings.top_p < 1.0:
        survivors = _softmax(sorted_scaled[start:])
        cumulative = np.cumsum(survivors, dtype=np.float64).astype(np.float32)  # torch accumulates in double
        removed = int(np.searchsorted(cumulative, np.float32(1.0 - settings.top_p), side="right"))
        start += min(removed, survivors.shape[0] - 1)  # the most likely token always stays
    kept = np.zeros(vocab, dtype=bool)
    kept[order[start:]] = True
    tempered = _softmax(scaled) if scaled is not ranked.logits else ranked.base_probs
    kept_mass = float(tempered.sum(where=kept, dtype=np.float64))
    probs = _softmax_where(scaled, kept)
    return _finish(ranked, settings, scaled, tempered, kept, probs, kept_mass)


def sample_token(distribution: Distribution, step: int) -> int:
    """Draw one token id; the same seed and step number always give the same token."""
    if distribution.settings.greedy:
        return int(np.argmax(distribution.logits))
    rng = np.random.default_rng((distribution.settings.seed, step))
    ids = np.flatnonzero(distribution.kept)
    cumulative = np.cumsum(distribution.probs[ids], dtype=np.float64)
    index = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
    return int(ids[min(index, ids.shape[0] - 1)])


def _ascending_order(logits: np.ndarray) -> np.ndarray:
    """Ascending by logit; equal logits by descending id, so cuts remove higher ids first.

    transformers leaves the order of equal logits to torch's unstable sort, which differs between CPUs;
    the count of kept tokens does not depend on it, only which of several equal tokens is kept.
    """
    order = np.argsort(logits)  # fast and unstable; the few ties are settled below
    ordered = logits[order]
    tied = ordered[1:] == ordered[:-1]
    return _break_ties(order, tied, tied) if tied.any() else order


def _reorder_new_ties(ranked: RankedLogits, scaled: np.ndarray, sorted_scaled: np.ndarray):
    """Dividing by a temperature can round neighbouring logits to one value: re-break those ties by id."""
    same = sorted_scaled[1:] == sorted_scaled[:-1]  # [vocab - 1]
    merged = same & (ranked.sorted_logits[1:] != ranked.sorted_logits[:-1])
    if not merged.any():
        return ranked.order, sorted_scaled
    return _break_ties(ranked.order, same, merged), sorted_scaled


def _break_ties(order: np.ndarray, same: np.ndarray, affected_pairs: np.ndarray) -> np.ndarray:
    """Sort each run of equal values (`same[i]`: sorted positions i and i+1 are equal) that holds an
    affected pair by descending id. Only those runs are touched (a handful of tokens), never a full sort."""
    run = np.concatenate(([0], np.cumsum(~same)))  # [vocab] run of equal values, per sorted position
    affected = np.zeros(run[-1] + 1, dtype=bool)
    affected[run[1:][affected_pairs]] = True
    positions = np.flatnonzero(affected[run])  # contiguous blocks, one per affected run
    ids = order[positions]
    order = order.copy()
    order[positions] = ids[np.lexsort((-ids, run[positions]))]
    return order


def _greedy(ranked: RankedLogits, settings: SamplingSettings) -> Distribution:
    best = int(np.argmax(ranked.logits))
    kept = np.zeros(ranked.vocab_size, dtype=bool)
    kept[best] = True
    probs = kept.astype(np.float32)
    mass = float(ranked.base_probs[best])
    return _finish(ranked, settings, ranked.logits, ranked.base_probs, kept, probs, mass)


def _finish(ranked, settings, scaled, tempered, kept, probs, kept_mass) -> Distribution:
    for array in (scaled, tempered, kept, probs):
        if array.flags.writeable:
            array.setflags(write=False)
    return Distribution(
        ranked=ranked,
        settings=settings,
        scaled_logits=scaled,
        tempered_probs=tempered,
        kept=kept,
        probs=probs,
        kept_count=int(np.count_nonzero(kept)),
        kept_mass=kept_mass,
        entropy_bits=_entropy_bits(probs),
        tempered_entropy_bits=ranked.base_entropy_bits if tempered is ranked.base_probs else _entropy_bits(tempered),
    )


def _softmax(x: np.ndarray) -> np.ndarray:
    shifted = np.exp(x - x.max(), dtype=np.float32)
    return shifted * np.float32(1.0 / shifted.sum(dtype=np.float64))


def _softmax_where(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """softmax of x with the unmasked entries at -inf, as generate() computes it after the filters."""
    top = x[mask].max()
    shifted = np.exp(np.where(mask, x - top, -np.inf), dtype=np.float32)
    return shifted * np.float32(1.0 / shifted.sum(dtype=np.float64))


def _entropy_bits(p: np.ndarray) -> float:
    nonzero = p[p > 0].astype(np.float64)
    return max(0.0, float(-(nonzero * np.log(nonzero)).sum() / LN2))  # never "-0.00 bits"
