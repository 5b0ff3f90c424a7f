"""One request in, every figure of the "Model size and cost" panel out."""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.scale.compute import (
    chinchilla_parameters, chinchilla_tokens, petaflop_s_days, training_flops,
)
from viz.core.scale.memory import INFERENCE_BYTES, Shape, TrainingMemory, inference_bytes, training_memory
from viz.core.scale.parallel import STRATEGIES, PerGpu, per_gpu


@dataclass(frozen=True)
class ScaleRequest:
    shape: Shape
    batch: int = 1  # sequences per GPU (micro-batch)
    sequence: int = 2048  # tokens per sequence
    gpus: int = 8
    tokens: float = 0.0  # training tokens; 0 means the Chinchilla-optimal count
    budget_flops: float = 0.0  # compute budget for the optimal-size question; 0 means this run's compute
    recompute: bool = False  # full activation recomputation


@dataclass(frozen=True)
class ScaleResult:
    request: ScaleRequest
    inference: dict[str, float]  # dtype -> bytes
    training: TrainingMemory
    per_gpu: tuple[PerGpu, ...]
    tokens: float
    flops: float
    pf_days: float
    optimal_tokens: float
    budget_flops: float
    optimal_parameters: float  # for budget_flops
    optimal_tokens_for_budget: float


def calculate(request: ScaleRequest) -> ScaleResult:
    shape = request.shape
    tokens = request.tokens or chinchilla_tokens(shape.parameters)
    flops = training_flops(shape.parameters, tokens)
    budget = request.budget_flops or flops
    training = training_memory(shape, request.batch, request.sequence, request.recompute)
    optimal_n = chinchilla_parameters(budget)
    return ScaleResult(
        request=request,
        inference={dtype: inference_bytes(shape.parameters, dtype) for dtype in INFERENCE_BYTES},
        training=training,
        per_gpu=tuple(per_gpu(training, strategy, request.gpus) for strategy in STRATEGIES),
        tokens=tokens,
        flops=flops,
        pf_days=petaflop_s_days(flops),
        optimal_tokens=chinchilla_tokens(shape.parameters),
        budget_flops=budget,
        optimal_parameters=optimal_n,
        optimal_tokens_for_budget=chinchilla_tokens(optimal_n),
    )
