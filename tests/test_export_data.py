"""trace.npz for inputs that fit, per-layer entries for long ones or for the layers asked for; layer lists."""

from __future__ import annotations

import numpy as np
import pytest

from tiny_models import stacked_attention
from viz.core import export_data
from viz.core.errors import InputTextError
from viz.core.export_data import parse_layers, summary, write_trace


def test_a_trace_that_fits_is_written_whole(tiny_trace, tmp_path):
    trace = tiny_trace("t5", "reverse: a b c", "c b a")
    written = write_trace(trace, tmp_path / "trace.npz")
    assert not written.per_layer and not written.notes
    with np.load(written.path) as data:
        for kind in trace.kinds:
            np.testing.assert_array_equal(data[f"attention_{kind}"], stacked_attention(trace, kind))
        np.testing.assert_array_equal(data["hidden_decoder"], trace.hidden_store.stacked("decoder"))
        np.testing.assert_array_equal(data["logits"], trace.logits_rows(range(len(trace.output_tokens))))
        np.testing.assert_array_equal(data["output_ids"], [t.id for t in trace.output_tokens])
    assert summary(trace, written)["shapes"]["attention_cross"] == list(trace.attention_shape("cross"))


def test_a_long_trace_is_written_per_layer_with_top_candidates(tiny_trace, tmp_path, monkeypatch):
    trace = tiny_trace("llama")
    monkeypatch.setattr(export_data, "FULL_ARRAY_BYTES", 1024)  # as if the input were long
    written = write_trace(trace, tmp_path / "trace.npz")
    assert written.per_layer and len(written.notes) == 2
    with np.load(written.path) as data:
        assert "attention_decoder" not in data and "logits" not in data
        for layer in range(trace.layer_count):
            np.testing.assert_array_equal(data[f"attention_decoder_layer{layer + 1:02d}"], trace.attention_layer("decoder", layer))
        np.testing.assert_array_equal(data["top_ids"], trace.top_candidates.ids)
        np.testing.assert_array_equal(data["entropy"], trace.top_candidates.entropy)
    assert summary(trace, written)["attention_per_layer"]


def test_only_the_layers_asked_for(tiny_trace, tmp_path):
    trace = tiny_trace("gpt2")
    written = write_trace(trace, tmp_path / "trace.npz", layers=(1,))
    with np.load(written.path) as data:
        assert [k for k in data if k.startswith("attention")] == ["attention_decoder_layer02"]
    with pytest.raises(InputTextError, match="Layer 9"):
        write_trace(trace, tmp_path / "again.npz", layers=(8,))


def test_layer_lists():
    assert parse_layers("1,4-6") == (0, 3, 4, 5)
    assert parse_layers(" 3 , 3") == (2,)
    for bad in ("", "0", "a", "5-2", "1-x"):
        with pytest.raises(InputTextError):
            parse_layers(bad)
