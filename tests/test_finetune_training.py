"""Fine-tuning with peft on the bundled demo-t5 and tiny models: what trains, counts, merging, reproducibility,
forgetting measured by evaluation runs, saving and reopening."""

from __future__ import annotations

import copy
import hashlib

import numpy as np
import pytest

from viz.core.finetune import training
from viz.core.finetune.errors import FinetuneError
from viz.core.finetune.methods import FULL, LORA, PROMPT, SELECTIVE, MethodSpec, parameter_counts, trainable_copy
from viz.core.finetune.tasks import Pair, TaskSet, bundled_task
from viz.core.finetune.training import TrainRequest, run_finetune


@pytest.fixture(scope="module")
def t5():
    from viz.core.loading import LoadRequest, load_model

    return load_model(LoadRequest("demo-t5", device="cpu"))


@pytest.fixture(scope="module")
def time_task():
    task = bundled_task("time")
    return TaskSet(task.key, task.name, task.template, task.train, task.held_out[:6])


def _hashes(model) -> dict[str, str]:
    return {n: hashlib.sha256(p.detach().cpu().numpy().tobytes()).hexdigest() for n, p in model.named_parameters()}


def _logits(model, tokenizer, text="normalize time: quarter past seven"):
    import torch

    enc = tokenizer([text], return_tensors="pt")
    with torch.no_grad():
        return model(**enc, decoder_input_ids=torch.tensor([[0, 5, 6, 7]])).logits.numpy()  # [1, 4, vocab]


@pytest.mark.parametrize("spec", [MethodSpec(LORA), MethodSpec(LORA, 4, 8.0, ("q", "k", "v", "o", "wi", "wo")),
                                  MethodSpec(PROMPT, virtual_tokens=7)])
def test_counts_equal_peft(t5, spec):
    counts = parameter_counts(t5.model, t5.family, spec)
    model = trainable_copy(t5.model, t5.family, spec, seed=0)
    assert (counts.trainable, counts.total) == model.get_nb_trainable_parameters()


def test_counts_of_full_and_selective(t5):
    full = parameter_counts(t5.model, t5.family, MethodSpec(FULL))
    assert full.trainable == full.total == sum(p.numel() for p in t5.model.parameters())
    spec = MethodSpec(SELECTIVE, layers=("decoder.block.1",))
    model = trainable_copy(t5.model, t5.family, spec, seed=0)
    trained = {n for n, p in model.named_parameters() if p.requires_grad}
    assert trained and all(n.startswith("decoder.block.1.") for n in trained)
    assert parameter_counts(t5.model, t5.family, spec).trainable == sum(
        p.numel() for p in model.parameters() if p.requires_grad)


def test_lora_trains_only_the_adapter_and_leaves_the_loaded_model(t5, time_task):
    original = _hashes(t5.model)
    request = TrainRequest(time_task, MethodSpec(LORA), steps=3, batch_size=4, learning_rate=1e-2)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    assert _hashes(t5.model) == original  # the loaded model is never touched
    tuned = _hashes(result.model)
    adapters = {n for n in tuned if "lora_" in n}
    assert adapters
    base = {n: h for n, h in tuned.items() if n not in adapters}
    # peft names a wrapped weight "...q.base_layer.weight": strip the wrapper names to compare with the original.
    plain = {n.replace("base_model.model.", "", 1).replace(".base_layer", ""): h for n, h in base.items()}
    assert plain == original
    fresh = _hashes(trainable_copy(t5.model, t5.family, MethodSpec(LORA), seed=0))
    assert any(tuned[n] != fresh[n] for n in adapters if "lora_B" in n)  # B starts at zero and moved


