"""Step-by-step generation for the sampling lab: a growing sequence with the logits of every position.

A `LabSequence` starts from a trace and grows one chosen token at a time:
- decoder-only: the prompt plus appended tokens; row i predicts the token after position i;
- encoder-decoder: the decoder side `[start, y1 …]` beside a fixed encoder input; steps grow the decoder;
- encoder (masked LM): the input itself; a step fills one `[MASK]` and every row is recomputed.
Each sequence keeps the one before it, so undo and reset are free. Forward passes run wherever the caller
runs them (the UI: a worker thread).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from viz.core.errors import TraceError
from viz.core.families import Family
from viz.core.loading import LoadedModel
from viz.core.sampling import Distribution, SamplingSettings, sample_token
from viz.core.tokenization_bytes import byte_level_bytes
from viz.core.trace_capture import fast_attention

# Spaces, line breaks and control bytes drawn as visible symbols (U+2400 control pictures).
_VISIBLE = {code: chr(0x2400 + code) for code in range(32)} | {127: "␡", 32: "␣", 10: "⏎", 9: "⇥"}


@dataclass(frozen=True)
class StepRecord:
    index: int  # 1 for the first step
    position: int  # whose distribution was sampled
    token_id: int
    label: str  # readable token string
    probability: float  # in the distribution it was drawn from (after the filters)
    rank: int  # 1 = most likely before any filter
    settings: SamplingSettings


@dataclass(frozen=True)
class LabSequence:
    family: Family
    ids: tuple[int, ...]  # the side that grows (decoder-only: prompt + steps; enc-dec: decoder; encoder: input)
    rows: Sequence[np.ndarray]  # rows[i]: logits [vocab] at position i (the trace's rows computed when read)
    labels: tuple[str, ...]  # readable token strings of ids
    encoder_ids: tuple[int, ...] = ()  # encoder-decoder: the fixed encoder input
    steps: tuple[StepRecord, ...] = ()
    changed: frozenset[int] = frozenset()  # positions the steps wrote
    previous: LabSequence | None = field(default=None, repr=False)

    @property
    def end(self) -> int:
        return len(self.ids) - 1

    def root(self) -> LabSequence:
        sequence = self
        while sequence.previous is not None:
            sequence = sequence.previous
        return sequence


def start_sequence(loaded: LoadedModel, trace) -> LabSequence:
    """The lab's starting point for a trace; the trace must have logits (a model with an LM head)."""
    if not trace.has_logits:
        raise TraceError("This model has no language-model head, so it gives no token probabilities.")
    family = Family(trace.family)
    tokenizer = loaded.tokenizer
    if family == Family.ENCODER_DECODER:
        # The decoder side as traced: the model's own greedy output or the given target, walked from its
        # first position (see `default_position`); steps continue after it.
        ids = tuple(t.id for t in trace.output_tokens)
        encoder_ids = tuple(t.id for t in trace.tokens)
    else:
        ids, encoder_ids = tuple(t.id for t in trace.tokens), ()
    rows = TraceRows(trace.logit_store, len(ids))  # computed when read, not held
    return LabSequence(family, ids, rows, tuple(token_labels(tokenizer, ids)), encoder_ids)


def mask_positions(loaded: LoadedModel, sequence: LabSequence) -> list[int]:
    mask_id = getattr(loaded.tokenizer, "mask_token_id", None)
    if mask_id is None:
        return []
    return [i for i, token_id in enumerate(sequence.ids) if token_id == mask_id]


def default_position(loaded: LoadedModel, sequence: LabSequence) -> int | None:
    """End of the sequence; for a masked LM, the first remaining mask (None when there is none)."""
    if sequence.family == Family.ENCODER:
        masks = mask_positions(loaded, sequence)
        return masks[0] if masks else None
    if sequence.family == Family.ENCODER_DECODER and not sequence.steps:
        return 0  # the output as traced: from the distribution its first token was taken from
    return sequence.end


def step_position(loaded: LoadedModel, sequence: LabSequence, position: int | None) -> int | None:
    """Where a step samples: the end for generators; the chosen (or first) mask for a masked LM."""
    if sequence.family != Family.ENCODER:
        return sequence.end if room_left(loaded, sequence) else None
    masks = mask_positions(loaded, sequence)
    if position in masks:
        return position
    return masks[0] if masks else None


def room_left(loaded: LoadedModel, sequence: LabSequence) -> bool:
    return len(sequence.ids) < loaded.max_positions()


