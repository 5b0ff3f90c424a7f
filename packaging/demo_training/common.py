"""Shared pieces: device set-up, the time-budgeted training loop, files on disk."""
from __future__ import annotations

import json
import math
import os
import platform
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

MAX_WEIGHT_BYTES = 64_000_000  # all three models together, fp32


@dataclass(frozen=True)
class RunSettings:
    out: Path           # the model's folder
    device: str         # "cpu" or "cuda"
    budget_s: float     # wall-clock training time
    seed: int
    deadline: float     # absolute time by which the model's files must be final
    threads: int


def log(name: str, msg: str) -> None:
    print(f"[{name} {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def setup(settings: RunSettings) -> torch.device:
    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    if settings.device == "cuda":
        torch.cuda.manual_seed_all(settings.seed)
        torch.set_float32_matmul_precision("high")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    return torch.device(settings.device)


def machine_name(device: str) -> str:
    """A generic name of the machine: 'one NVIDIA H100 GPU', '2-core x86-64 CPU'."""
    if device == "cuda":
        name = torch.cuda.get_device_name(0)
        name = re.sub(r"\s+(\d+GB|PCIe|SXM\d*|HBM\d*e?|NVL)\b.*$", "", name).strip()
        return f"one {name} GPU"
    arch = platform.machine().replace("_", "-").replace("amd64", "x86-64").replace("AMD64", "x86-64")
    return f"{os.cpu_count()}-core {arch} CPU"


def lr_at(step: int, frac: float, peak: float, warmup: int) -> float:
    """Linear warm-up over steps, then cosine decay to 10% over the time budget."""
    return peak * min(1.0, (step + 1) / warmup) * (0.1 + 0.45 * (1 + math.cos(math.pi * min(frac, 1.0))))


def make_optimizer(model: torch.nn.Module, lr: float, weight_decay: float, device: str):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": weight_decay},
              {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=lr, betas=(0.9, 0.98), eps=1e-8,
                             fused=(device == "cuda"))


def train_for(name, settings: RunSettings, model, optimizer, step_fn, eval_fn, on_best,
              peak_lr, warmup, eval_every_s, final_reserve_s, max_steps=None, eval_first=False):
    """Run ``step_fn`` until the budget (or the deadline minus a reserve) is spent.

    ``eval_fn() -> (score, info)`` runs every ``eval_every_s``; higher is better, and
    ``on_best(step, info)`` saves each new best.  The learning rate decays over
    the time budget, or over ``max_steps`` where those come first (a small corpus
    is not worth more epochs).  Returns a summary dict.
    """
    start = time.time()
    end = min(start + settings.budget_s, settings.deadline - final_reserve_s)
    step, best, best_step, last_eval = 0, None, 0, start - (eval_every_s if eval_first else 0)
    running, steps_since = None, 0
    history = []
    while True:
        now = time.time()
        frac = max((now - start) / max(1e-9, end - start), step / max_steps if max_steps else 0.0)
        done = frac >= 1.0
        if done or now - last_eval >= eval_every_s:
            model.eval()
            with torch.no_grad():
                score, info = eval_fn()
            model.train()
            train_loss = (running / max(1, steps_since)).item() if running is not None else float("nan")
            history.append({"step": step, "seconds": round(now - start, 1),
                            "train_loss": round(train_loss, 4), **info})
            better = best is None or score > best
            if better:
                best, best_step = score, step
                on_best(step, info)
            log(name, f"step {step} {now - start:.0f}s train_loss {train_loss:.4f} "
                      + " ".join(f"{k} {v}" for k, v in info.items()) + (" *" if better else ""))
            running, steps_since, last_eval = None, 0, time.time()
        if done:
            break
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, frac, peak_lr, warmup)
        loss = step_fn(step)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        running = loss.detach() if running is None else running + loss.detach()
        steps_since += 1
        step += 1
    return {"steps": step, "best_step": best_step, "train_seconds": round(time.time() - start, 1),
            "history": history}


def weights_summary(folder: Path) -> dict:
    """Parameter count and dtypes as stored in the safetensors file."""
    from safetensors import safe_open

    path = folder / "model.safetensors"
    count, dtypes = 0, set()
    with safe_open(str(path), framework="pt") as f:
        for key in f.keys():
            t = f.get_slice(key)
            count += int(np.prod(t.get_shape()))
            dtypes.add(t.get_dtype())
    return {"parameters": count, "dtypes": sorted(dtypes), "bytes": path.stat().st_size}


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def environment() -> dict:
    import tokenizers
    import transformers

    return {"python": platform.python_version(), "torch": torch.__version__.split("+")[0],
            "transformers": transformers.__version__, "tokenizers": tokenizers.__version__}


def clean_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.iterdir():
        if p.is_file():
            p.unlink()
