"""What the Compare tab runs on its worker thread: the position-by-position comparison, both runs traced side by
side and, when both runs read the same text, how differently each attention head attends."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    comparison: object  # viz.core.compare.Comparison
    second_bytes: int | None = None  # memory of a second copy loaded for the comparison
    heads: dict | None = None  # attention kind -> [layer, head] mean total variation; None for two texts
    side: object = None  # viz.core.compare_side.SidePair: both runs traced
    # What the Side by side page's logit lens reads, asked for when it is first opened: the two loaded models
    # (None for a copy loaded only for this comparison, whose lens is then made here, while it is loaded).
    lens_models: tuple = (None, None)
    lens_b: object = None  # viz.core.lens.LensResult of a copy loaded only for this comparison
    lens_b_error: str = ""  # why that copy has no lens (an architecture the lens does not know), for the page


def compare_texts(loaded, text_a: str, text_b: str, target: str) -> Outcome:
    from viz.core.compare import Run, compare_runs
    from viz.core.compare_side import side_by_side

    a, b = Run(loaded, text_a, target), Run(loaded, text_b, target)
    return Outcome(compare_runs(a, b), side=side_by_side(a, b), lens_models=(loaded, loaded))


def compare_dtypes(loaded, text: str, target: str, dtype: str) -> Outcome:
    from viz.core.loading import LoadRequest, load_model

    # The second copy goes through the same load path as the first: same checks, same device.
    other = load_model(LoadRequest(loaded.path, device=loaded.device, dtype=dtype))
    try:
        return compare_models(loaded, other, text, target, second_bytes=other.memory_bytes(), transient=True)
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
        return compare_models(loaded, other, text, target, second_bytes=other.memory_bytes(), transient=True)
    finally:
        del other  # only the numbers are kept


def compare_models(loaded, other, text: str, target: str, second_bytes: int | None = None,
                   transient: bool = False) -> Outcome:
    """`transient`: `other` is unloaded after this, so its lens grid is made now."""
    from viz.core.compare import Run, compare_runs
    from viz.core.compare_side import side_by_side, side_lens
    from viz.core.errors import UnsupportedModelError

    a, b = Run(loaded, text, target), Run(other, text, target)
    comparison = compare_runs(a, b)
    side = side_by_side(a, b)
    lens_b, lens_b_error = None, ""
    if transient:
        try:
            lens_b = side_lens(other, side.trace_b)
        except UnsupportedModelError as error:  # the comparison stands; the Lens page says why it has no grid
            lens_b_error = str(error)
    return Outcome(comparison, second_bytes, head_differences(side.trace_a, side.trace_b), side,
                   (loaded, None if transient else other), lens_b, lens_b_error)


def head_differences(trace_a, trace_b) -> dict:
    """Attention kind -> `[layer, head]` total variation between two models' traces of the same text (an
    encoder-decoder's output teacher-forced to the same target in both, so that the decoder sides line up)."""
    from viz.core.compare_attention import attention_difference

    return {kind: attention_difference(trace_a, trace_b, kind) for kind in trace_a.kinds
            if kind in trace_b.kinds and trace_a.attention_shape(kind) == trace_b.attention_shape(kind)}


def lens_pair(loaded_a, trace_a, loaded_b, trace_b, lens_b=None) -> tuple:
    """Both runs' logit-lens grids (the Side by side page's Lens, made when first opened); `lens_b` already made,
    or None with `loaded_b` None when it could not be."""
    from viz.core.compare_side import side_lens

    lens_a = side_lens(loaded_a, trace_a)
    if lens_b is None and loaded_b is not None:
        lens_b = side_lens(loaded_b, trace_b)
    return lens_a, lens_b
