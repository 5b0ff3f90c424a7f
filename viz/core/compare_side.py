"""Two runs side by side: each run's traced tokens, attention, next-token candidates and logit-lens grid, lined
up by position as `compare_runs` lines them up (by index).

`side_by_side` runs on a worker thread and returns a `SidePair`, which answers the Compare tab's questions
(`next_tokens`, `heads`, `head_difference`) from the two traces; `side_lens` is the costlier logit lens of one
side, asked for separately. Usable from a notebook:

    pair = side_by_side(Run(model, "The cat sat"), Run(model, "The dog sat"))
    pair.next_tokens("a", 2).labels, pair.head_difference("decoder", 0, 3)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.compare import Run, check_comparable
from viz.core.trace_types import Token, Trace

TOP_K = 10  # next-token candidates shown per run
LENS_POSITIONS = 64  # logit-lens columns per run: the first so many positions


@dataclass(frozen=True)
class ChipSection:
    """One side of a run's text as chips ("input", or "output" for an encoder-decoder's decoder inputs)."""

    side: str
    tokens: tuple  # viz.core.tokenization.TokenDisplay, in order
    segments: tuple  # viz.core.tokenization.Segment, how the chips group into words
    differs: np.ndarray  # [token] bool: the other run has another token, or none, at this index


@dataclass(frozen=True)
class NextTokens:
    """One run's most likely tokens at one position, most likely first."""

    ids: np.ndarray  # [k] int64
    probs: np.ndarray  # [k] float32, softmax over the whole vocabulary
    labels: tuple[str, ...]


@dataclass(frozen=True)
class SidePair:
    trace_a: Trace
    trace_b: Trace
    chips_a: tuple[ChipSection, ...]
    chips_b: tuple[ChipSection, ...]
    vocab: dict  # token id -> readable label, for every candidate id of either run

    def trace(self, run: str) -> Trace:
        return self.trace_a if run == "a" else self.trace_b

    @property
    def positions(self) -> int:
        """Positions with a prediction in both runs (those `compare_runs` compares)."""
        return min(_prediction_positions(self.trace_a), _prediction_positions(self.trace_b))

    def next_tokens(self, run: str, position: int, k: int = TOP_K) -> NextTokens:
        top = self.trace(run).top_candidates  # [position, TOP_K of the trace] ids and probabilities
        ids = top.ids[position, :k]
        return NextTokens(ids, top.probs[position, :k], tuple(self.vocab.get(int(i), str(int(i))) for i in ids))

    # attention
    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind in self.trace_a.kinds if kind in self.trace_b.kinds)

    def heads(self, kind: str) -> tuple[int, int]:
        """(layers, heads) both runs have in `kind`: the spin boxes' ranges."""
        a, b = self.trace_a.attention_shape(kind), self.trace_b.attention_shape(kind)
        return min(a[0], b[0]), min(a[1], b[1])

    def same_tokens(self, kind: str) -> bool:
        """Both runs' queries and keys in `kind` are the same tokens, so their heads compare cell by cell."""
        return all(_ids(x) == _ids(y) for x, y in zip(self.trace_a.axes(kind), self.trace_b.axes(kind)))

    def head_difference(self, kind: str, layer: int, head: int) -> float | None:
        """Mean over the queries of TV(row of A, row of B) = ½ Σ_k |a_k − b_k| for one head; None when the runs
        read different tokens (their rows mean different things)."""
        if not self.same_tokens(kind):
            return None
        a = self.trace_a.attention(kind, layer, head).astype(np.float64)  # [query, key]
        b = self.trace_b.attention(kind, layer, head).astype(np.float64)  # [query, key]
        return float(0.5 * np.abs(a - b).sum(axis=-1).mean()) if a.size else 0.0


def side_by_side(a: Run, b: Run, trace_a: Trace | None = None, trace_b: Trace | None = None) -> SidePair:
    """Both runs traced (or the traces given, of the same runs) with their chips and candidate labels."""
    from viz.core.generation import token_labels

    check_comparable(a.loaded, b.loaded)
    trace_a = trace_a or trace_run(a)
    trace_b = trace_b or (trace_a if _same_run(a, b) else trace_run(b))
    chips_a, chips_b = _chips(a.loaded, trace_a, trace_b), _chips(b.loaded, trace_b, trace_a)
    vocab = {}
    for run, trace in ((a, trace_a), (b, trace_b)):
        if trace.has_logits:
            ids = sorted(set(trace.top_candidates.ids[:, :TOP_K].ravel().tolist()) - set(vocab))
            vocab.update(zip(ids, token_labels(run.loaded.tokenizer, ids)))
    return SidePair(trace_a, trace_b, chips_a, chips_b, vocab)


def trace_run(run: Run) -> Trace:
    """The run traced as `compare_runs` reads it (an encoder-decoder teacher-forced to the run's target)."""
    from viz.core.trace import TraceRequest, run_trace

    return run_trace(run.loaded, TraceRequest(run.text, run.target or None))


def side_lens(loaded, trace: Trace, positions: int = LENS_POSITIONS):
    """The logit lens (`viz.core.lens.run_lens`) of one run over its first `positions` positions, on the side
    whose positions the comparison lines up (an encoder-decoder's decoder inputs, as traced)."""
    from viz.core.lens import LensRequest, run_lens

    decoder_ids = tuple(t.id for t in trace.output_tokens) or None
    request = LensRequest(trace.text, decoder_ids=decoder_ids, first_positions=positions)
    return run_lens(loaded, request, body=trace.lens_body)


def _chips(loaded, trace: Trace, other: Trace) -> tuple[ChipSection, ...]:
    from viz.core.tokenization import display_segments, display_tokens
    from viz.core.tokenization_scheme import describe_tokenizer

    scheme = describe_tokenizer(loaded.tokenizer)
    sections = []
    for side in ("input", "output") if trace.output_tokens else ("input",):
        tokens = display_tokens(trace.side_text(side), trace.side_tokens(side), scheme)
        ids, others = _ids(trace.side_tokens(side)), _ids(other.side_tokens(side))
        differs = np.array([i >= len(others) or ids[i] != others[i] for i in range(len(ids))], dtype=bool)
        sections.append(ChipSection(side, tokens, display_segments(tokens), differs))
    return tuple(sections)


def _ids(tokens: tuple[Token, ...]) -> list[int]:
    return [t.id for t in tokens]


def _prediction_positions(trace: Trace) -> int:
    return trace.logit_store.positions if trace.has_logits else 0


def _same_run(a: Run, b: Run) -> bool:
    return a.loaded is b.loaded and a.text == b.text and a.target == b.target
