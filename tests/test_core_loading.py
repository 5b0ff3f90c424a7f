"""Every supported architecture loads from a tiny saved model; the family comes from the config."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from tiny_models import ARCHITECTURES, FAMILIES
from viz.core.errors import ModelSourceError, UnsupportedModelError, WeightsError
from viz.core.loading import LoadRequest, load_model
from viz.core.trace_capture import CAPTURE


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_each_architecture_loads_with_its_lm_head(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    assert loaded.family.value == FAMILIES[arch]
    assert loaded.has_lm_head
    assert loaded.device == "cpu"
    # The trace's recording attention (eager when not recording); BLOOM's ALiBi attention cannot be switched.
    assert loaded.model.config._attn_implementation == ("eager" if arch == "bloom" else CAPTURE)


def test_family_is_read_from_config_not_name(tiny_model_dir, tmp_path):
    folder = shutil.copytree(tiny_model_dir("t5"), tmp_path / "gpt2-looking-name")
    assert load_model(LoadRequest(str(folder), device="cpu")).family.value == "encoder-decoder"


def test_checkpoint_without_head_falls_back_to_bare_model_with_note(tiny_model_dir):
    loaded = load_model(LoadRequest(str(tiny_model_dir("bert", bare=True)), device="cpu"))
    assert not loaded.has_lm_head
    assert any("no language-model head" in note for note in loaded.notes)


def test_bf16_dtype_is_applied(tiny_model_dir):
    loaded = load_model(LoadRequest(str(tiny_model_dir("gpt2")), device="cpu", dtype="bfloat16"))
    assert str(next(loaded.model.parameters()).dtype) == "torch.bfloat16"


def test_input_embeddings_shape(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    matrix = loaded.input_embeddings()
    assert matrix.shape == (loaded.config.vocab_size, loaded.config.n_embd)
    assert matrix.dtype == np.float32


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelSourceError, match="not found"):
        load_model(LoadRequest(str(tmp_path / "absent"), device="cpu"))


def test_folder_without_config_is_not_a_model(tmp_path):
    with pytest.raises(ModelSourceError, match="no config.json"):
        load_model(LoadRequest(str(tmp_path), device="cpu"))


def test_image_model_is_unsupported(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "vit", "architectures": ["ViTModel"]}))
    (tmp_path / "model.safetensors").write_bytes(b"")
    with pytest.raises(UnsupportedModelError, match="not a text transformer"):
        load_model(LoadRequest(str(tmp_path), device="cpu"))


def test_corrupt_weights_are_a_clear_error(tiny_model_dir, tmp_path):
    folder = shutil.copytree(tiny_model_dir("gpt2"), tmp_path / "corrupt")
    (folder / "model.safetensors").write_bytes(b"not a safetensors file at all")
    with pytest.raises(WeightsError, match="could not be loaded"):
        load_model(LoadRequest(str(folder), device="cpu"))


def test_pickled_weights_need_explicit_opt_in(tiny_model_dir, tmp_path):
    import torch
    from safetensors.torch import load_file

    folder = shutil.copytree(tiny_model_dir("gpt2"), tmp_path / "pickled")
    torch.save(load_file(folder / "model.safetensors"), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    with pytest.raises(WeightsError, match="pickled"):
        load_model(LoadRequest(str(folder), device="cpu"))
    loaded = load_model(LoadRequest(str(folder), device="cpu", allow_pickle=True))
    assert loaded.has_lm_head


def test_hub_id_offline_without_cache_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    with pytest.raises(ModelSourceError, match="not in the local cache"):
        load_model(LoadRequest("someone/absent-model", device="cpu"))


def test_hub_id_loads_from_the_standard_cache(monkeypatch, tmp_path, tiny_model_dir):
    """A Hub snapshot laid out as huggingface_hub caches it is found with no network."""
    cache = tmp_path / "hub"
    repo = cache / "models--someone--tiny-gpt2"
    commit = "0" * 40
    shutil.copytree(tiny_model_dir("gpt2"), repo / "snapshots" / commit)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(cache))
    loaded = load_model(LoadRequest("someone/tiny-gpt2", device="cpu"))
    assert loaded.name == "someone/tiny-gpt2"
    assert loaded.family.value == "decoder-only"


def test_half_precision_speed_is_decided_from_the_processor_not_measured(monkeypatch):
    from viz.core import devices

    assert devices.dtype_note("cuda", "float16") == "" and devices.dtype_note("cpu", "float32") == ""
    assert devices.cpu_flags() == devices.cpu_flags()  # the same answer every time it is asked
    monkeypatch.setattr(devices, "cpu_flags", lambda: frozenset({"avx2", "avx512_bf16"}))
    assert devices.half_is_emulated("cpu", "float16") and not devices.half_is_emulated("cpu", "bfloat16")
    assert not devices.half_is_emulated("cuda", "float16")
    assert devices.dtype_note("cpu", "float16") == (
        "This processor has no float16 instructions, so its matrix products are emulated and much slower than "
        "float32; bfloat16 is native here.")
    assert devices.dtype_note("cpu", "bfloat16") == ""
    monkeypatch.setattr(devices, "cpu_flags", lambda: frozenset({"avx2"}))
    assert devices.dtype_note("cpu", "bfloat16") == (
        "This processor has no bfloat16 instructions, so its matrix products are emulated and much slower than float32.")
    monkeypatch.setattr(devices, "cpu_flags", lambda: frozenset({"asimdhp", "bf16"}))  # an Arm core with both
    assert devices.dtype_note("cpu", "float16") == devices.dtype_note("cpu", "bfloat16") == ""