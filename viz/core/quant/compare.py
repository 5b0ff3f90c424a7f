"""Run the float32 model and a quantized copy on the same tokens; compare hidden states, attention, predictions.

One scheme at a time: its copy is built, run and freed before the next, so a large model is never held
several times over. Results are cached per model, text and scheme (`ComparisonCache`).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import numpy as np

from viz.core.families import Family
from viz.core.quant import check_stop, report
from viz.core.quant.schemes import SCHEMES


@dataclass(frozen=True)
class ComparisonRequest:
    text: str
    schemes: tuple[str, ...]
    decoder_ids: tuple[int, ...] | None = None  # encoder-decoder: decoder inputs; None = greedy from float32
    max_new_tokens: int = 32


@dataclass(frozen=True)
class SchemeResult:
    scheme: str
    simulated: bool
    device: str
    hidden_rel_l2: Mapping[str, np.ndarray]  # side -> [layer + 1] (embeddings first)
    hidden_cosine: Mapping[str, np.ndarray]  # side -> [layer + 1]
    attention_tv: Mapping[str, np.ndarray]  # kind -> [layer]
    kl: np.ndarray | None  # [position]: KL(float32 ‖ scheme) of the predicted distributions
    top1: np.ndarray | None  # [position]: the scheme's most likely token id
    top1_text: tuple[str, ...] = ()  # [position]: that token as text
    copy_seconds: float = 0.0
    run_seconds: float = 0.0


@dataclass(frozen=True)
class OutputComparison:
    model_name: str
    text: str
    side: str  # "input" or "output": which tokens the predictions belong to
    labels: tuple[str, ...]  # [position]: the token text at each predicted position
    predicts: str  # "next" (causal LM, decoder) or "same" (masked LM: each position predicts itself)
    reference_top1: np.ndarray | None  # [position]
    reference_top1_text: tuple[str, ...]
    results: Mapping[str, SchemeResult]
    parameter_count: int
    seconds: float = 0.0

    def flips(self, scheme: str) -> np.ndarray:
        """Positions where the scheme's top-1 prediction differs from float32's."""
        result = self.results[scheme]
        if result.top1 is None or self.reference_top1 is None:
            return np.array([], dtype=int)
        return np.flatnonzero(result.top1 != self.reference_top1)

    def agreement(self, scheme: str) -> float:
        result = self.results[scheme]
        if result.top1 is None or self.reference_top1 is None or not len(result.top1):
            return float("nan")
        return float(np.mean(result.top1 == self.reference_top1))


@dataclass
class _Reference:
    ids: object  # [1, seq]
    decoder_ids: object  # [1, seq] or None
    outputs: object  # forward.Outputs
    side: str
    labels: tuple[str, ...]
    predicts: str
    top1_text: tuple[str, ...]


class ComparisonCache:
    """Scheme results per (model, text, scheme), and the latest float32 reference (its tensors are large)."""

    def __init__(self, max_results: int = 64):
        self._results: OrderedDict = OrderedDict()
        self._reference: tuple | None = None
        self._max = max_results
        self._lock = threading.Lock()

    @staticmethod
    def model_key(loaded) -> tuple:
        return (loaded.name, loaded.dtype, loaded.device, id(loaded.model))

    def result(self, key):
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            return None

    def store(self, key, result) -> None:
        with self._lock:
            self._results[key] = result
            while len(self._results) > self._max:
                self._results.popitem(last=False)

    def covers(self, loaded, request: "ComparisonRequest") -> bool:
        """Whether every scheme of the request is cached (so running it costs nothing)."""
        base = _base_key(loaded, request)
        return all(self.result(base + (s,)) is not None for s in request.schemes + ("labels",))

    def reference(self, key):
        with self._lock:
            return self._reference[1] if self._reference and self._reference[0] == key else None

    def store_reference(self, key, reference) -> None:
        with self._lock:
            self._reference = (key, reference)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
            self._reference = None


def _base_key(loaded, request: ComparisonRequest) -> tuple:
    return (ComparisonCache.model_key(loaded), request.text, request.decoder_ids, request.max_new_tokens)


def compare_outputs(loaded, request: ComparisonRequest, progress=None, should_stop=None, cache: ComparisonCache | None = None) -> OutputComparison:
    """Float32 against each requested scheme on the same input (and decoder) ids."""
    started = time.perf_counter()
    cache = cache if cache is not None else ComparisonCache()
    base_key = _base_key(loaded, request)
    todo = [s for s in request.schemes if cache.result(base_key + (s,)) is None]
    reference = cache.reference(base_key)
    units = len(todo) + (1 if todo and reference is None else 0)
    done = 0
    results = {}
    for scheme in request.schemes:
        check_stop(should_stop)
        cached = cache.result(base_key + (scheme,))
        if cached is not None:
            results[scheme] = cached
            continue
        if reference is None:
            report(progress, 0.0, "reference")
            reference = _run_reference(loaded, request)
            cache.store_reference(base_key, reference)
            done += 1

        def step(fraction, done=done, scheme=scheme):
            report(progress, (done + fraction) / units, f"run:{scheme}")

        report(progress, done / units, f"copy:{scheme}")
        result = _run_scheme(loaded, reference, scheme, step, should_stop)
        cache.store(base_key + (scheme,), result)
        results[scheme] = result
        done += 1
    labels = cache.result(base_key + ("labels",))
    if labels is None:  # what the text and float32 predictions look like, kept after the reference is freed
        reference = reference or _run_reference(loaded, request)
        labels = _labels(reference)
        cache.store(base_key + ("labels",), labels)
    report(progress, 1.0, "done")
    return OutputComparison(
        model_name=loaded.name,
        text=request.text,
        results=MappingProxyType(results),
        **labels,
        parameter_count=loaded.parameter_count,
        seconds=time.perf_counter() - started,
    )


def _labels(reference: _Reference) -> dict:
    logits = reference.outputs.logits
    return dict(
        side=reference.side,
        labels=reference.labels,
        predicts=reference.predicts,
        reference_top1=logits.argmax(-1).cpu().numpy() if logits is not None else None,
        reference_top1_text=reference.top1_text,
    )


def _run_reference(loaded, request: ComparisonRequest) -> _Reference:
    import torch

    from viz.core.quant.copies import float32_model
    from viz.core.quant.forward import forward
    from viz.core.trace import tokenize

    model = float32_model(loaded.model)
    tokens, input_ids, _ = tokenize(loaded.tokenizer, request.text, loaded.max_positions())
    ids = torch.tensor([input_ids], device=loaded.device)  # [1, seq]
    decoder_ids = None
    if loaded.family == Family.ENCODER_DECODER:
        sequence = list(request.decoder_ids or ())
        if not sequence:
            with torch.inference_mode():
                sequence = model.generate(input_ids=ids, max_new_tokens=request.max_new_tokens, do_sample=False, num_beams=1)[0].tolist()
        decoder_ids = torch.tensor([sequence], device=loaded.device)  # [1, steps]: start, y1 … yn
        labels = _incremental_text(loaded.tokenizer, sequence)
        side, predicts = "output", "next"
    else:
        labels = _labels_with_spaces(tokens, request.text)
        side, predicts = "input", "same" if loaded.family == Family.ENCODER else "next"
    outputs = forward(model, loaded.family, ids, decoder_ids)
    top1_text = ()
    if outputs.logits is not None:
        top1_text = _pieces_text(loaded.tokenizer, outputs.logits.argmax(-1).tolist())
    return _Reference(ids, decoder_ids, outputs, side, labels, predicts, top1_text)


def _run_scheme(loaded, reference: _Reference, scheme: str, step, should_stop) -> SchemeResult:
    from viz.core.quant.copies import make_copy, stop_hooks
    from viz.core.quant.forward import attention_differences, forward, hidden_errors, token_divergences

    started = time.perf_counter()
    copy = make_copy(loaded.model, scheme)
    copied = time.perf_counter()
    try:
        with stop_hooks(copy, should_stop, step):
            outputs = forward(copy, loaded.family, reference.ids, reference.decoder_ids)
    finally:
        # Reference counting frees this scheme's weights before the next copy is made (a test
        # checks that the copies hold no cycles). No gc.collect() here: on this worker thread a
        # full collection can destroy the GUI's own unreachable Qt objects and deadlock with it.
        del copy
    ran = time.perf_counter()
    ref = reference.outputs
    rel, cos = {}, {}
    for side, states in ref.hidden.items():
        rel[side], cos[side] = hidden_errors(states, outputs.hidden[side])
    tv = {kind: attention_differences(a, outputs.attentions[kind]) for kind, a in ref.attentions.items()}
    kl = top1 = None
    top1_text: tuple[str, ...] = ()
    if ref.logits is not None and outputs.logits is not None:
        kl, top1 = token_divergences(ref.logits, outputs.logits)
        top1_text = _pieces_text(loaded.tokenizer, top1.tolist())
    return SchemeResult(
        scheme=scheme,
        simulated=SCHEMES[scheme].simulated,
        device=loaded.device,
        hidden_rel_l2=MappingProxyType(rel),
        hidden_cosine=MappingProxyType(cos),
        attention_tv=MappingProxyType(tv),
        kl=kl,
        top1=top1,
        top1_text=top1_text,
        copy_seconds=copied - started,
        run_seconds=ran - copied,
    )


def _pieces_text(tokenizer, token_ids) -> tuple[str, ...]:
    """Tokens as a person reads them: decoded text, or the piece itself for special tokens."""
    special = set(tokenizer.all_special_ids)
    pieces = tokenizer.convert_ids_to_tokens([int(i) for i in token_ids])
    return tuple(
        str(piece) if int(i) in special else tokenizer.decode([int(i)]) for i, piece in zip(token_ids, pieces)
    )


def _labels_with_spaces(tokens, text: str) -> tuple[str, ...]:
    """Each token's text with the whitespace before it, so the labels joined give back the text."""
    labels, previous_end = [], 0
    for token in tokens:
        if token.special:
            labels.append(token.piece)
            continue
        if token.end <= token.start:  # a piece without characters of its own
            labels.append("")
            continue
        start = min(previous_end, token.start)
        labels.append(text[start : token.end] if token.end > previous_end else "")
        previous_end = max(previous_end, token.end)
    return tuple(labels)


def _incremental_text(tokenizer, token_ids) -> tuple[str, ...]:
    """Decoded pieces with their spacing: the text each id adds to the decoded prefix."""
    special = set(tokenizer.all_special_ids)
    pieces, previous = [], ""
    kept: list[int] = []
    for token_id in token_ids:
        token_id = int(token_id)
        if token_id in special:
            pieces.append(str(tokenizer.convert_ids_to_tokens([token_id])[0]))
            continue
        kept.append(token_id)
        decoded = tokenizer.decode(kept)
        pieces.append(decoded[len(previous):] if decoded.startswith(previous) else tokenizer.decode([token_id]))
        previous = decoded
    return tuple(pieces)
