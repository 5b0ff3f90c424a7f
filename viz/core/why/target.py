"""The prediction to explain, and the forward passes every method shares: one logits row, on demand."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from viz.core.errors import VizError
from viz.core.families import Family

ProgressFn = Callable[[float], None]  # fraction done, 0 … 1; may be called from a worker thread
CancelFn = Callable[[], bool]  # True: stop as soon as possible


class WhyError(VizError):
    """The explanation cannot be computed for this input (one clear sentence)."""


class Cancelled(VizError):
    """The person cancelled the computation."""

    def __init__(self):
        super().__init__("Cancelled.")


@dataclass(frozen=True)
class WhyTarget:
    """The prediction explained: token `token_id` at logits row `position`.

    decoder-only: `ids` is the text, row i predicts the token after position i;
    encoder-only (masked LM): `ids` is the text, row i predicts what stands at position i;
    encoder-decoder: `ids` is the decoder side `[start, y1 …]`, `encoder_ids` the input text.
    """

    family: str  # a Family value
    ids: tuple[int, ...]
    position: int
    token_id: int
    encoder_ids: tuple[int, ...] = ()

    def __post_init__(self):
        if not 0 <= self.position < len(self.ids):
            raise WhyError(f"Position {self.position + 1} is outside the {len(self.ids)} tokens.")

    @property
    def encoder_decoder(self) -> bool:
        return self.family == Family.ENCODER_DECODER.value

    @property
    def input_ids(self) -> tuple[int, ...]:
        """The tokens an attribution is spread over (the encoder's for an encoder-decoder).

        A decoder-only model cannot see past `position`, so later tokens are left out.
        """
        if self.encoder_decoder:
            return self.encoder_ids
        if self.family == Family.DECODER.value:
            return self.ids[: self.position + 1]
        return self.ids

    @property
    def row(self) -> int:
        """The logits row once `input_ids` are run (the last one for a decoder-only model)."""
        return self.position if self.family != Family.DECODER.value else len(self.input_ids) - 1

    def with_input(self, input_ids: tuple[int, ...]) -> WhyTarget:
        """The same prediction asked of another input of the same length (activation patching)."""
        if self.encoder_decoder:
            return WhyTarget(self.family, self.ids, self.position, self.token_id, tuple(input_ids))
        return WhyTarget(self.family, tuple(input_ids), self.position, self.token_id)


def require_head(loaded) -> None:
    if not loaded.has_lm_head:
        raise WhyError("This model has no language-model head, so there is no token probability to explain.")


@contextmanager
def only_row(model, row: int):
    """Run the output head on one position: the LM head's input is cut to `row` before it is applied.

    The head works position by position, so its value at `row` is unchanged, and a 50k vocabulary costs one row
    of logits instead of one per position. Like every hook here it acts only on the thread that set it: other
    views may run the same model at the same time.
    """
    head = model.get_output_embeddings()
    owner = threading.get_ident()

    def cut(_module, args):
        if threading.get_ident() != owner:
            return None  # another view's forward pass on another thread: untouched
        hidden = args[0]  # [batch, seq, d]
        return (hidden[:, row : row + 1], *args[1:])

    handle = head.register_forward_pre_hook(cut)
    try:
        yield
    finally:
        handle.remove()


def model_inputs(loaded, target: WhyTarget, batch: int = 1, embeds=None) -> dict:
    """Keyword arguments of one forward pass: `embeds` `[batch, seq, d]` replace the input ids when given."""
    import torch

    device = loaded.device
    kwargs: dict = {"use_cache": False} if target.family != Family.ENCODER.value else {}
    if embeds is not None:
        kwargs["inputs_embeds"] = embeds
    else:
        kwargs["input_ids"] = torch.tensor([target.input_ids], device=device).expand(batch, -1)  # [batch, seq]
    if target.encoder_decoder:
        rows = embeds.shape[0] if embeds is not None else batch
        kwargs["decoder_input_ids"] = torch.tensor([target.ids], device=device).expand(rows, -1)  # [batch, dec]
    return kwargs


def row_logits(loaded, target: WhyTarget, batch: int = 1, embeds=None, **extra):
    """Logits of the explained row, `[batch, vocab]` float32, and the model output (for attentions)."""
    with only_row(loaded.model, target.row):
        out = loaded.model(**model_inputs(loaded, target, batch, embeds), **extra)
    return out.logits[:, 0].float(), out  # [batch, vocab]


def embed(loaded, ids):
    """Input embeddings `[1, seq, d]` as the model computes them from ids (scaled where the model scales)."""
    import torch

    table = loaded.model.get_input_embeddings()
    return table(torch.tensor([list(ids)], device=loaded.device))  # [1, seq, d]


def token_from_text(loaded, text: str) -> int:
    """The id of a token given as text (`" Paris"`, `"Paris"`): it must be one token of the vocabulary."""
    tokenizer = loaded.tokenizer
    vocab = tokenizer.get_vocab()
    if text in vocab:
        return int(vocab[text])
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    if len(ids) != 1:
        raise WhyError(
            f"“{text}” is {len(ids)} tokens for this tokenizer; choose a single token "
            "(often with a leading space, like “ Paris”)."
        )
    return int(ids[0])


def target_for_text(loaded, text: str, token: str | None = None, target_text: str | None = None) -> WhyTarget:
    """The prediction after `text` (decoder), at its first mask (encoder), or the first output token
    (encoder-decoder, with `target_text` or the greedy output as the decoder side); `token` defaults to the
    most likely one."""
    import torch

    from viz.core.trace import tokenize

    require_head(loaded)
    family = loaded.family
    if not text.strip():
        raise WhyError("The text is empty: give a text whose next token should be explained.")
    _tokens, ids, _cut = tokenize(loaded.tokenizer, text, loaded.max_positions())
    if family == Family.ENCODER_DECODER:
        start = loaded.config.decoder_start_token_id
        if target_text:
            target_ids = loaded.tokenizer(text_target=target_text, add_special_tokens=False)["input_ids"]
        else:
            with torch.inference_mode():
                generated = loaded.model.generate(
                    input_ids=torch.tensor([ids], device=loaded.device), max_new_tokens=32, do_sample=False,
                    num_beams=1,
                )[0].tolist()  # [start, y1 … (eos)]
            target_ids = [t for t in generated[1:] if t != loaded.config.eos_token_id]
        side = (int(start), *(int(t) for t in target_ids))
        base = WhyTarget(family.value, side, 0, 0, tuple(ids))  # the first output token
    elif family == Family.ENCODER:
        mask = loaded.tokenizer.mask_token_id
        if mask is None or mask not in ids:
            raise WhyError("There is no mask token in the text: put one where the model should fill in a word.")
        base = WhyTarget(family.value, tuple(ids), ids.index(mask), 0)
    else:
        base = WhyTarget(family.value, tuple(ids), len(ids) - 1, 0)
    if token is not None:
        token_id = token_from_text(loaded, token)
    else:
        with torch.inference_mode():
            logits, _ = row_logits(loaded, base)
        token_id = int(logits[0].argmax())
    return WhyTarget(base.family, base.ids, base.position, token_id, base.encoder_ids)


def target_for_trace(loaded, trace, position: int | None = None, token_id: int | None = None) -> WhyTarget:
    """The prediction a trace shows at `position` (default: after the text; a masked LM's first mask; an
    encoder-decoder's first output token), explained for `token_id` (default: the most likely token)."""
    import torch

    require_head(loaded)
    family = Family(trace.family)
    if family == Family.ENCODER_DECODER:
        ids = tuple(t.id for t in trace.output_tokens)
        encoder_ids = tuple(t.id for t in trace.tokens)
        default = 0
    else:
        ids, encoder_ids = tuple(t.id for t in trace.tokens), ()
        mask = getattr(loaded.tokenizer, "mask_token_id", None)
        if family == Family.ENCODER:
            default = ids.index(mask) if mask in ids else 0
        else:
            default = len(ids) - 1
    if not ids:
        raise WhyError("There is no output token to explain yet.")
    position = default if position is None else min(max(position, 0), len(ids) - 1)
    target = WhyTarget(family.value, ids, position, 0, encoder_ids)
    return with_token(loaded, target, token_id)


def target_for_sequence(sequence, position: int, token_id: int) -> WhyTarget:
    """A candidate of the sampling lab's sequence (`viz.core.generation.LabSequence`)."""
    return WhyTarget(sequence.family.value, tuple(sequence.ids), position, int(token_id), tuple(sequence.encoder_ids))


def with_token(loaded, target: WhyTarget, token_id: int | None) -> WhyTarget:
    """`target` explained for `token_id`, or for the most likely token when None."""
    import torch

    if token_id is None:
        with torch.inference_mode():
            logits, _ = row_logits(loaded, target)
        token_id = int(logits[0].argmax())
    return WhyTarget(target.family, target.ids, target.position, int(token_id), target.encoder_ids)