def choose(loaded: LoadedModel, sequence: LabSequence, position: int, distribution: Distribution) -> StepRecord:
    """Draw the next token from `distribution` (the one shown for `position`); seeded by the step number."""
    index = len(sequence.steps) + 1
    token_id = sample_token(distribution, index)
    return StepRecord(
        index=index,
        position=position,
        token_id=token_id,
        label=token_labels(loaded.tokenizer, [token_id])[0],
        probability=float(distribution.probs[token_id]),
        rank=distribution.ranked.rank_of(token_id),
        settings=distribution.settings,
    )


def ended(loaded: LoadedModel, sequence: LabSequence) -> bool:
    """The last step (or an encoder-decoder's traced output) ended with the end-of-sequence token: generate()
    would stop here."""
    eos = getattr(loaded.config, "eos_token_id", None)
    eos = set(eos) if isinstance(eos, (list, tuple)) else {eos}
    if sequence.steps:
        return sequence.steps[-1].token_id in eos
    # an encoder-decoder's traced output that already ends the sequence
    return sequence.family == Family.ENCODER_DECODER and len(sequence.ids) > 1 and sequence.ids[-1] in eos


def advance(loaded: LoadedModel, sequence: LabSequence, record: StepRecord) -> LabSequence:
    """Put the chosen token in, run the model once, and return the longer (or filled-in) sequence."""
    label = record.label
    if sequence.family == Family.ENCODER:
        ids = list(sequence.ids)
        ids[record.position] = record.token_id
        ids = tuple(ids)
        labels = sequence.labels[: record.position] + (label,) + sequence.labels[record.position + 1 :]
        rows = tuple(_forward(loaded, sequence, ids))  # every position sees the filled token
        changed = sequence.changed | {record.position}
    else:
        ids = sequence.ids + (record.token_id,)
        labels = sequence.labels + (label,)
        rows = _appended(sequence.rows, _forward(loaded, sequence, ids)[-1])
        changed = sequence.changed | {len(ids) - 1}
    return LabSequence(
        family=sequence.family,
        ids=ids,
        rows=rows,
        labels=labels,
        encoder_ids=sequence.encoder_ids,
        steps=sequence.steps + (record,),
        changed=frozenset(changed),
        previous=sequence,
    )


class TraceRows(Sequence):
    """The first `length` logits rows of a trace, then rows appended by steps: `[vocab]` float32 each.
    A trace row is computed from the position's final hidden state when read (a few are cached)."""

    def __init__(self, store, length: int, extra: tuple[np.ndarray, ...] = ()):
        self.store, self.length, self.extra = store, length, extra

    def __len__(self) -> int:
        return self.length + len(self.extra)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.store.row(index) if index < self.length else self.extra[index - self.length]


def _appended(rows, row: np.ndarray):
    if isinstance(rows, TraceRows):
        return TraceRows(rows.store, rows.length, rows.extra + (row,))
    return tuple(rows) + (row,)


def token_labels(tokenizer, ids) -> list[str]:
    """What each id reads as, with spaces and line breaks made visible (␣, ⏎)."""
    pieces = tokenizer.convert_ids_to_tokens(list(ids))
    labels = []
    for token_id, piece in zip(ids, pieces):
        text = tokenizer.decode([int(token_id)], skip_special_tokens=False, clean_up_tokenization_spaces=False)
        if not text or "\ufffd" in text:  # part of a multi-byte character, or a bare space marker
            text = _partial_character(str(piece))
        labels.append(text.translate(_VISIBLE))
    return labels


def _partial_character(piece: str) -> str:
    """A piece holding only some bytes of a character (an emoji split by byte-level BPE): the readable
    bytes as text, the rest as hex, e.g. ⟨F0⟩⟨9F⟩."""
    data = byte_level_bytes(piece)
    if data is None:  # SentencePiece ("▁", "<0xF0>") or WordPiece: the piece reads well enough
        return piece.replace("\u2581", " ")
    text = data.decode("utf-8", errors="backslashreplace")
    return re.sub(r"\\x([0-9a-f]{2})", lambda m: f"⟨{m.group(1).upper()}⟩", text)


def _forward(loaded: LoadedModel, sequence: LabSequence, ids: tuple[int, ...]) -> np.ndarray:
    import torch

    device = loaded.device
    with torch.inference_mode():
        if sequence.family == Family.ENCODER_DECODER:
            out = loaded.model(
                input_ids=torch.tensor([sequence.encoder_ids], device=device),
                decoder_input_ids=torch.tensor([ids], device=device),
            )
        elif sequence.family == Family.DECODER:  # only the last row is new: no [position, vocab] product
            with fast_attention(loaded.model):
                out = loaded.model(input_ids=torch.tensor([ids], device=device), logits_to_keep=1)
        else:
            out = loaded.model(input_ids=torch.tensor([ids], device=device))
        return out.logits[0].float().cpu().numpy()  # [position, vocab] (decoder: the last position only)
