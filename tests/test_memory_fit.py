"""The second-model estimate: weight files against free memory."""

from __future__ import annotations

import pytest

from viz.core.memory_fit import MemoryFitError, check_fits, free_bytes, weights_bytes


def test_weights_are_the_weight_files(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"x" * 1000)
    (tmp_path / "pytorch_model.bin").write_bytes(b"x" * 24)
    (tmp_path / "config.json").write_text("{}")
    assert weights_bytes(tmp_path) == 1024


def test_refused_only_when_it_would_not_fit(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"x" * 2**20)
    assert check_fits("m", tmp_path, "cpu", free=2**30) == 2**20
    with pytest.raises(MemoryFitError, match="m would not fit beside the loaded model"):
        check_fits("m", tmp_path, "cpu", free=2**20)  # no headroom left for the run itself


def test_host_memory_is_read_where_the_system_tells_it():
    free = free_bytes("cpu")
    assert free is None or free > 0
    assert free_bytes("mps") is None
