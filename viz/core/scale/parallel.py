"""How data-parallel training divides the model states over N GPUs (ZeRO paper, figure 1 and section 5).

Ψ parameters, K = 12 optimizer bytes per parameter, N GPUs; bytes per GPU:
- DDP (plain data parallel): every GPU holds everything, (2 + 2 + K)·Ψ;
- ZeRO-1 (optimizer states sharded): 2Ψ + 2Ψ + K·Ψ/N;
- ZeRO-2 (and gradients): 2Ψ + (2 + K)·Ψ/N;
- ZeRO-3 (and parameters): (2 + 2 + K)·Ψ/N;
- FSDP in PyTorch's FULL_SHARD mode shards as ZeRO-3 does (SHARD_GRAD_OP is ZeRO-2).
Activations are not sharded by any of these: each GPU keeps those of its own micro-batch.
"""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.scale.memory import GRADIENT_BYTES, OPTIMIZER_BYTES, WEIGHT_BYTES, TrainingMemory

STRATEGIES = ("ddp", "zero1", "zero2", "zero3", "fsdp")
STRATEGY_NAMES = {"ddp": "DDP", "zero1": "ZeRO-1", "zero2": "ZeRO-2", "zero3": "ZeRO-3", "fsdp": "FSDP (full shard)"}


@dataclass(frozen=True)
class PerGpu:
    strategy: str
    weights: float
    gradients: float
    optimizer: float
    activations: float

    @property
    def total(self) -> float:
        return self.weights + self.gradients + self.optimizer + self.activations


def per_gpu(memory: TrainingMemory, strategy: str, gpus: int) -> PerGpu:
    """Bytes each of `gpus` GPUs holds under `strategy` (one of STRATEGIES)."""
    if gpus < 1:
        raise ValueError("at least one GPU")
    shard_optimizer = strategy in ("zero1", "zero2", "zero3", "fsdp")
    shard_gradients = strategy in ("zero2", "zero3", "fsdp")
    shard_weights = strategy in ("zero3", "fsdp")
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}")
    return PerGpu(
        strategy=strategy,
        weights=memory.weights / gpus if shard_weights else memory.weights,
        gradients=memory.gradients / gpus if shard_gradients else memory.gradients,
        optimizer=memory.optimizer / gpus if shard_optimizer else memory.optimizer,
        activations=memory.activations,
    )


def zero_formula(parameters: float, stage: int, gpus: int) -> float:
    """The ZeRO paper's model-state bytes per GPU for stage 0 (DDP) to 3, written out as in the paper."""
    psi, k, n = parameters, OPTIMIZER_BYTES, gpus
    return {
        0: (WEIGHT_BYTES + GRADIENT_BYTES + k) * psi,
        1: WEIGHT_BYTES * psi + GRADIENT_BYTES * psi + k * psi / n,
        2: WEIGHT_BYTES * psi + (GRADIENT_BYTES + k) * psi / n,
        3: (WEIGHT_BYTES + GRADIENT_BYTES + k) * psi / n,
    }[stage]
