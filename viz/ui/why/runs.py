"""What the Why tab's workers run: resolve the prediction to explain, compute, and label the tokens.

Plain functions of their arguments, called on a worker thread; they return an `Explained` bundle.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TargetSpec:
    """Which prediction: a ready target, or a trace with an optional position and token."""

    trace: object = None
    position: int | None = None
    token_id: int | None = None
    target: object = None  # a WhyTarget when already known


@dataclass(frozen=True)
class Explained:
    kind: str  # "attribution", "knockout", "scan" or "patching"
    target: object  # WhyTarget
    result: object
    input_labels: tuple[str, ...]
    token_label: str
    labels: dict  # token id -> label, for the tokens a result lists


def resolve(loaded, spec: TargetSpec):
    from viz.core.why.target import target_for_trace, with_token

    if spec.target is not None:
        return spec.target if spec.token_id is None else with_token(loaded, spec.target, spec.token_id)
    return target_for_trace(loaded, spec.trace, spec.position, spec.token_id)


def _bundle(loaded, kind, target, result, ids=()) -> Explained:
    from viz.core.generation import token_labels

    tokenizer = loaded.tokenizer
    inputs = tuple(token_labels(tokenizer, target.input_ids))
    listed = sorted(set(int(i) for i in ids) | {target.token_id})
    labels = dict(zip(listed, token_labels(tokenizer, listed)))
    return Explained(kind, target, result, inputs, labels[target.token_id], labels)


def attribute(loaded, job, progress, cancelled) -> Explained:
    from viz.core.why.attribution import AttributionRequest, run_attribution

    spec, method, steps, baseline = job
    target = resolve(loaded, spec)
    result = run_attribution(loaded, AttributionRequest(target, method, steps, 16, baseline), progress, cancelled)
    return _bundle(loaded, "attribution", target, result)


def knock_out(loaded, job, progress, cancelled) -> Explained:
    from viz.core.why.knockout import KnockoutRequest, run_knockout

    spec, heads, mode = job
    target = resolve(loaded, spec)
    result = run_knockout(loaded, KnockoutRequest(target, heads, mode))
    progress(1.0)
    return _bundle(loaded, "knockout", target, result, result.candidate_ids)


def scan(loaded, job, progress, cancelled) -> Explained:
    from viz.core.why.knockout import ScanRequest, run_scan

    spec, kind, mode = job
    target = resolve(loaded, spec)
    return _bundle(loaded, "scan", target, run_scan(loaded, ScanRequest(target, kind, mode), progress, cancelled))


def patch(loaded, job, progress, cancelled) -> Explained:
    from viz.core.trace import tokenize
    from viz.core.why.patching import PatchingRequest, run_patching
    from viz.core.why.target import WhyError

    spec, corrupted_text, metric = job
    if not corrupted_text.strip():
        raise WhyError("Type a corrupted prompt: the same text with a word or two changed.")
    target = resolve(loaded, spec)
    _tokens, ids, _cut = tokenize(loaded.tokenizer, corrupted_text, loaded.max_positions())
    result = run_patching(loaded, PatchingRequest(target, tuple(ids), metric=metric), progress, cancelled)
    foil = [result.foil_id] if result.foil_id is not None else []
    return _bundle(loaded, "patching", target, result, foil)
