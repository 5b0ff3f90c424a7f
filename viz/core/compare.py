"""Compare two runs position by position: the same model on two texts, or two models (two dtypes) on one text.

For each position, the next-token distributions P (run A) and Q (run B) are compared by
- KL(P ‖ Q) = Σ_v P(v) (log P(v) − log Q(v)), in nats (what B loses in describing A's prediction);
- the top-1 tokens: a flip is a position where A's and B's most likely tokens differ.
Positions are matched by index; two texts are compared over the shorter one, and where their tokens differ
the row says so. Logits come from the loaded models on demand (one forward pass per run) and the KL is
computed in chunks of positions, so a long text never holds more than two chunks of probabilities at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.core.errors import VizError
from viz.core.families import Family

CHUNK = 256  # positions per KL chunk


class CompareError(VizError):
    """Two runs that cannot be compared position by position."""


@dataclass(frozen=True)
class Run:
    loaded: object  # LoadedModel
    text: str
    target: str = ""  # encoder-decoder: the output to teacher-force


@dataclass(frozen=True)
class Comparison:
    tokens_a: tuple[str, ...]
    tokens_b: tuple[str, ...]
    same_token: np.ndarray  # [position] bool: both runs read the same token here
    kl: np.ndarray  # [position] KL(P_a ‖ P_b) in nats
    top1_a: np.ndarray  # [position] token id
    top1_b: np.ndarray  # [position] token id
    top1_labels_a: tuple[str, ...]
    top1_labels_b: tuple[str, ...]

    @property
    def flips(self) -> np.ndarray:
        """[position] bool: the most likely next token differs."""
        return self.top1_a != self.top1_b

    def rows(self) -> list[list]:
        header = ["position", "token A", "token B", "KL(A‖B) nats", "top-1 A", "top-1 B", "flip"]
        return [header] + [
            [i, self.tokens_a[i], self.tokens_b[i], float(self.kl[i]), self.top1_labels_a[i], self.top1_labels_b[i],
             bool(self.flips[i])]
            for i in range(len(self.kl))
        ]


def run_logits(run: Run):
    """`(ids, logits)`: the ids whose positions are compared and their logits, `[position, vocab]` float32 torch.

    Decoder and encoder: the text's tokens. Encoder-decoder: the teacher-forced output's positions.
    """
    import torch

    loaded = run.loaded
    if not loaded.has_lm_head:
        raise CompareError(f"{loaded.name} has no language-model head, so it gives no token probabilities.")
    tokenizer, device = loaded.tokenizer, loaded.device
    ids = tokenizer(run.text)["input_ids"][: loaded.max_positions()]
    with torch.inference_mode():
        if Family(loaded.family) == Family.ENCODER_DECODER:
            if not run.target:
                raise CompareError("Give the output text to compare an encoder-decoder's predictions.")
            target = tokenizer(text_target=run.target)["input_ids"][: loaded.max_positions()]
            start = loaded.config.decoder_start_token_id
            decoder = [start] + target[:-1]
            logits = loaded.model(input_ids=torch.tensor([ids], device=device),
                                  decoder_input_ids=torch.tensor([decoder], device=device)).logits[0]
            ids = decoder
        else:
            logits = loaded.model(input_ids=torch.tensor([ids], device=device)).logits[0]  # [position, vocab]
    return ids, logits.float()


def compare_runs(a: Run, b: Run) -> Comparison:
    from viz.core.generation import token_labels

    check_comparable(a.loaded, b.loaded)
    ids_a, logits_a = run_logits(a)
    ids_b, logits_b = run_logits(b)
    if logits_a.shape[-1] != logits_b.shape[-1]:
        raise CompareError("The two models have different vocabularies, so their predictions cannot be compared "
                           "token by token.")
    length = min(len(ids_a), len(ids_b))
    kl, top_a, top_b = compare_logits(logits_a[:length], logits_b[:length])
    return Comparison(
        tokens_a=tuple(token_labels(a.loaded.tokenizer, ids_a[:length])),
        tokens_b=tuple(token_labels(b.loaded.tokenizer, ids_b[:length])),
        same_token=np.array(ids_a[:length]) == np.array(ids_b[:length]),
        kl=kl,
        top1_a=top_a,
        top1_b=top_b,
        top1_labels_a=tuple(token_labels(a.loaded.tokenizer, top_a.tolist())),
        top1_labels_b=tuple(token_labels(b.loaded.tokenizer, top_b.tolist())),
    )


def check_comparable(a, b) -> None:
    """Two loaded models whose predictions mean the same thing token by token: the same family and the same
    tokenizer vocabulary (a size alone is not enough: two unrelated 4,096-token vocabularies share it)."""
    if a is b:
        return
    if Family(a.family) != Family(b.family):
        raise CompareError(f"{a.name} is {Family(a.family).value} and {b.name} is {Family(b.family).value}: their "
                           "predictions are of different kinds, so they cannot be compared position by position.")
    if a.tokenizer is not b.tokenizer and a.tokenizer.get_vocab() != b.tokenizer.get_vocab():
        raise CompareError(f"{a.name} and {b.name} use different tokenizers, so their predictions cannot be "
                           "compared token by token.")


def compare_logits(logits_a, logits_b) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-position KL(P_a ‖ P_b) and both top-1 ids, from logits `[position, vocab]` (torch), chunk by chunk."""
    import torch

    kl, top_a, top_b = [], [], []
    for start in range(0, logits_a.shape[0], CHUNK):
        la = torch.log_softmax(logits_a[start : start + CHUNK].float(), dim=-1)  # [chunk, vocab]
        lb = torch.log_softmax(logits_b[start : start + CHUNK].float().to(la.device), dim=-1)  # [chunk, vocab]
        kl.append((la.exp() * (la - lb)).sum(-1).clamp_min(0).cpu())  # rounding can dip just below 0
        top_a.append(la.argmax(-1).cpu())
        top_b.append(lb.argmax(-1).cpu())
    if not kl:
        empty = np.zeros(0)
        return empty, empty.astype(np.int64), empty.astype(np.int64)
    return (torch.cat(kl).numpy().astype(np.float64), torch.cat(top_a).numpy(), torch.cat(top_b).numpy())
