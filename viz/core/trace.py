"""Run a model on a text once; the Trace answers attention, hidden-state and logit questions on demand."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from viz.core.errors import InputTextError, TraceError
from viz.core.families import Family
from viz.core.loading import LoadedModel
from viz.core.text_input import clean_text, prepare_text
from viz.core.trace_forward import traced_forward
from viz.core.trace_types import Token, Trace


@dataclass(frozen=True)
class TraceRequest:
    text: str
    target_text: str | None = None  # encoder-decoder: teacher-force this output instead of generating
    max_new_tokens: int = 32  # encoder-decoder: greedy generation length when no target is given


def run_trace(loaded: LoadedModel, request: TraceRequest | str) -> Trace:
    if isinstance(request, str):
        request = TraceRequest(request)
    import torch

    started = time.perf_counter()
    limit = loaded.max_positions()
    # Cleaned and cut to what the model can see before any tokenizer reads it (viz.core.text_input).
    text, target = prepare_text(request.text, limit), prepare_text(request.target_text or "", limit)
    request = replace(request, text=text.text, target_text=target.text or None)
    if not request.text.strip():
        raise InputTextError("The text is empty: type something to trace.")
    tokens, input_ids, cut = _tokenize(loaded.tokenizer, request.text, limit)
    truncated = cut or text.left_out > 0
    notices = list(loaded.notes) + text.notices() + target.notices("The target text")
    if cut:
        notices.append(f"The input was cut to the model's {limit} positions; later text is not shown.")
    ids = torch.tensor([input_ids], device=loaded.device)  # [1, seq]
    output_text, output_tokens, generated, decoder_ids = "", (), False, None
    with torch.inference_mode():
        if loaded.family == Family.ENCODER_DECODER:
            dec_ids, output_text, output_tokens, generated = _decoder_side(loaded, ids, request)
            decoder_ids = torch.tensor([dec_ids], device=loaded.device)  # [1, out]
        result = traced_forward(loaded, ids, decoder_ids)
    notices.extend(result.notes)
    return Trace(
        model_name=loaded.name,
        family=loaded.family.value,
        device=loaded.device,
        dtype=loaded.dtype,
        text=request.text,
        tokens=tokens,
        attention_store=result.attention,
        hidden_store=result.hidden,
        logit_store=result.logits,
        output_text=output_text,
        output_tokens=output_tokens,
        output_generated=generated,
        truncated=truncated,
        notice=" ".join(notices),
        seconds=time.perf_counter() - started,
        lens_body=result.lens_body,
    )


def tokenize(tokenizer, text: str, limit: int | None = None) -> tuple[tuple[Token, ...], list[int], bool]:
    """Tokens with offsets, the ids, and whether the text was cut to `limit` positions.

    Unencodable code points are replaced one for one first, so offsets still index `text`."""
    return _tokenize(tokenizer, clean_text(text)[0], limit or 10**9)


def _tokenize(tokenizer, text: str, limit: int, target: bool = False):
    key = "text_target" if target else "text"
    enc = tokenizer(
        **{key: text},
        return_offsets_mapping=True,
        return_special_tokens_mask=True,
        add_special_tokens=True,
        truncation=False,
    )
    ids = list(enc["input_ids"])
    offsets = list(enc["offset_mapping"])
    special = list(enc["special_tokens_mask"])
    truncated = len(ids) > limit
    if truncated:
        # Keep trailing special tokens (e.g. [SEP], </s>) so the model sees a well-formed input.
        tail = 0
        while tail < len(ids) and special[len(ids) - 1 - tail]:
            tail += 1
        keep = limit - tail
        ids = ids[:keep] + ids[len(ids) - tail :]
        offsets = offsets[:keep] + offsets[len(offsets) - tail :]
        special = special[:keep] + special[len(special) - tail :]
    pieces = tokenizer.convert_ids_to_tokens(ids)
    tokens = tuple(
        Token(piece=str(p), id=int(i), start=int(s), end=int(e), special=bool(sp))
        for p, i, (s, e), sp in zip(pieces, ids, offsets, special)
    )
    return tokens, ids, truncated


def _decoder_side(loaded: LoadedModel, input_ids, request: TraceRequest):
    """Decoder inputs `[start, y1 … yn]` from a target text or greedy generation, with their tokens."""
    tokenizer, model = loaded.tokenizer, loaded.model
    start_id = model.config.decoder_start_token_id
    if start_id is None:
        raise TraceError(f"{loaded.name} has no decoder_start_token_id in its config.")
    if request.target_text:
        target_tokens, target_ids, _ = _tokenize(tokenizer, request.target_text, loaded.max_positions(), target=True)
        output_text, generated = request.target_text, False
    else:
        sequence = model.generate(
            input_ids=input_ids,
            max_new_tokens=request.max_new_tokens,
            do_sample=False,
            num_beams=1,
        )[0].tolist()  # [start, y1 … yn(, eos)]
        target_ids = sequence[1:]
        output_text = tokenizer.decode(target_ids, skip_special_tokens=True)
        target_tokens = _align_generated(tokenizer, output_text, target_ids)
        generated = True
    start_piece = tokenizer.convert_ids_to_tokens([start_id])[0]
    start = Token(piece=str(start_piece), id=int(start_id), start=0, end=0, special=True)
    return [start_id] + list(target_ids), output_text, (start,) + tuple(target_tokens), generated


def _align_generated(tokenizer, output_text: str, ids: list[int]) -> tuple[Token, ...]:
    """Offsets for generated ids: re-tokenize the decoded text and take its offsets where ids agree."""
    enc = tokenizer(text_target=output_text, return_offsets_mapping=True, add_special_tokens=False)
    pieces = tokenizer.convert_ids_to_tokens(ids)
    special_ids = set(tokenizer.all_special_ids)
    offsets = list(enc["offset_mapping"]) if list(enc["input_ids"]) == [i for i in ids if i not in special_ids] else None
    tokens, k = [], 0
    for piece, token_id in zip(pieces, ids):
        if token_id in special_ids:
            tokens.append(Token(str(piece), int(token_id), len(output_text), len(output_text), True))
        elif offsets is not None:
            s, e = offsets[k]
            k += 1
            tokens.append(Token(str(piece), int(token_id), int(s), int(e), False))
        else:
            tokens.append(Token(str(piece), int(token_id), 0, 0, False))
    return tuple(tokens)
