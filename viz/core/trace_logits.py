"""Token scores of a trace without a `[position, vocab]` array: every position keeps its top candidates and
its entropy; a full row is computed from the position's final hidden state when someone asks for it.

At a 128k vocabulary a full row is 0.5 MB in float32, so 8,192 positions of logits would take 4 GiB.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from viz.core.families import Family

TOP_K = 20  # candidates kept per position
# Positions whose logits are computed at once while summarising: the head's matrix product needs a few
# hundred rows to run at full speed (at 128k vocabulary, 512 rows are 256 MiB of float32).
CHUNK_ROWS = 512
RECENT_ROWS = 8  # full rows kept after a read


@dataclass(frozen=True)
class TopCandidates:
    """The most likely tokens of every position, most likely first."""

    ids: np.ndarray  # [position, k] int64
    logits: np.ndarray  # [position, k] float32
    probs: np.ndarray  # [position, k] float32 (softmax over the whole vocabulary)
    entropy: np.ndarray  # [position] float32, in nats

    def __post_init__(self):
        for array in (self.ids, self.logits, self.probs, self.entropy):
            array.setflags(write=False)


class Logits:
    """The answers every logits store gives: `row`, `rows`, `top`, `vocab_size`, `positions`."""

    vocab_size: int = 0
    positions: int = 0
    top: TopCandidates

    def row(self, position: int) -> np.ndarray:
        """Logits of one position: `[vocab]` float32, read-only."""
        return self.rows([position])[0]

    def rows(self, positions) -> np.ndarray:  # [len(positions), vocab] float32
        raise NotImplementedError

    def nbytes(self) -> int:
        return 0


class HeadLogits(Logits):
    """Logits from the kept final hidden states (`[position, d_model]`, model dtype, on the device)
    through the model's output head."""

    def __init__(self, final_hidden, head):
        import torch

        self.final_hidden = final_hidden  # torch [position, d_model]
        self.head = head  # torch [n, d_model] -> [n, vocab]
        self._recent: OrderedDict[int, np.ndarray] = OrderedDict()  # position -> row: a re-read is the same array
        self._lock = threading.Lock()
        self.positions = final_hidden.shape[0]
        with torch.inference_mode():
            self.vocab_size = int(head(final_hidden[:1]).shape[-1])
        self.top = self._summarise()

    def row(self, position: int) -> np.ndarray:
        position = _index(position, self.positions)
        with self._lock:
            if position in self._recent:
                self._recent.move_to_end(position)
                return self._recent[position]
        row = self.rows([position])[0]
        with self._lock:
            self._recent[position] = row
            while len(self._recent) > RECENT_ROWS:
                self._recent.popitem(last=False)
        return row

    def rows(self, positions) -> np.ndarray:
        import torch

        index = torch.as_tensor([_index(p, self.positions) for p in positions], dtype=torch.long, device=self.final_hidden.device)
        with torch.inference_mode():
            out = self.head(self.final_hidden.index_select(0, index)).float().cpu().numpy()  # [n, vocab]
        out.setflags(write=False)
        return out

    def nbytes(self) -> int:
        return int(self.final_hidden.numel() * self.final_hidden.element_size())

    def _summarise(self) -> TopCandidates:
        import torch

        k = min(TOP_K, self.vocab_size)
        chunk = CHUNK_ROWS
        ids, logits, probs, entropy = [], [], [], []
        with torch.inference_mode():
            for start in range(0, self.positions, chunk):
                block = self.head(self.final_hidden[start : start + chunk]).float()  # [chunk, vocab]
                top = torch.topk(block, k, dim=-1)  # [chunk, k]
                p = torch.softmax(block, dim=-1)  # [chunk, vocab]
                top_p = p.gather(-1, top.indices)
                # log Σ exp(x) = max x − log p(argmax); entropy = log Σ exp(x) − Σ p·x
                log_norm = top.values[:, 0] - torch.log(top_p[:, 0])
                mean_score = torch.bmm(p.unsqueeze(1), block.unsqueeze(2)).reshape(-1)  # [chunk]
                ids.append(top.indices.cpu())
                logits.append(top.values.cpu())
                probs.append(top_p.cpu())
                entropy.append((log_norm - mean_score).cpu())
                del block, p
        return TopCandidates(
            torch.cat(ids).numpy().astype(np.int64),
            torch.cat(logits).numpy(),
            torch.cat(probs).numpy(),
            torch.cat(entropy).numpy(),
        )


class ArrayLogits(Logits):
    """Logits held as a `[position, vocab]` array (synthetic traces, models with an unknown head)."""

    def __init__(self, logits: np.ndarray):
        self.array = np.asarray(logits, dtype=np.float32)  # [position, vocab]
        self.array.setflags(write=False)
        self.positions, self.vocab_size = self.array.shape
        self.top = _top_of(self.array)
        self._views: dict[int, np.ndarray] = {}

    def rows(self, positions) -> np.ndarray:
        return self.array[list(positions)]

    def row(self, position: int) -> np.ndarray:
        """A read-only view; a re-read is the same object, as with `HeadLogits` (views cache work by identity)."""
        position = _index(position, self.positions)
        if position not in self._views:
            self._views[position] = self.array[position]
        return self._views[position]

    def nbytes(self) -> int:
        return self.array.nbytes


def _index(position: int, length: int) -> int:
    """A position counted from the end when negative, as numpy indexing does."""
    if not -length <= position < length:
        raise IndexError(f"position {position} is outside 0 … {length - 1}")
    return int(position) % length


def _top_of(array: np.ndarray) -> TopCandidates:
    k = min(TOP_K, array.shape[-1])
    ids = np.argsort(-array, axis=-1, kind="stable")[:, :k]  # [position, k]
    shifted = array.astype(np.float64) - array.max(axis=-1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))  # [position, vocab]
    entropy = -(np.exp(log_p) * log_p).sum(axis=-1)
    top = np.take_along_axis(array, ids, -1)
    probs = np.exp(np.take_along_axis(log_p, ids, -1))
    return TopCandidates(ids.astype(np.int64), top.astype(np.float32), probs.astype(np.float32), entropy.astype(np.float32))


def output_head(model, family: Family):
    """The model's output head as a function of final hidden states `[n, d_model] -> [n, vocab]`,
    exactly as the model's own forward applies it; None where the head is not known here."""
    config = model.config
    if family == Family.DECODER:
        linear = model.get_output_embeddings()
        if linear is None:
            return None
        softcap = getattr(config.get_text_config(), "final_logit_softcapping", None)
        if softcap is None:
            return linear
        import torch

        return lambda h: torch.tanh(linear(h) / softcap) * softcap
    if family == Family.ENCODER:
        for name in ("cls", "lm_head"):  # BERT's and RoBERTa's masked-LM heads
            head = getattr(model, name, None)
            if head is not None:
                return head
        if all(hasattr(model, n) for n in ("vocab_transform", "activation", "vocab_layer_norm", "vocab_projector")):
            return lambda h: model.vocab_projector(model.vocab_layer_norm(model.activation(model.vocab_transform(h))))
        return None
    if family == Family.ENCODER_DECODER:
        linear = model.get_output_embeddings()
        if linear is None:
            return None
        scale = config.d_model**-0.5 if getattr(config, "scale_decoder_outputs", False) else None
        bias = getattr(model, "final_logits_bias", None)  # BART: [1, vocab]
        if scale is not None:
            return lambda h: linear(h * scale)
        if bias is not None:
            return lambda h: linear(h) + bias.to(h.device)
        return linear
    return None