def test_merged_logits_equal_the_adapter(t5, time_task):
    from viz.core.finetune.result_model import merged

    request = TrainRequest(time_task, MethodSpec(LORA), steps=3, batch_size=4, learning_rate=1e-2)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    adapter = _logits(result.model, t5.tokenizer)
    folded = _logits(merged(result.model), t5.tokenizer)
    # In float64 the merge is exact to 1e-5; in float32 the two orders of summation differ by rounding:
    # usually about 2e-6 of logits near 8, up to 1.5e-5 seen in one run (float32's 1.2e-7 relative step,
    # summed over the layers), so float32 is held to 1e-4.
    adapter64 = _logits(copy.deepcopy(result.model).double(), t5.tokenizer)
    folded64 = _logits(merged(result.model).double(), t5.tokenizer)
    assert np.abs(adapter64 - folded64).max() < 1e-5
    np.testing.assert_allclose(folded, adapter, rtol=1e-4, atol=1e-4)
    assert np.abs(adapter - _logits(t5.model, t5.tokenizer)).max() > 1e-4  # the adapter did something


def test_seeded_run_is_reproducible(t5, time_task):
    request = TrainRequest(time_task, MethodSpec(LORA), steps=5, batch_size=4, learning_rate=5e-3, seed=3)
    first = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    second = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    assert len(first.losses) == 5
    np.testing.assert_allclose(first.losses, second.losses, rtol=0, atol=1e-6)
    other = run_finetune(t5.model, t5.tokenizer, t5.family, TrainRequest(
        time_task, MethodSpec(LORA), steps=5, batch_size=4, learning_rate=5e-3, seed=4))
    assert not np.allclose(first.losses, other.losses)


def test_forgetting_comes_from_evaluation_runs(t5, time_task, monkeypatch):
    calls = []
    real = training.evaluate

    def spy(model, tokenizer, family, tasks, max_new_tokens):
        report = real(model, tokenizer, family, tasks, max_new_tokens)
        calls.append((model, [t.key for t in tasks], report))
        return report

    monkeypatch.setattr(training, "evaluate", spy)
    reverse = bundled_task("reverse", train_size=50, held_out_size=4)
    request = TrainRequest(time_task, MethodSpec(FULL), steps=2, batch_size=4, learning_rate=1e-3,
                           eval_tasks=(time_task, reverse), mix_tasks=(reverse,), mix_share=0.5)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    assert [c[1] for c in calls] == [["time", "reverse"], ["time", "reverse"]]
    assert calls[0][0] is t5.model and calls[1][0] is result.model
    assert result.before is calls[0][2] and result.after is calls[1][2]
    for report in (result.before, result.after):
        example = report.task("reverse").examples[0]
        assert example.reference == reverse.held_out[0].target


def test_cancel_stops_between_steps(t5, time_task):
    seen = []
    request = TrainRequest(time_task, MethodSpec(LORA), steps=50, batch_size=2)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request, on_progress=seen.append,
                          should_stop=lambda: len([p for p in seen if p.phase == "training"]) >= 2)
    assert result.cancelled and result.after is None and len(result.losses) == 2


def test_saved_adapter_reopens_with_the_same_logits(t5, time_task, tmp_path):
    from viz.core.finetune.result_model import reopen_adapter, save_result

    request = TrainRequest(time_task, MethodSpec(LORA, lora_rank=2), steps=2, batch_size=4, learning_rate=1e-2)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    files = save_result(result.model, t5.tokenizer, tmp_path / "adapter")
    assert "adapter_config.json" in files and "adapter_model.safetensors" in files
    reopened = reopen_adapter(t5.model, tmp_path / "adapter")
    np.testing.assert_allclose(_logits(reopened, t5.tokenizer), _logits(result.model, t5.tokenizer), atol=1e-6)
    with pytest.raises(FinetuneError, match="adapter_config"):
        reopen_adapter(t5.model, tmp_path)


def test_prompt_tuning_trains_and_cannot_be_merged(t5, time_task):
    from viz.core.finetune.result_model import as_loaded_model

    request = TrainRequest(time_task, MethodSpec(PROMPT, virtual_tokens=4), steps=2, batch_size=4)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    assert result.after is not None and len(result.losses) == 2
    with pytest.raises(FinetuneError, match="virtual tokens"):
        as_loaded_model(t5, result.model, "prompt")


