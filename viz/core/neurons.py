"""MLP neurons: which fire most on each token of the text, and one neuron across the whole text.

A neuron's activation is the input of the MLP's down projection: the activation function's output for
GELU/ReLU MLPs (GPT-2, BERT, T5), and `act(gate) * up` for gated MLPs (Llama, Qwen: SwiGLU).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.errors import UnsupportedModelError
from viz.core.lens import LensRequest, encode_inputs
from viz.core.lens_arch import lens_arch
from viz.core.lens_capture import run_body

TOP_NEURONS = 10


@dataclass(frozen=True)
class NeuronRequest:
    text: str
    layer: int  # 0-based block index on the lens side
    neuron: int | None = None  # follow this neuron across tokens; None: the most active one overall
    decoder_ids: tuple[int, ...] | None = None
    top: int = TOP_NEURONS


@dataclass(frozen=True)
class NeuronResult:
    layer: int
    width: int  # neurons in the layer's MLP
    top_ids: np.ndarray  # [seq, top] neuron indices, most active first
    top_values: np.ndarray  # [seq, top] their activations
    neuron: int
    neuron_values: np.ndarray  # [seq] activation of `neuron` on every token


def run_neurons(loaded, request: NeuronRequest) -> NeuronResult:
    import torch

    arch = lens_arch(loaded)
    if not 0 <= request.layer < len(arch.parts):
        raise UnsupportedModelError(f"Layer {request.layer + 1} does not exist; the model has {len(arch.parts)}.")
    if arch.parts[request.layer].mlp_down is None:
        raise UnsupportedModelError(f"The lens does not know where the MLP is in '{loaded.config.model_type}'.")
    input_ids, decoder_ids = encode_inputs(loaded, LensRequest(request.text, request.decoder_ids))
    captured = run_body(loaded, arch, input_ids, decoder_ids, keep_residuals=False, neuron_layer=request.layer)
    with torch.inference_mode():
        acts = captured.neurons.float()  # [seq, d_mlp]
        k = min(request.top, acts.shape[1])
        values, ids = acts.topk(k, dim=-1)  # [seq, k]
        neuron = request.neuron
        if neuron is None:
            neuron = int(acts.max(0).values.argmax())
        if not 0 <= neuron < acts.shape[1]:
            raise UnsupportedModelError(f"Neuron {neuron} does not exist; layer {request.layer + 1} has {acts.shape[1]}.")
        return NeuronResult(
            layer=request.layer,
            width=int(acts.shape[1]),
            top_ids=ids.cpu().numpy(),
            top_values=values.cpu().numpy(),
            neuron=neuron,
            neuron_values=acts[:, neuron].cpu().numpy(),
        )
