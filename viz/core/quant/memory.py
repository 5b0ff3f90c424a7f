"""Memory per number format, computed from the parameter count (decimal megabytes, as disks and GPUs quote)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MemoryEstimate:
    parameters: int  # unique parameters (a tied LM head counts once)
    quantizable_weights: int  # weights of the Linear/Conv1D layers
    quantizable_channels: int  # their output channels: one float32 scale each for per-channel int8
    embedding_and_other: int  # parameters that weight-only int8 keeps in float32 (untied LM head: see below)
    tied_head_weights: int  # a tied LM head gets its own int8 copy; the input embedding stays float32

    def bytes_for(self, fmt: str) -> int:
        """fp32, fp16, bf16, int8 (every parameter one byte) or int8_weight_only (what torchao's path holds)."""
        if fmt == "fp32":
            return 4 * self.parameters
        if fmt in ("fp16", "bf16"):
            return 2 * self.parameters
        if fmt == "int8":
            return self.parameters
        if fmt == "int8_weight_only":
            return self.quantizable_weights + 4 * self.quantizable_channels + 4 * self.embedding_and_other
        raise KeyError(fmt)


def memory_of(loaded) -> MemoryEstimate:
    return memory_estimate(loaded.model)


def memory_estimate(model) -> MemoryEstimate:
    from viz.core.quant.layers import layer_infos

    unique = {id(p): p.numel() for p in model.parameters()}
    infos = layer_infos(model)
    quantizable = sum(i.parameters for i in infos)
    channels = sum(i.out_features for i in infos)
    tied = sum(i.parameters for i in infos if i.tied)
    untied_layers = quantizable - tied
    total = sum(unique.values())
    return MemoryEstimate(
        parameters=total,
        quantizable_weights=quantizable,
        quantizable_channels=channels,
        embedding_and_other=total - untied_layers,
        tied_head_weights=tied,
    )


def megabytes(count: int) -> float:
    return count / 1e6