def test_use_result_gives_a_loaded_model(t5, time_task):
    from viz.core.finetune.result_model import as_loaded_model

    request = TrainRequest(time_task, MethodSpec(LORA), steps=2, batch_size=4, learning_rate=1e-2)
    result = run_finetune(t5.model, t5.tokenizer, t5.family, request)
    loaded = as_loaded_model(t5, result.model, "LoRA r=8")
    assert loaded.name == "demo-t5 + LoRA r=8" and loaded.model is not t5.model
    assert type(loaded.model) is type(t5.model)  # a plain transformers model every view can trace
    np.testing.assert_allclose(_logits(loaded.model, t5.tokenizer), _logits(result.model, t5.tokenizer), atol=1e-4)


def test_selective_needs_a_layer_and_encoders_are_refused(t5, tiny_loaded):
    with pytest.raises(FinetuneError, match="layer"):
        trainable_copy(t5.model, t5.family, MethodSpec(SELECTIVE), seed=0)
    bert = tiny_loaded("bert")
    with pytest.raises(FinetuneError, match="generates text"):
        trainable_copy(bert.model, bert.family, MethodSpec(FULL), seed=0)


def test_decoder_lora_and_full_on_gpt2(tiny_loaded):
    from viz.core.finetune.evaluation import generate_answers

    gpt2 = tiny_loaded("gpt2")
    pairs = tuple(Pair(f"quick {w}", w.upper()) for w in ("fox", "dog", "brown", "lazy", "over", "the"))
    task = TaskSet("custom", "upper", "{input} =", pairs[:4], pairs[4:])
    spec = MethodSpec(LORA, lora_rank=2, lora_targets=("c_attn", "c_fc"))
    peft_model = trainable_copy(gpt2.model, gpt2.family, spec, seed=0)  # GPT-2's Conv1D: fan_in_fan_out
    assert parameter_counts(gpt2.model, gpt2.family, spec).trainable == peft_model.get_nb_trainable_parameters()[0]
    for method in (spec, MethodSpec(FULL)):
        result = run_finetune(gpt2.model, gpt2.tokenizer, gpt2.family,
                              TrainRequest(task, method, steps=3, batch_size=2, learning_rate=1e-2))
        assert len(result.losses) == 3 and np.isfinite(result.losses).all()
        assert len(result.after.tasks[0].examples) == 2
    # Left padding: answers in a batch equal answers one by one.
    prompts = ["quick fox =", "The quick brown fox jumps over ="]
    batched = generate_answers(gpt2.model, gpt2.tokenizer, gpt2.family, prompts, max_new_tokens=5)
    single = [generate_answers(gpt2.model, gpt2.tokenizer, gpt2.family, [p], max_new_tokens=5)[0] for p in prompts]
    assert batched == single


def test_low_rank_spectrum(t5, time_task):
    import torch

    from viz.core.finetune.lowrank import lora_modules, spectrum

    lora = run_finetune(t5.model, t5.tokenizer, t5.family, TrainRequest(
        time_task, MethodSpec(LORA, lora_rank=3, lora_alpha=6.0), steps=2, batch_size=4, learning_rate=1e-2)).model
    full = run_finetune(t5.model, t5.tokenizer, t5.family, TrainRequest(
        time_task, MethodSpec(FULL), steps=1, batch_size=4, learning_rate=1e-4)).model
    module = lora_modules(lora)[0]
    s = spectrum(t5.model, module, full, lora)
    layer = lora.base_model.model.get_submodule(module)
    by_hand = (layer.lora_B["default"].weight @ layer.lora_A["default"].weight).double() * 2.0  # alpha / r
    expected = torch.linalg.svdvals(by_hand).detach().numpy()
    np.testing.assert_allclose(s.lora_values, expected, rtol=1e-6, atol=1e-9)
    assert (s.lora_values > s.lora_values[0] * 1e-6).sum() <= 3
    n_out, n_in = t5.model.get_submodule(module).weight.shape
    assert (s.full_count, s.lora_count) == (n_out * n_in, 3 * (n_in + n_out))
    delta = (full.get_submodule(module).weight - t5.model.get_submodule(module).weight).double()
    np.testing.assert_allclose(s.full_values, torch.linalg.svdvals(delta).detach().numpy(), rtol=1e-6, atol=1e-12)
