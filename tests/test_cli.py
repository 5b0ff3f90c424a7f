"""Headless command line: writes its files, or one clear line on stderr and exit 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from viz.app import main


def test_export_writes_trace_summary_and_view_pngs(tiny_model_dir, tmp_path):
    out = tmp_path / "out"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, "-m", "viz", "--model", str(tiny_model_dir("t5")), "--text", "reverse: a b c",
         "--export", str(out), "--device", "cpu"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["family"] == "encoder-decoder"
    assert summary["device"] == "cpu" and summary["dtype"] == "float32"
    with np.load(out / "trace.npz") as arrays:
        assert set(arrays) >= {"attention_encoder", "attention_decoder", "attention_cross", "input_ids"}
        assert list(arrays["attention_cross"].shape) == summary["shapes"]["attention_cross"]
        assert len(arrays["input_ids"]) == len(summary["tokens"])
    pngs = sorted(p.name for p in out.glob("view_*.png"))
    assert "view_attention.png" in pngs and "view_tokens.png" in pngs


def _bad(tmp_path, tiny_model_dir, case):
    if case == "bad hub id":
        return ["--model", "nobody/nothing-here", "--text", "hi"], "not in the local cache"
    if case == "unreadable folder":
        folder = tmp_path / "empty"
        folder.mkdir()
        return ["--model", str(folder), "--text", "hi"], "no config.json"
    if case == "unsupported architecture":
        folder = tmp_path / "vit"
        folder.mkdir()
        (folder / "config.json").write_text(json.dumps({"model_type": "vit", "architectures": ["ViTModel"]}))
        (folder / "model.safetensors").write_bytes(b"")
        return ["--model", str(folder), "--text", "hi"], "not a text transformer"
    if case == "corrupt weights":
        folder = shutil.copytree(tiny_model_dir("gpt2"), tmp_path / "corrupt")
        (folder / "model.safetensors").write_bytes(b"garbage")
        return ["--model", str(folder), "--text", "hi"], "could not be loaded"
    if case == "empty text":
        return ["--model", str(tiny_model_dir("gpt2")), "--text", "  "], "text is empty"
    raise KeyError(case)


@pytest.mark.parametrize(
    "case", ["bad hub id", "unreadable folder", "unsupported architecture", "corrupt weights", "empty text"]
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, tiny_model_dir, capsys, monkeypatch, case):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    args, message = _bad(tmp_path, tiny_model_dir, case)
    code = main(args + ["--export", str(tmp_path / "out"), "--device", "cpu"])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
