"""The attention overview's hover: each head's leading textbook pattern, and no meaningless maximum for causal heads."""

from __future__ import annotations

import numpy as np

from test_attention_view import DECODER_SELF, shown, wait_overview  # noqa: F401  (shown is a fixture)


def test_the_overview_hover_names_each_heads_leading_pattern(shown, qtbot, tiny_trace):
    from viz.core.head_patterns import PREVIOUS

    trace = tiny_trace("gpt2", "The quick brown fox jumps over the lazy dog.")
    view = shown(trace)
    wait_overview(qtbot, view, DECODER_SELF)
    overview = view.overview
    scores = {name: np.zeros((2, 4)) for name in overview._scores}
    scores[PREVIOUS][1, 2] = 0.9
    overview.show_patterns([], 0.1, scores, causal=True)
    assert overview._describe(1, 2).startswith("Layer 2, head 3: looks most at: previous token (mean weight 0.90")
    assert "no textbook pattern" in overview._describe(0, 0)
    overview.show_patterns([], 0.1, scores, causal=False)
    described = overview._describe(1, 2)
    assert "largest weight" in described and "previous token" in described


def test_small_mean_weights_keep_two_significant_digits_in_the_chosen_language(qtbot):
    from viz.ui import i18n
    from viz.ui.attention.overview import _weight

    assert _weight(0.6312) == "0.63"
    assert _weight(1 / 8192) == "0.00012"  # an even spread over 8,192 keys, not 0.00
    i18n.install_language("hu")
    try:
        assert _weight(0.6312) == "0,63" and _weight(1 / 8192) == "0,00012"
    finally:
        i18n.install_language("en")
