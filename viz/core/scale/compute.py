"""Training compute and the Chinchilla rule.

Training FLOPs ≈ 6·N·D (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", section 2.1: 2N per
token forward, 4N backward). One petaFLOP/s-day is 10^15 FLOP/s for a day, 8.64·10^19 FLOPs (the unit of
Brown et al. 2020, "Language Models are Few-Shot Learners", appendix D).

Chinchilla (Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models"): for a compute budget,
parameters and tokens should grow alike, about 20 tokens per parameter (their table 3: 70 B parameters,
1.4 T tokens). With C = 6·N·D and D = 20·N, the optimal size for C is N = sqrt(C / 120).
"""

from __future__ import annotations

import math

FLOPS_PER_PARAMETER_TOKEN = 6
PETAFLOP_S_DAY = 1e15 * 24 * 3600
CHINCHILLA_TOKENS_PER_PARAMETER = 20


def training_flops(parameters: float, tokens: float) -> float:
    return FLOPS_PER_PARAMETER_TOKEN * parameters * tokens


def petaflop_s_days(flops: float) -> float:
    return flops / PETAFLOP_S_DAY


def chinchilla_tokens(parameters: float) -> float:
    """Compute-optimal training tokens for a model of `parameters`."""
    return CHINCHILLA_TOKENS_PER_PARAMETER * parameters


def chinchilla_parameters(flops: float) -> float:
    """Compute-optimal model size for a budget of `flops` (with 6·N·D and 20 tokens per parameter)."""
    return math.sqrt(flops / (FLOPS_PER_PARAMETER_TOKEN * CHINCHILLA_TOKENS_PER_PARAMETER))


def frontier(min_flops: float, max_flops: float, points: int = 50) -> tuple[list[float], list[float]]:
    """The compute-optimal line: (parameters, tokens) for budgets spaced evenly in log between the bounds."""
    low, high = math.log10(min_flops), math.log10(max_flops)
    sizes, tokens = [], []
    for i in range(points):
        n = chinchilla_parameters(10 ** (low + (high - low) * i / (points - 1)))
        sizes.append(n)
        tokens.append(chinchilla_tokens(n))
    return sizes, tokens
