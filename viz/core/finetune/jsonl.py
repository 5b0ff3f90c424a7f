"""Your own task: a small JSONL file of {"prompt": ..., "completion": ...} lines."""

from __future__ import annotations

import json
import random
from pathlib import Path

from viz.core.finetune.errors import FinetuneError
from viz.core.finetune.tasks import SLOT, Pair, TaskSet

MAX_PAIRS = 20_000
MAX_BYTES = 20_000_000
MIN_PAIRS = 4


def load_jsonl(path: str | Path, held_out_share: float = 0.2, seed: int = 0) -> TaskSet:
    """Read the pairs; a seeded shuffle puts `held_out_share` of them (at least one) into the held-out set."""
    path = Path(path)
    if not path.is_file():
        raise FinetuneError(f"{path.name}: no such file.")
    if path.stat().st_size > MAX_BYTES:
        raise FinetuneError(f"{path.name}: larger than {MAX_BYTES // 1_000_000} MB; a fine-tuning demo needs far less.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FinetuneError(f"{path.name}: not UTF-8 text.") from None
    pairs = [_parse(line, number, path.name) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(pairs) < MIN_PAIRS:
        raise FinetuneError(f"{path.name}: {len(pairs)} pairs; at least {MIN_PAIRS} are needed (some are held out).")
    if len(pairs) > MAX_PAIRS:
        raise FinetuneError(f"{path.name}: {len(pairs)} pairs; at most {MAX_PAIRS} are read.")
    order = list(range(len(pairs)))
    random.Random(seed).shuffle(order)
    n_held = max(1, round(len(pairs) * held_out_share))
    held = tuple(pairs[i] for i in sorted(order[:n_held]))
    train = tuple(pairs[i] for i in sorted(order[n_held:]))
    return TaskSet("custom", path.stem, SLOT, train, held)


def _parse(line: str, number: int, name: str) -> Pair:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FinetuneError(f"{name}, line {number}: not valid JSON ({exc.msg}).") from None
    if not isinstance(row, dict):
        raise FinetuneError(f"{name}, line {number}: expected an object with \"prompt\" and \"completion\".")
    missing = [key for key in ("prompt", "completion") if key not in row]
    if missing:
        raise FinetuneError(f"{name}, line {number}: no \"{missing[0]}\" field.")
    prompt, completion = row["prompt"], row["completion"]
    if not isinstance(prompt, str) or not isinstance(completion, str):
        raise FinetuneError(f"{name}, line {number}: \"prompt\" and \"completion\" must be text.")
    if not completion.strip():
        raise FinetuneError(f"{name}, line {number}: the completion is empty.")
    return Pair(prompt, completion)
