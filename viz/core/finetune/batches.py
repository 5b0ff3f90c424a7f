"""Prompt/completion pairs as padded tensors: encoder-decoder (source -> labels) or decoder (prompt + completion,
loss on the completion only)."""

from __future__ import annotations

from viz.core.families import Family

IGNORE = -100  # label positions the loss skips


def pad_id(tokenizer) -> int:
    for value in (tokenizer.pad_token_id, tokenizer.eos_token_id, 0):
        if value is not None:
            return int(value)
    return 0


def completion_text(family: Family, target: str) -> str:
    """What a decoder is trained to continue with: a space, the answer (the end-of-text token follows)."""
    return target if family == Family.ENCODER_DECODER else " " + target


def encode_batch(tokenizer, family: Family, prompts: list[str], targets: list[str], device) -> dict:
    """Model inputs with `labels`, ready for `model(**batch).loss`."""
    import torch

    pad = pad_id(tokenizer)
    if family == Family.ENCODER_DECODER:
        source = tokenizer(prompts)["input_ids"]
        labels = tokenizer(targets)["input_ids"]
        ids = _pad(source, pad)  # [batch, source]
        return {"input_ids": torch.tensor(ids, device=device),
                "attention_mask": torch.tensor(_mask(source, len(ids[0])), device=device),
                "labels": torch.tensor(_pad(labels, IGNORE), device=device)}  # [batch, target]
    eos = tokenizer.eos_token_id
    rows, label_rows = [], []
    for prompt, target in zip(prompts, targets):
        p = tokenizer(prompt)["input_ids"]
        c = tokenizer(completion_text(family, target))["input_ids"] + ([eos] if eos is not None else [])
        rows.append(p + c)
        label_rows.append([IGNORE] * len(p) + c)
    return {"input_ids": torch.tensor(_pad(rows, pad), device=device),  # [batch, prompt + completion]
            "attention_mask": torch.tensor(_mask(rows, max(map(len, rows))), device=device),
            "labels": torch.tensor(_pad(label_rows, IGNORE), device=device)}


def encode_prompts(tokenizer, family: Family, prompts: list[str], device) -> dict:
    """Prompts for generation; a decoder's are padded on the left so every answer starts at the same column."""
    import torch

    pad = pad_id(tokenizer)
    rows = tokenizer(prompts)["input_ids"]
    width = max(map(len, rows))
    left = family != Family.ENCODER_DECODER
    ids = [([pad] * (width - len(r)) + r) if left else (r + [pad] * (width - len(r))) for r in rows]
    mask = [([0] * (width - len(r)) + [1] * len(r)) if left else ([1] * len(r) + [0] * (width - len(r)))
            for r in rows]
    return {"input_ids": torch.tensor(ids, device=device), "attention_mask": torch.tensor(mask, device=device)}


def _pad(rows: list[list[int]], value: int) -> list[list[int]]:
    width = max(map(len, rows))
    return [r + [value] * (width - len(r)) for r in rows]


def _mask(rows: list[list[int]], width: int) -> list[list[int]]:
    return [[1] * len(r) + [0] * (width - len(r)) for r in rows]
