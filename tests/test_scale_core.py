"""Model size and cost: published figures and the formulas of the ZeRO, Korthikanti and Chinchilla papers."""

from __future__ import annotations

import pytest

from viz.core.scale.calculator import ScaleRequest, calculate
from viz.core.scale.compute import (
    chinchilla_parameters, chinchilla_tokens, frontier, petaflop_s_days, training_flops,
)
from viz.core.scale.from_model import shape_of
from viz.core.scale.known_models import KNOWN_MODELS
from viz.core.scale.memory import Shape, activation_bytes, inference_bytes, training_memory
from viz.core.scale.parallel import STRATEGIES, per_gpu, zero_formula


def test_gpt3_compute_matches_the_paper():
    # Brown et al. 2020, table D.1: 3.14e23 FLOPs, 3,640 petaflop/s-days (their 175 B is 174.6 B parameters).
    flops = training_flops(175e9, 300e9)
    assert flops == pytest.approx(3.14e23, rel=0.005)
    assert petaflop_s_days(flops) == pytest.approx(3640, rel=0.005)
    assert petaflop_s_days(8.64e19) == pytest.approx(1.0)


def test_chinchilla_tokens_and_optimal_size():
    assert chinchilla_tokens(70e9) == pytest.approx(1.4e12)
    # Chinchilla was trained with Gopher's budget, 5.76e23 FLOPs (Hoffmann et al. 2022, table 3): ~70 B.
    assert chinchilla_parameters(5.76e23) == pytest.approx(70e9, rel=0.02)
    n = chinchilla_parameters(1e22)
    assert training_flops(n, chinchilla_tokens(n)) == pytest.approx(1e22)
    sizes, tokens = frontier(1e18, 1e26, 9)
    assert sizes[0] == pytest.approx((1e18 / 120) ** 0.5) and sizes[-1] == pytest.approx((1e26 / 120) ** 0.5)
    assert tokens == pytest.approx([20 * s for s in sizes])


@pytest.mark.parametrize("gpus", [1, 8, 64])
def test_zero_stages_equal_the_paper(gpus):
    psi = 7.5e9  # the ZeRO paper's figure 1 example
    memory = training_memory(Shape(psi), batch=1, sequence=1)
    assert memory.model_states == 16 * psi
    by_strategy = {s: per_gpu(memory, s, gpus) for s in STRATEGIES}
    assert by_strategy["ddp"].total == pytest.approx(zero_formula(psi, 0, gpus)) == pytest.approx(16 * psi)
    assert by_strategy["zero1"].total == pytest.approx(4 * psi + 12 * psi / gpus)
    assert by_strategy["zero2"].total == pytest.approx(2 * psi + 14 * psi / gpus)
    assert by_strategy["zero3"].total == pytest.approx(16 * psi / gpus)
    assert by_strategy["fsdp"].total == by_strategy["zero3"].total
    for stage, key in enumerate(("ddp", "zero1", "zero2", "zero3")):
        assert by_strategy[key].total == pytest.approx(zero_formula(psi, stage, gpus))


def test_zero_paper_figure_1_numbers():
    # Figure 1: Ψ = 7.5 B, N = 64: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB.
    figures = [zero_formula(7.5e9, stage, 64) / 1e9 for stage in range(4)]
    assert figures == pytest.approx([120, 31.4, 16.6, 1.9], abs=0.05)


def test_activations_follow_korthikanti_equation_1():
    shape = Shape(1e6, layers=3, hidden=8, heads=2)
    s, b = 4, 2
    assert activation_bytes(shape, b, s) == pytest.approx(3 * s * b * 8 * (34 + 5 * 2 * s / 8))
    assert activation_bytes(shape, b, s, recompute=True) == 3 * 2 * s * b * 8
    assert activation_bytes(Shape(1e6), b, s) == 0  # no architecture known: no estimate
    per = per_gpu(training_memory(shape, b, s), "zero3", 4)
    assert per.activations == activation_bytes(shape, b, s)  # not sharded


def test_inference_bytes_per_format():
    assert [inference_bytes(1e9, d) for d in ("fp32", "fp16", "bf16", "int8", "int4")] == [4e9, 2e9, 2e9, 1e9, 0.5e9]


def test_calculator_fills_every_figure():
    result = calculate(ScaleRequest(Shape(70e9, 80, 8192, 64), batch=1, sequence=2048, gpus=8))
    assert result.tokens == pytest.approx(1.4e12)
    assert result.flops == pytest.approx(6 * 70e9 * 1.4e12)
    assert result.optimal_parameters == pytest.approx(70e9)
    assert len(result.per_gpu) == len(STRATEGIES)
    assert result.inference["int4"] == 35e9


def test_known_models_carry_sources():
    names = {m.name for m in KNOWN_MODELS}
    assert {"GPT-3 175B", "Chinchilla 70B", "LLaMA 7B", "LLaMA 65B", "BLOOM 176B", "PaLM 540B"} <= names
    assert all(m.source and m.parameters > 0 and m.tokens > 0 for m in KNOWN_MODELS)


@pytest.mark.parametrize("arch", ["gpt2", "t5"])
def test_shape_read_from_a_loaded_model(tiny_loaded, arch):
    loaded = tiny_loaded(arch)
    shape = shape_of(loaded)
    assert shape.parameters == sum(p.numel() for p in loaded.model.parameters())
    assert shape.hidden == 32 and shape.heads == 4
    assert shape.layers == (2 if arch == "gpt2" else 4)


@pytest.mark.parametrize("text,value", [
    ("175B", 175e9), ("1.4T", 1.4e12), ("7e9", 7e9), ("125 M", 125e6), ("3,14e23", 3.14e23), ("2.5k", 2500.0),
])
def test_counts_read_as_people_write_them(text, value):
    from viz.core.scale.quantities import parse_count

    assert parse_count(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "0", "7 X", "1..2"])
def test_unreadable_counts_raise_one_clear_error(text):
    from viz.core.scale.quantities import QuantityError, parse_count

    with pytest.raises(QuantityError):
        parse_count(text)
