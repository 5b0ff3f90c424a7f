"""What the Compare tab runs on its worker thread: the position-by-position comparison and, when both runs read
the same text, how differently each attention head attends."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    comparison: object  # viz.core.compare.Comparison
    second_bytes: int | None = None  # memory of a second copy loaded for the comparison
    heads: dict | None = None  # attention kind -> [layer, head] mean total variation; None for two texts


def compare_texts(loaded, text_a: str, text_b: str, target: str) -> Outcome:
    from viz.core.compare import Run, compare_runs

    return Outcome(compare_runs(Run(loaded, text_a, target), Run(loaded, text_b, target)))


def compare_dtypes(loaded, text: str, target: str, dtype: str) -> Outcome:
    from viz.core.loading import LoadRequest, load_model

    # The second copy goes through the same load path as the first: same checks, same device.
    other = load_model(LoadRequest(loaded.path, device=loaded.device, dtype=dtype))
    try:
        return compare_models(loaded, other, text, target, second_bytes=other.memory_bytes())
    finally:
        del other  # only the numbers are kept


def compare_source(loaded, source: str, text: str, target: str) -> Outcome:
    """Run B is another model (a bundled name, a folder or a Hub id) loaded through the same path as the first, on
    the same device and in the same number format, once its weights are known to fit beside the first."""
    from viz.core.loading import LoadRequest, load_model
    from viz.core.memory_fit import check_fits
    from viz.core.sources import resolve_source

    resolved = resolve_source(source)
    check_fits(resolved.name, resolved.path, loaded.device)
    other = load_model(LoadRequest(source, device=loaded.device, dtype=loaded.dtype))
    try:
        return compare_models(loaded, other, text, target, second_bytes=other.memory_bytes())
    finally:
        del other  # only the numbers are kept


def compare_models(loaded, other, text: str, target: str, second_bytes: int | None = None) -> Outcome:
    from viz.core.compare import Run, compare_runs

    comparison = compare_runs(Run(loaded, text, target), Run(other, text, target))
    return Outcome(comparison, second_bytes, head_differences(loaded, other, text, target))


def head_differences(loaded, other, text: str, target: str) -> dict:
    """Attention kind -> `[layer, head]` total variation between the two models' traces of the same text (an
    encoder-decoder's output teacher-forced to `target` in both, so that the decoder sides line up)."""
    from viz.core.compare_attention import attention_difference
    from viz.core.trace import TraceRequest, run_trace

    request = TraceRequest(text, target or None)
    trace_a, trace_b = run_trace(loaded, request), run_trace(other, request)
    return {kind: attention_difference(trace_a, trace_b, kind) for kind in trace_a.kinds
            if kind in trace_b.kinds and trace_a.attention_shape(kind) == trace_b.attention_shape(kind)}
