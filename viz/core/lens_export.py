"""The lens grid as a file: an .npz of the top tokens, probabilities, commitment and residual norms."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from viz.core.lens import LensRequest, LensResult, run_lens


def lens_arrays(result: LensResult) -> dict[str, np.ndarray]:
    arrays = {
        "token_ids": result.token_ids,  # [seq] the lens side's tokens
        "top_ids": result.top_ids,  # [layer + 1, seq, k]; layer 0 is the embeddings
        "top_probs": result.top_probs,  # [layer + 1, seq, k]
        "top_tokens": np.array([[[result.text_of(i) for i in cell] for cell in row] for row in result.top_ids]),
        "focus_ids": result.focus_ids,  # [seq] the final prediction at each position
        "focus_probs": result.focus_probs,  # [layer + 1, seq]
        "focus_ranks": result.focus_ranks,  # [layer + 1, seq], 0 = top-1
        "commitment": result.commitment,  # [seq]
        "residual_norms": result.residual_norms,  # [layer + 1, seq]
    }
    if result.encoder_norms is not None:
        arrays["encoder_residual_norms"] = result.encoder_norms  # [encoder layer + 1, src_seq]
    return arrays


def write_lens(loaded, trace, path: Path) -> Path | None:
    """Lens of a trace's text (decoder side for encoder-decoder models); None when the model has no head."""
    if not loaded.has_lm_head:
        return None
    decoder_ids = tuple(t.id for t in trace.output_tokens) or None
    result = run_lens(loaded, LensRequest(trace.text, decoder_ids), body=trace.lens_body)
    np.savez_compressed(path, **lens_arrays(result))
    return path
