"""One forward pass with hidden states, attention and logits, kept as tensors for comparing."""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.errors import TraceError
from viz.core.families import Family


@dataclass
class Outputs:
    hidden: dict  # side ("encoder"/"decoder") -> list of [seq, d_model] float32 tensors, embeddings first
    attentions: dict  # kind ("encoder"/"decoder"/"cross") -> list of [head, query, key] float32 tensors
    logits: object  # [position, vocab] float32 tensor, or None for a bare model


def forward(model, family: Family, ids, decoder_ids=None) -> Outputs:
    """`ids` and `decoder_ids` are `[1, seq]` tensors on the model's device."""
    import torch

    with torch.inference_mode():
        if family == Family.ENCODER_DECODER:
            out = model(input_ids=ids, decoder_input_ids=decoder_ids, output_attentions=True, output_hidden_states=True)
            hidden = {"encoder": out.encoder_hidden_states, "decoder": out.decoder_hidden_states}
            attentions = {"encoder": out.encoder_attentions, "decoder": out.decoder_attentions, "cross": out.cross_attentions}
        else:
            out = model(input_ids=ids, output_attentions=True, output_hidden_states=True)
            side = "encoder" if family == Family.ENCODER else "decoder"
            states = getattr(out, "hidden_states", None)
            if states is None:
                states = getattr(out, "encoder_hidden_states", None)
            hidden = {side: states}
            attentions = {side: out.attentions}
        for name, states in list(hidden.items()) + list(attentions.items()):
            if not states or any(s is None for s in states):
                raise TraceError(f"The model returned no {name} hidden states or attention weights.")
        logits = getattr(out, "logits", None)
        if ids.is_cuda:
            torch.cuda.synchronize()  # timings measure the forward pass, not its launch
        return Outputs(
            hidden={k: [h[0].float() for h in v] for k, v in hidden.items()},
            attentions={k: [a[0].float() for a in v] for k, v in attentions.items()},
            logits=logits[0].float() if logits is not None else None,
        )


def hidden_errors(reference: list, other: list):
    """(relative L2 [layer + 1], mean cosine over tokens [layer + 1]) of hidden states against the reference."""
    import numpy as np
    import torch

    rel, cos = [], []
    for h, q in zip(reference, other):
        h, q = h.double(), q.double()
        norm = float(torch.linalg.vector_norm(h))
        rel.append(float(torch.linalg.vector_norm(q - h)) / norm if norm > 0 else 0.0)
        cos.append(float(torch.nn.functional.cosine_similarity(h, q, dim=-1, eps=1e-12).mean()))
    return np.array(rel), np.array(cos)


def attention_differences(reference: list, other: list):
    """Total variation between attention rows, averaged over heads and queries: [layer], in [0, 1]."""
    import numpy as np

    return np.array([float(0.5 * (q - a).abs().sum(-1).mean()) for a, q in zip(reference, other)])


def token_divergences(reference, other):
    """(KL(reference ‖ other) per position, top-1 id per position of `other`)."""
    import torch

    log_p = torch.log_softmax(reference.double(), dim=-1)  # [position, vocab]
    log_q = torch.log_softmax(other.double(), dim=-1)
    p = log_p.exp()
    terms = torch.where(p > 0, p * (log_p - log_q), torch.zeros_like(p))  # 0 · log 0 = 0
    kl = terms.sum(-1).clamp_min(0.0)  # [position]; tiny negatives are rounding
    return kl.cpu().numpy(), other.argmax(-1).cpu().numpy()
