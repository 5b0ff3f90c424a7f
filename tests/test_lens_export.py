"""The headless export writes the lens grid next to the trace."""

from __future__ import annotations

import numpy as np

from viz.app import main
from viz.core.lens import LensRequest, run_lens


def test_cli_export_writes_the_lens_grid(tiny_model_dir, tiny_loaded, tmp_path, capsys):
    out = tmp_path / "out"
    text = "The quick brown fox"
    assert main(["--model", str(tiny_model_dir("gpt2")), "--text", text, "--export", str(out), "--device", "cpu"]) == 0
    assert str(out / "lens.npz") in capsys.readouterr().out
    expected = run_lens(tiny_loaded("gpt2"), LensRequest(text))
    with np.load(out / "lens.npz") as arrays:
        np.testing.assert_array_equal(arrays["top_ids"], expected.top_ids)
        # the export reuses the trace's pass, whose attention kernel may round differently from a plain forward
        np.testing.assert_allclose(arrays["top_probs"], expected.top_probs, rtol=1e-5)
        np.testing.assert_array_equal(arrays["commitment"], expected.commitment)
        assert arrays["top_tokens"][-1, 0, 0] == expected.text_of(expected.top_ids[-1, 0, 0])
    assert (out / "view_lens.png").exists()
