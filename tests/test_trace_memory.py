"""A long trace holds neither full-vocabulary logits nor every head's attention, and never makes them all at once.

Measured, not timed: what the trace keeps (every array and tensor reachable from it) and the peak of live
tensor memory while tracing and while pooling the overview (a torch dispatch mode counts each storage)."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pytest

from tiny_models import tiny_tokenizer
from viz.core.families import Family
from viz.core.loading import LoadedModel
from viz.core.trace import run_trace
from viz.core.trace_types import DECODER_SELF

LAYERS, HEADS, KV_HEADS, VOCAB = 2, 8, 2, 32_000


class PeakTensorMemory:
    """Peak bytes of tensor storages alive at once among those created inside the `with` block."""

    def __enter__(self):
        from torch.utils._python_dispatch import TorchDispatchMode

        meter = self
        self.live: dict[int, list] = {}  # storage pointer -> [bytes, tensors still alive]
        self.current = self.peak = 0

        class Mode(TorchDispatchMode):
            def __torch_dispatch__(self, func, types, args=(), kwargs=None):
                out = func(*args, **(kwargs or {}))
                for tensor in out if isinstance(out, (tuple, list)) else (out,):
                    meter._track(tensor)
                return out

        self.mode = Mode()
        self.mode.__enter__()
        return self

    def __exit__(self, *exc):
        self.mode.__exit__(*exc)

    def _track(self, tensor) -> None:
        import torch

        if not isinstance(tensor, torch.Tensor) or tensor.device.type != "cpu":
            return
        storage = tensor.untyped_storage()
        key, size = storage.data_ptr(), storage.nbytes()
        if key not in self.live:
            self.live[key] = [size, 0]
            self.current += size
            self.peak = max(self.peak, self.current)
        self.live[key][1] += 1
        weakref.finalize(tensor, self._release, key)

    def _release(self, key: int) -> None:
        entry = self.live.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            self.current -= entry[0]
            del self.live[key]


def held_bytes(root) -> int:
    """Bytes of every numpy array and torch storage reachable from `root` (model weights excluded)."""
    import torch

    seen, storages, total, stack = set(), set(), 0, [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (type, torch.nn.Module)):
            continue
        seen.add(id(obj))
        if isinstance(obj, torch.Tensor):
            storage = obj.untyped_storage()
            if storage.data_ptr() not in storages:
                storages.add(storage.data_ptr())
                total += storage.nbytes()
            continue
        if isinstance(obj, np.ndarray):
            base = obj if obj.base is None else obj.base
            if id(base) not in storages and isinstance(base, np.ndarray):
                storages.add(id(base))
                total += base.nbytes
            continue
        stack.extend(gc.get_referents(obj))
    return total


@pytest.fixture(scope="module")
def long_model():
    import torch
    import transformers as tf

    torch.manual_seed(0)
    config = tf.LlamaConfig(
        hidden_size=64, intermediate_size=128, num_hidden_layers=LAYERS, num_attention_heads=HEADS,
        num_key_value_heads=KV_HEADS, vocab_size=VOCAB, max_position_embeddings=4096,
    )
    model = tf.LlamaForCausalLM(config).eval()
    return LoadedModel("long", "", Family.DECODER, model, tiny_tokenizer(False), "cpu", "float32", True)


def test_a_long_trace_holds_no_full_logits_or_all_heads(long_model):
    text = "The quick brown fox jumps over the lazy dog. " * 205
    with PeakTensorMemory() as meter:
        trace = run_trace(long_model, text)
    n = len(trace.tokens)
    assert n >= 2000
    full_logits = n * VOCAB * 4  # [position, vocab] float32
    all_heads = LAYERS * HEADS * n * n * 4  # [layer, head, query, key] float32
    kept = held_bytes(trace)
    assert kept < full_logits / 4 and kept < all_heads / 4, f"the trace holds {kept / 2**20:.0f} MiB"
    assert meter.peak < full_logits / 2, f"tracing peaked at {meter.peak / 2**20:.0f} MiB of tensors"
    with PeakTensorMemory() as meter:
        summary = trace.attention_summary(DECODER_SELF)
    assert summary.pooled.shape[:2] == (LAYERS, HEADS)
    assert meter.peak < all_heads / 2, f"the overview peaked at {meter.peak / 2**20:.0f} MiB of tensors"
    with PeakTensorMemory() as meter:
        matrix = trace.attention(DECODER_SELF, 1, 3)
        row = trace.logits_row(n - 1)
    assert matrix.shape == (n, n) and row.shape == (VOCAB,)
    assert meter.peak < 3 * n * n * 4, "one head asked for more than a few of its own matrices"
