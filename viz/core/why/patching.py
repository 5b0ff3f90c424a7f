"""Activation patching: run a corrupted prompt, restore one activation of the clean run, and measure how much
of the clean prediction comes back.

For every layer and position of the patched stack the map holds
`(metric(patched) − metric(corrupted)) ÷ (metric(clean) − metric(corrupted))`: 0 where restoring changes nothing,
1 where it brings the clean prediction back. Components: the residual stream after the layer, the attention's
output (its output projection) and the MLP's output.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import numpy as np

from viz.core.why.components import Block, residual_blocks
from viz.core.why.target import Cancelled, CancelFn, ProgressFn, WhyError, WhyTarget, require_head, row_logits

RESIDUAL = "residual"
ATTENTION = "attention"
MLP = "mlp"
COMPONENTS = (RESIDUAL, ATTENTION, MLP)
LOGIT_DIFFERENCE = "logit_difference"  # logit of the explained token − logit of the corrupted run's favourite
PROBABILITY = "probability"
Patch = tuple[str, int]  # component, layer


@dataclass(frozen=True)
class PatchingRequest:
    clean: WhyTarget
    corrupted_ids: tuple[int, ...]  # the corrupted input, as long as the clean one
    components: tuple[str, ...] = COMPONENTS
    metric: str = LOGIT_DIFFERENCE
    chunk: int = 16  # patched runs per batched forward pass


@dataclass(frozen=True)
class PatchingResult:
    request: PatchingRequest
    maps: dict  # component -> [layer, position] restored fraction
    clean_value: float
    corrupted_value: float
    foil_id: int | None  # logit difference: the token the corrupted run prefers
    clean_probability: float
    corrupted_probability: float


def check_lengths(clean: WhyTarget, corrupted_ids) -> None:
    n, m = len(clean.input_ids), len(corrupted_ids)
    if n != m:
        raise WhyError(
            f"The clean prompt is {n} tokens and the corrupted one {m}: patching needs the same length, "
            "so change words for words of the same token count."
        )


def corrupted_target(clean: WhyTarget, corrupted_ids) -> WhyTarget:
    """The clean prediction asked of the corrupted input (which must be as long as the clean one)."""
    check_lengths(clean, corrupted_ids)
    return clean.with_input(tuple(corrupted_ids))


def run_patching(
    loaded, request: PatchingRequest, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
) -> PatchingResult:
    import torch

    require_head(loaded)
    clean = request.clean
    corrupted = corrupted_target(clean, request.corrupted_ids)
    blocks = residual_blocks(loaded)
    components = [c for c in request.components if c != MLP or all(b.mlp for b in blocks)]
    positions = len(clean.input_ids)
    jobs = [(c, layer, pos) for c in components for layer in range(len(blocks)) for pos in range(positions)]
    values = np.zeros(len(jobs))
    chunk = max(1, request.chunk)
    with torch.inference_mode():
        cache = clean_activations(loaded, clean, blocks, components)
        clean_logits, _ = row_logits(loaded, clean)
        corrupted_logits, _ = row_logits(loaded, corrupted)
        foil = _foil(corrupted_logits[0], clean.token_id) if request.metric == LOGIT_DIFFERENCE else None
        clean_value = _metric(clean_logits, clean.token_id, foil)[0]
        corrupted_value = _metric(corrupted_logits, clean.token_id, foil)[0]
        if abs(clean_value - corrupted_value) < 1e-9:
            raise WhyError("The clean and corrupted prompts give the same prediction, so there is nothing to restore.")
        for start in range(0, len(jobs), chunk):
            if cancelled is not None and cancelled():
                raise Cancelled()
            rows = jobs[start : start + chunk]
            plan = [{(c, layer): [pos]} for c, layer, pos in rows]
            with patched(loaded.model, blocks, cache, plan):
                logits, _ = row_logits(loaded, corrupted, batch=len(rows))
            values[start : start + len(rows)] = _metric(logits, clean.token_id, foil)
            if progress is not None:
                progress((start + len(rows)) / len(jobs))
    restored = (values - corrupted_value) / (clean_value - corrupted_value)
    maps = {c: restored[i * len(blocks) * positions : (i + 1) * len(blocks) * positions].reshape(len(blocks), positions)
            for i, c in enumerate(components)}
    return PatchingResult(
        request, maps, clean_value, corrupted_value, foil,
        float(torch.softmax(clean_logits[0], -1)[clean.token_id]),
        float(torch.softmax(corrupted_logits[0], -1)[clean.token_id]),
    )


def patched_logits(loaded, clean: WhyTarget, corrupted_ids, patches: dict[Patch, list[int]]):
    """The explained row's logits `[vocab]` of the corrupted run with `patches` restored from the clean run."""
    import torch

    corrupted = corrupted_target(clean, corrupted_ids)
    blocks = residual_blocks(loaded)
    with torch.inference_mode():
        cache = clean_activations(loaded, clean, blocks, {c for c, _ in patches})
        with patched(loaded.model, blocks, cache, [patches]):
            logits, _ = row_logits(loaded, corrupted)
    return logits[0]


def clean_activations(loaded, clean: WhyTarget, blocks: list[Block], components) -> dict[Patch, object]:
    """(component, layer) -> the clean run's activation `[seq, d]`."""
    cache = {}
    owner = threading.get_ident()
    with ExitStack() as stack:
        for block in blocks:
            for component in components:
                def keep(_module, _args, output, key=(component, block.layer)):
                    if threading.get_ident() == owner:
                        cache[key] = _first(output)[0]  # [seq, d]

                module = loaded.model.get_submodule(_path(block, component))
                stack.callback(module.register_forward_hook(keep).remove)
        row_logits(loaded, clean)
    return cache


@contextmanager
def patched(model, blocks: list[Block], cache: dict, rows: list[dict[Patch, list[int]]]):
    """While open, batch row r has the clean activations at `rows[r][(component, layer)]` positions put back."""
    with ExitStack() as stack:
        for block in blocks:
            for component in COMPONENTS:
                key = (component, block.layer)
                plan = [(r, positions) for r, patches in enumerate(rows) for k, positions in patches.items() if k == key]
                if plan:
                    hook = _restore_hook(plan, cache[key])
                    stack.callback(model.get_submodule(_path(block, component)).register_forward_hook(hook).remove)
        yield


def _restore_hook(plan, clean):
    owner = threading.get_ident()

    def hook(_module, _args, output):
        if threading.get_ident() != owner:
            return None  # another thread's forward pass is left alone
        hidden = _first(output).clone()  # [batch, seq, d]
        for row, positions in plan:
            if row < hidden.shape[0]:
                hidden[row, positions] = clean[positions]
        if isinstance(output, tuple):
            return (hidden, *output[1:])
        return hidden

    return hook


def _first(output):
    return output[0] if isinstance(output, tuple) else output


def _path(block: Block, component: str) -> str:
    return {RESIDUAL: block.path, ATTENTION: block.attention, MLP: block.mlp}[component]


def _foil(logits, token_id: int) -> int:
    """The corrupted run's favourite token other than the explained one."""
    top = logits.topk(2).indices.tolist()
    return top[0] if top[0] != token_id else top[1]


def _metric(logits, token_id: int, foil: int | None) -> np.ndarray:
    import torch

    if foil is None:
        return torch.softmax(logits.double(), -1)[:, token_id].cpu().numpy()  # [batch]
    return (logits[:, token_id] - logits[:, foil]).double().cpu().numpy()  # [batch]
