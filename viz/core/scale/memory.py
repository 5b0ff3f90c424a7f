"""Memory to run and to train a transformer, term by term.

Inference: parameters times the bytes of the weight format (int4 packs two weights in a byte; the small
per-group scales of real int4/int8 kernels are left out).

Training with Adam in mixed precision (Rajbhandari et al. 2020, "ZeRO: Memory Optimizations Toward Training
Trillion Parameter Models", section 3.1): per parameter 2 bytes of fp16/bf16 weights, 2 bytes of fp16/bf16
gradients and K = 12 bytes of optimizer state (fp32 master weights, Adam momentum and variance, 4 bytes each):
16 bytes per parameter in all.

Activations (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models",
equation 1): a transformer layer stores s·b·h·(34 + 5·a·s/h) bytes in 16-bit precision without tensor or
sequence parallelism, s the sequence length, b the micro-batch, h the hidden size, a the attention heads.
With full recomputation only each layer's input is kept: 2·s·b·h bytes per layer (their section 4.1).
"""

from __future__ import annotations

from dataclasses import dataclass

# Bytes per weight of each format the calculator offers for inference.
INFERENCE_BYTES = {"fp32": 4.0, "fp16": 2.0, "bf16": 2.0, "int8": 1.0, "int4": 0.5}

WEIGHT_BYTES = 2  # fp16/bf16 copy used in the forward and backward pass
GRADIENT_BYTES = 2  # fp16/bf16 gradients
OPTIMIZER_BYTES = 12  # fp32 master weights + Adam momentum + Adam variance (ZeRO's K = 12)


@dataclass(frozen=True)
class Shape:
    """What the memory of a transformer depends on."""

    parameters: float
    layers: int = 0
    hidden: int = 0
    heads: int = 0

    @property
    def has_architecture(self) -> bool:
        return self.layers > 0 and self.hidden > 0 and self.heads > 0


@dataclass(frozen=True)
class TrainingMemory:
    """Bytes of each term for one full copy of the model (no sharding)."""

    weights: float
    gradients: float
    optimizer: float
    activations: float

    @property
    def model_states(self) -> float:
        return self.weights + self.gradients + self.optimizer

    @property
    def total(self) -> float:
        return self.model_states + self.activations


def inference_bytes(parameters: float, dtype: str) -> float:
    """Memory of the weights alone in `dtype` (one of INFERENCE_BYTES)."""
    return parameters * INFERENCE_BYTES[dtype]


def activation_bytes(shape: Shape, batch: int, sequence: int, recompute: bool = False) -> float:
    """Activations kept for the backward pass over all layers (Korthikanti et al. 2022, eq. 1 / sec. 4.1)."""
    if not shape.has_architecture:
        return 0.0
    s, b, h, a = sequence, batch, shape.hidden, shape.heads
    per_layer = 2 * s * b * h if recompute else s * b * h * (34 + 5 * a * s / h)
    return shape.layers * per_layer


def training_memory(shape: Shape, batch: int, sequence: int, recompute: bool = False) -> TrainingMemory:
    p = shape.parameters
    return TrainingMemory(
        weights=WEIGHT_BYTES * p,
        gradients=GRADIENT_BYTES * p,
        optimizer=OPTIMIZER_BYTES * p,
        activations=activation_bytes(shape, batch, sequence, recompute),
    )
