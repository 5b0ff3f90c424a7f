"""One fine-tuning run: evaluate the base model, train a copy, evaluate the copy.

Seeded (adapter initialisation, dropout and batch order), on the model's device, reporting progress through a
callback and checking a stop flag between steps. The loaded model is read, never changed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from viz.core.families import Family
from viz.core.finetune.batches import encode_batch
from viz.core.finetune.evaluation import EvalReport, evaluate, model_device
from viz.core.finetune.methods import MethodSpec, ParameterCounts, parameter_counts, trainable_copy
from viz.core.finetune.tasks import TaskSet


@dataclass(frozen=True)
class TrainRequest:
    task: TaskSet
    method: MethodSpec
    steps: int = 150
    batch_size: int = 16
    learning_rate: float = 3e-3
    seed: int = 0
    mix_share: float = 0.0  # share of each batch drawn from `mix_tasks` (multi-task tuning against forgetting)
    mix_tasks: tuple[TaskSet, ...] = ()
    eval_tasks: tuple[TaskSet, ...] = ()  # held-out sets measured before and after; empty: only `task`
    max_new_tokens: int = 16
    warmup_share: float = 0.1


@dataclass(frozen=True)
class Progress:
    phase: str  # "before", "training", "after"
    step: int
    steps: int
    loss: float | None
    seconds: float


@dataclass
class FinetuneResult:
    request: TrainRequest
    counts: ParameterCounts
    losses: np.ndarray  # [steps done], training loss per step
    cancelled: bool
    train_seconds: float
    before: EvalReport
    after: EvalReport | None  # None when cancelled
    model: object = field(repr=False)  # the trained copy (a peft model for LoRA and prompt tuning)


def eval_tasks(request: TrainRequest) -> tuple[TaskSet, ...]:
    return request.eval_tasks or (request.task,)


def run_finetune(model, tokenizer, family: Family, request: TrainRequest,
                 on_progress: Callable[[Progress], None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> FinetuneResult:
    report = on_progress or (lambda _p: None)
    stop = should_stop or (lambda: False)
    started = time.perf_counter()
    report(Progress("before", 0, request.steps, None, 0.0))
    before = evaluate(model, tokenizer, family, eval_tasks(request), request.max_new_tokens)
    counts = parameter_counts(model, family, request.method)
    tuned = trainable_copy(model, family, request.method, request.seed)
    losses, cancelled, seconds = train_loop(tuned, tokenizer, family, request, report, stop)
    after = None
    if not cancelled:
        report(Progress("after", len(losses), request.steps, losses[-1] if len(losses) else None,
                        time.perf_counter() - started))
        after = evaluate(tuned, tokenizer, family, eval_tasks(request), request.max_new_tokens)
    tuned.eval()
    return FinetuneResult(request, counts, losses, cancelled, seconds, before, after, tuned)


def train_loop(model, tokenizer, family: Family, request: TrainRequest, report, stop) -> tuple[np.ndarray, bool, float]:
    """AdamW on the trainable parameters, linear warm-up then linear decay. Returns (losses, cancelled, seconds)."""
    import torch

    torch.manual_seed(request.seed)
    rng = np.random.default_rng(request.seed)
    device = model_device(model)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=request.learning_rate, weight_decay=0.0)
    warmup = max(1, int(request.steps * request.warmup_share))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (request.steps - s) / max(1, request.steps - warmup))))
    model.train()
    losses: list[float] = []
    started = time.perf_counter()
    for step in range(request.steps):
        if stop():
            return np.array(losses), True, time.perf_counter() - started
        prompts, targets = sample_batch(request, rng)
        batch = encode_batch(tokenizer, family, prompts, targets, device)
        loss = model(**batch).loss
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(float(loss.detach()))
        report(Progress("training", step + 1, request.steps, losses[-1], time.perf_counter() - started))
    return np.array(losses), False, time.perf_counter() - started


def sample_batch(request: TrainRequest, rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """A batch of rendered prompts and targets; each row comes from an old task with probability `mix_share`."""
    prompts, targets = [], []
    for _ in range(request.batch_size):
        task = request.task
        if request.mix_tasks and rng.random() < request.mix_share:
            task = request.mix_tasks[int(rng.integers(len(request.mix_tasks)))]
        pair = task.train[int(rng.integers(len(task.train)))]
        prompts.append(task.prompt(pair))
        targets.append(pair.target)
    return prompts, targets
