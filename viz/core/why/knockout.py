"""Head knock-out: zero or mean-replace attention heads and watch the explained prediction change.

A forward pre-hook on each attention block's output projection rewrites the knocked-out heads' slices of the
per-head context `[batch, seq, heads × head_dim]`, so it works the same for every architecture. "Mean" puts in
the head's context averaged over the positions of the unmodified run of the same input.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import numpy as np

from viz.core.why.components import AttentionBlock, attention_blocks
from viz.core.why.target import Cancelled, CancelFn, ProgressFn, WhyError, WhyTarget, require_head, row_logits

ZERO = "zero"
MEAN = "mean"
Head = tuple[str, int, int]  # kind, layer, head (0-based)


@dataclass(frozen=True)
class KnockoutRequest:
    target: WhyTarget
    heads: tuple[Head, ...]  # knocked out together
    mode: str = ZERO
    top: int = 10  # candidates listed before and after


@dataclass(frozen=True)
class KnockoutResult:
    request: KnockoutRequest
    base_log_probs: np.ndarray  # [vocab] float64, the unmodified run
    log_probs: np.ndarray  # [vocab] float64, with the heads knocked out
    candidate_ids: tuple[int, ...]  # the most likely tokens of either run, most likely first

    @property
    def base_probability(self) -> float:
        return float(np.exp(self.base_log_probs[self.request.target.token_id]))

    @property
    def probability(self) -> float:
        return float(np.exp(self.log_probs[self.request.target.token_id]))

    @property
    def kl(self) -> float:
        """KL(unmodified ‖ knocked out) in nats."""
        return kl_divergence(self.base_log_probs, self.log_probs)


@dataclass(frozen=True)
class ScanRequest:
    target: WhyTarget
    kind: str  # which attention's heads are scanned
    mode: str = ZERO
    chunk: int = 12  # heads knocked out per batched forward pass


@dataclass(frozen=True)
class ScanResult:
    request: ScanRequest
    base_probability: float
    probability: np.ndarray  # [layer, head]: the explained token's probability with that head knocked out
    kl: np.ndarray  # [layer, head]: KL(unmodified ‖ knocked out), nats

    @property
    def change(self) -> np.ndarray:
        return self.probability - self.base_probability  # [layer, head]


def kl_divergence(p_log: np.ndarray, q_log: np.ndarray) -> float:
    p = np.exp(p_log)
    return float(np.sum(p * (p_log - q_log)))


def run_knockout(loaded, request: KnockoutRequest) -> KnockoutResult:
    import torch

    require_head(loaded)
    blocks = attention_blocks(loaded)
    _check_heads(blocks, request.heads)
    target = request.target
    with torch.inference_mode():
        means = _context_means(loaded, target, blocks) if request.mode == MEAN else {}
        base, _ = row_logits(loaded, target)
        with knocked_out(loaded.model, blocks, [set(request.heads)], request.mode, means):
            changed, _ = row_logits(loaded, target)
    base = torch.log_softmax(base[0].double(), -1).cpu().numpy()  # [vocab]
    changed = torch.log_softmax(changed[0].double(), -1).cpu().numpy()
    order = list(np.argsort(-base)[: request.top]) + list(np.argsort(-changed)[: request.top])
    ids = tuple(dict.fromkeys(int(i) for i in order))
    ids = tuple(sorted(ids, key=lambda i: -max(base[i], changed[i])))
    return KnockoutResult(request, base, changed, ids)


def run_scan(
    loaded, request: ScanRequest, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
) -> ScanResult:
    """Knock out each head of one kind in turn; several heads share a batched forward pass, one per row."""
    import torch

    require_head(loaded)
    blocks = attention_blocks(loaded)
    mine = [b for b in blocks if b.kind == request.kind]
    if not mine:
        raise WhyError(f"This model has no {request.kind} attention.")
    layers, heads = mine[-1].layer + 1, mine[0].heads
    cells = [(request.kind, layer, head) for layer in range(layers) for head in range(heads)]
    target, token = request.target, request.target.token_id
    probability = np.zeros(len(cells))
    kl = np.zeros(len(cells))
    chunk = max(1, request.chunk)
    with torch.inference_mode():
        means = _context_means(loaded, target, blocks) if request.mode == MEAN else {}
        base, _ = row_logits(loaded, target)
        base = torch.log_softmax(base.double(), -1)  # [1, vocab]
        for start in range(0, len(cells), chunk):
            if cancelled is not None and cancelled():
                raise Cancelled()
            rows = cells[start : start + chunk]
            with knocked_out(loaded.model, blocks, [{cell} for cell in rows], request.mode, means):
                logits, _ = row_logits(loaded, target, batch=len(rows))  # [rows, vocab]
            log_q = torch.log_softmax(logits.double(), -1)
            probability[start : start + len(rows)] = log_q[:, token].exp().cpu().numpy()
            kl[start : start + len(rows)] = (base.exp() * (base - log_q)).sum(-1).cpu().numpy()
            if progress is not None:
                progress((start + len(rows)) / len(cells))
    base_probability = float(base[0, token].exp())
    return ScanResult(request, base_probability, probability.reshape(layers, heads), kl.reshape(layers, heads))


@contextmanager
def knocked_out(model, blocks: list[AttentionBlock], rows: list[set[Head]], mode: str, means: dict):
    """While open, batch row r of every forward pass runs with the heads in `rows[r]` knocked out.

    A pass of one row applies `rows[0]`; `means` maps a block path to its heads' mean contexts `[inner]`.
    """
    with ExitStack() as stack:
        for block in blocks:
            plan = [(r, head) for r, heads in enumerate(rows) for kind, layer, head in heads
                    if kind == block.kind and layer == block.layer]
            if plan:
                hook = _slice_hook(plan, block.heads, mode, means.get(block.path))
                stack.callback(model.get_submodule(block.path).register_forward_pre_hook(hook).remove)
        yield


def _slice_hook(plan: list[tuple[int, int]], heads: int, mode: str, mean):
    owner = threading.get_ident()

    def hook(_module, args):
        if threading.get_ident() != owner:
            return None  # another thread's forward pass is left alone
        context = args[0].clone()  # [batch, seq, heads × head_dim]
        width = context.shape[-1] // heads
        for row, head in plan:
            if row >= context.shape[0]:
                continue
            part = slice(head * width, (head + 1) * width)
            context[row, :, part] = 0.0 if mode == ZERO else mean[part]
        return (context, *args[1:])

    return hook


def _context_means(loaded, target: WhyTarget, blocks: list[AttentionBlock]) -> dict:
    """Each block's per-head context averaged over positions in the unmodified run: path -> `[inner]`."""
    means = {}
    model = loaded.model
    owner = threading.get_ident()
    with ExitStack() as stack:
        for block in blocks:
            def keep(_module, args, path=block.path):
                if threading.get_ident() == owner:
                    means[path] = args[0][0].mean(dim=0)  # [seq, inner] -> [inner]

            stack.callback(model.get_submodule(block.path).register_forward_pre_hook(keep).remove)
        row_logits(loaded, target)
    return means


def _check_heads(blocks: list[AttentionBlock], heads: tuple[Head, ...]) -> None:
    known = {(b.kind, b.layer): b.heads for b in blocks}
    for kind, layer, head in heads:
        if (kind, layer) not in known or not 0 <= head < known[(kind, layer)]:
            raise WhyError(f"There is no head {head + 1} in layer {layer + 1} of the {kind} attention.")
