"""Input attribution for one prediction: which input tokens raised or lowered its log-probability.

Integrated gradients and gradient × input come from Captum. They attribute to the input embeddings, which
are passed to the model as `inputs_embeds` rather than hooked inside it: T5 and BART share one embedding table
between encoder and decoder, and a layer hook (LayerIntegratedGradients) would scale the decoder's inputs along
the path too. The model itself adds positions (and scales, where it does) exactly as it does for ids.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from viz.core.why.target import Cancelled, CancelFn, ProgressFn, WhyTarget, embed, require_head, row_logits

INTEGRATED_GRADIENTS = "integrated_gradients"
GRADIENT_X_INPUT = "gradient_x_input"
ATTENTION_X_GRADIENT = "attention_x_gradient"
METHODS = (INTEGRATED_GRADIENTS, GRADIENT_X_INPUT, ATTENTION_X_GRADIENT)
PAD_BASELINE = "pad"  # the padding token's embedding at every ordinary position; special tokens kept
ZERO_BASELINE = "zero"  # all-zero embeddings


@dataclass(frozen=True)
class AttributionRequest:
    target: WhyTarget
    method: str = INTEGRATED_GRADIENTS
    steps: int = 64  # integrated gradients: points along the path from the baseline
    chunk: int = 16  # integrated gradients: path points per forward pass (Captum's internal_batch_size)
    baseline: str = PAD_BASELINE


@dataclass(frozen=True)
class AttributionResult:
    request: AttributionRequest
    token_ids: tuple[int, ...]  # the input tokens scored
    scores: np.ndarray  # [seq] float64: each token's share, summed over the embedding dimension
    log_prob: float  # the explained token's log-probability
    probability: float
    baseline_log_prob: float | None = None  # integrated gradients: f(baseline)
    completeness_error: float | None = None  # integrated gradients: sum(scores) − (f(x) − f(baseline))

    @property
    def relative_error(self) -> float | None:
        """|completeness error| ÷ |f(x) − f(baseline)|: how far the sum is from what it should add up to."""
        if self.completeness_error is None or self.baseline_log_prob is None:
            return None
        gap = abs(self.log_prob - self.baseline_log_prob)
        return abs(self.completeness_error) / gap if gap > 0 else 0.0


def run_attribution(
    loaded, request: AttributionRequest, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
) -> AttributionResult:
    import torch

    require_head(loaded)
    target = request.target
    with torch.enable_grad():
        if request.method == ATTENTION_X_GRADIENT:
            scores, log_prob = _attention_x_gradient(loaded, target, cancelled)
            if progress:
                progress(1.0)
            return AttributionResult(request, target.input_ids, scores, log_prob, float(np.exp(log_prob)))
        if request.method not in METHODS:
            raise ValueError(f"unknown attribution method {request.method!r}")
        return _captum(loaded, request, progress, cancelled)


def import_captum():
    """Import Captum's attribution methods (seconds: captum.attr also loads matplotlib and IPython for its plots).

    A GUI calls this on its own thread before the first attribution: PySide's import hook, run for every module a
    worker thread imports, has crashed the window while it restyled itself. matplotlib gets its image-only backend
    unless the user chose one, so that pyplot never starts a Qt backend of its own.
    """
    os.environ.setdefault("MPLBACKEND", "Agg")
    from captum.attr import InputXGradient, IntegratedGradients

    return InputXGradient, IntegratedGradients


def _captum(loaded, request: AttributionRequest, progress, cancelled) -> AttributionResult:
    import torch

    InputXGradient, IntegratedGradients = import_captum()

    target = request.target
    inputs = embed(loaded, target.input_ids).detach()  # [1, seq, d]
    ig = request.method == INTEGRATED_GRADIENTS
    total = request.steps + 2 if ig else 1  # Captum's path points, then f(x) and f(baseline) for the check
    done = [0]

    def log_prob_of(embeds):  # [batch, seq, d] -> [batch]
        if cancelled is not None and cancelled():
            raise Cancelled()
        logits, _ = row_logits(loaded, target, embeds=embeds)  # [batch, vocab]
        done[0] += embeds.shape[0]
        if progress is not None:
            progress(min(1.0, done[0] / total))
        return torch.log_softmax(logits, dim=-1)[:, target.token_id]

    if ig:
        method = IntegratedGradients(log_prob_of)
        reference = baseline_embeddings(loaded, target, request.baseline, inputs)  # [1, seq, d]
        attributions, delta = method.attribute(
            inputs, baselines=reference, n_steps=request.steps,
            internal_batch_size=max(1, request.chunk), return_convergence_delta=True,
        )
        with torch.no_grad():
            baseline = float(log_prob_of(reference)[0])
        error = float(delta.reshape(-1)[0])
    else:
        attributions = InputXGradient(log_prob_of).attribute(inputs.clone().requires_grad_(True))
        baseline, error = None, None
    with torch.no_grad():
        log_prob = float(log_prob_of(inputs)[0])
    scores = attributions[0].detach().sum(dim=-1).double().cpu().numpy()  # [seq]
    return AttributionResult(request, target.input_ids, scores, log_prob, float(np.exp(log_prob)), baseline, error)


def baseline_embeddings(loaded, target: WhyTarget, kind: str, inputs):
    """The path's starting point `[1, seq, d]`.

    All-zero embeddings suit models that add position embeddings to the input (GPT-2, BERT), but where the first
    RMSNorm sees the embeddings alone (T5, Llama) zero is a singular point the path cannot be integrated across,
    so the default is the padding token everywhere, as in Captum's BERT tutorial.
    """
    import torch

    if kind == ZERO_BASELINE:
        return torch.zeros_like(inputs)
    tokenizer = loaded.tokenizer
    pad = next((i for i in (tokenizer.pad_token_id, tokenizer.unk_token_id, tokenizer.eos_token_id) if i is not None), None)
    if pad is None:
        return torch.zeros_like(inputs)
    special = set(tokenizer.all_special_ids)
    ids = [i if i in special else pad for i in target.input_ids]
    return embed(loaded, ids).detach()


def _attention_x_gradient(loaded, target: WhyTarget, cancelled) -> tuple[np.ndarray, float]:
    """Σ over layers, heads and queries of attention weight × d log p / d weight, for each key token.

    A first-order estimate of how much the prediction depends on attention paid to each token. The weights need
    eager attention; the app loads models that way, and any other model is switched to it for this pass only.
    For an encoder-decoder, the encoder's self-attention and the cross-attention both look at input tokens.
    """
    import torch

    model = loaded.model
    from viz.core.trace_capture import CAPTURE

    previous = getattr(model.config, "_attn_implementation", "eager")
    # The app's recording attention returns eager weights when no trace records, so it needs no switch (a switch
    # would change the shared model under a trace running on another thread).
    switch = previous not in ("eager", CAPTURE)
    if switch:
        model.set_attn_implementation("eager")
    try:
        if cancelled is not None and cancelled():
            raise Cancelled()
        logits, out = row_logits(loaded, target, output_attentions=True)
        log_prob = torch.log_softmax(logits, dim=-1)[0, target.token_id]
        if target.encoder_decoder:
            weights = [*out.encoder_attentions, *out.cross_attentions]
        else:
            weights = list(out.attentions)  # each [1, heads, query, key]
        grads = torch.autograd.grad(log_prob, weights)
        scores = sum((w * g).sum(dim=(0, 1, 2)) for w, g in zip(weights, grads))  # [key]
    finally:
        if switch:
            model.set_attn_implementation(previous)
    return scores.double().detach().cpu().numpy(), float(log_prob.detach())
