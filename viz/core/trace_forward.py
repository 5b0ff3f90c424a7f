"""The traced forward pass: the base model (no `[position, vocab]` product) with attention recorded per layer,
then the output head applied in chunks for every position's top candidates and entropy.

Models whose attention does not go through transformers' AttentionInterface (BLOOM, with ALiBi in its own
code) run in eager mode instead and keep full attention arrays: exact, but memory grows with layers × heads × n².
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from viz.core.errors import TraceError
from viz.core.families import Family
from viz.core.lens_capture import LensBody, record_body
from viz.core.trace_attention import ArrayAttention, AttentionStore, CapturedAttention
from viz.core.trace_budget import check_trace_fits
from viz.core.trace_capture import Recorder, use_capture
from viz.core.trace_hidden import HiddenStates
from viz.core.trace_logits import ArrayLogits, HeadLogits, Logits, output_head
from viz.core.trace_types import CROSS, DECODER_SELF, ENCODER_SELF

# Names transformers gives cross-attention modules (BART/Marian/…, T5, BERT-style decoders).
_CROSS_NAMES = ("encoder_attn", "EncDecAttention", "crossattention", "cross_attn")

EAGER_FALLBACK_NOTE = (
    "This model's attention is computed in its own code (not through transformers' attention interface), "
    "so every head's full attention is kept in memory: long inputs need a lot of it."
)


EAGER_BUDGET_BYTES = 6 * 2**30  # attention arrays the eager fallback may hold


@dataclass(frozen=True)
class ForwardResult:
    attention: AttentionStore
    hidden: HiddenStates
    logits: Logits | None
    notes: tuple[str, ...] = ()
    lens_body: LensBody | None = None  # the residuals the lens reads, recorded during this pass


def traced_forward(loaded, ids, decoder_ids=None) -> ForwardResult:
    """`ids`: torch `[1, seq]`; `decoder_ids`: torch `[1, out]` for encoder-decoder models. Runs under inference mode."""
    model = loaded.model
    record = use_capture(model)
    n_output = 0 if decoder_ids is None else decoder_ids.shape[1]
    if record:
        check_trace_fits(loaded, max(ids.shape[1], n_output))
    else:
        _check_eager_budget(loaded, ids.shape[1], n_output)
    with record_body(loaded, ids, decoder_ids) as lens_body:
        if loaded.family == Family.ENCODER_DECODER:
            attention, hidden, final = _encoder_decoder(model, ids, decoder_ids, record)
        else:
            kind = ENCODER_SELF if loaded.family == Family.ENCODER else DECODER_SELF
            attention, hidden, final = _one_stack(model, ids, kind, record)
    notes = () if record else (EAGER_FALLBACK_NOTE,)
    logits = _logits(loaded, ids, decoder_ids, final)
    body = lens_body[0] if lens_body else None
    if body is not None and logits is not None:  # the model's own prediction: the lens's last row
        body = replace(body, final_top=logits.top)
    return ForwardResult(attention, hidden, logits, notes, body)


def _check_eager_budget(loaded, n_input: int, n_output: int) -> None:
    """Full attention arrays (the eager fallback) beyond EAGER_BUDGET_BYTES: one sentence and a length that fits."""
    config = loaded.config.get_text_config()
    layers = getattr(config, "num_hidden_layers", None) or getattr(config, "num_layers", 1)
    heads = getattr(config, "num_attention_heads", None) or getattr(config, "num_heads", 1)
    n = max(n_input, n_output)
    needed = 2 * layers * heads * n * n * 4  # float32 arrays, and the model's own copies while they are made
    if needed > EAGER_BUDGET_BYTES:
        fits = int((EAGER_BUDGET_BYTES / (2 * layers * heads * 4)) ** 0.5)
        raise TraceError(
            f"Tracing {n} tokens would need about {needed / 2**30:.0f} GiB for this model's attention "
            f"(it keeps every head's full matrix); shorten the text to about {fits} tokens."
        )


def _one_stack(model, ids, kind: str, record: bool):
    base = model.base_model
    kwargs = dict(input_ids=ids, output_hidden_states=True, return_dict=True)
    if kind == DECODER_SELF:
        kwargs["use_cache"] = False
    side = "encoder" if kind == ENCODER_SELF else "decoder"
    if record:
        with Recorder(kind) as recorder:
            out = base(**kwargs)
        attention = _captured(recorder, (kind,))
    else:
        out = base(output_attentions=True, **kwargs)
        attention = ArrayAttention({kind: _stack(out.attentions, kind)})
    hidden = HiddenStates({side: _states(out.hidden_states)})
    return attention, hidden, out.last_hidden_state[0]  # [seq, d_model]


def _encoder_decoder(model, ids, decoder_ids, record: bool):
    encoder, decoder = model.get_encoder(), _decoder_of(model)
    cross = {id(m): CROSS for name, m in decoder.named_modules() if name.endswith(_CROSS_NAMES)}
    extra = {} if record else {"output_attentions": True}
    if record:
        with Recorder(ENCODER_SELF, cross) as recorder:
            enc = encoder(input_ids=ids, output_hidden_states=True, return_dict=True)
            recorder.kind = DECODER_SELF
            dec = decoder(
                input_ids=decoder_ids, encoder_hidden_states=enc.last_hidden_state,
                output_hidden_states=True, use_cache=False, return_dict=True,
            )
        attention = _captured(recorder, (ENCODER_SELF, DECODER_SELF, CROSS))
    else:
        enc = encoder(input_ids=ids, output_hidden_states=True, return_dict=True, **extra)
        dec = decoder(
            input_ids=decoder_ids, encoder_hidden_states=enc.last_hidden_state,
            output_hidden_states=True, use_cache=False, return_dict=True, **extra,
        )
        attention = ArrayAttention({
            ENCODER_SELF: _stack(enc.attentions, "encoder"),
            DECODER_SELF: _stack(dec.attentions, "decoder"),
            CROSS: _stack(dec.cross_attentions, "cross"),
        })
    hidden = HiddenStates({"encoder": _states(enc.hidden_states), "decoder": _states(dec.hidden_states)})
    return attention, hidden, dec.last_hidden_state[0]  # [out, d_model]


def _decoder_of(model):
    decoder = getattr(model, "decoder", None)
    if decoder is None:
        decoder = getattr(model.base_model, "decoder", None)
    if decoder is None:
        raise TraceError(f"{type(model).__name__}: cannot find its decoder stack.")
    return decoder


def _captured(recorder: Recorder, kinds: tuple[str, ...]) -> CapturedAttention:
    missing = [k for k in kinds if not recorder.records.get(k)]
    if missing:
        raise TraceError(f"No {', '.join(missing)} attention was recorded; this architecture is not supported.")
    return CapturedAttention({k: recorder.records[k] for k in kinds})


def _logits(loaded, ids, decoder_ids, final) -> Logits | None:
    if not loaded.has_lm_head:
        return None
    head = output_head(loaded.model, loaded.family)
    if head is not None:
        return HeadLogits(final, head)
    # An output head not known here: the model's own forward, with its full logits kept.
    kwargs = {"decoder_input_ids": decoder_ids} if decoder_ids is not None else {}
    out = loaded.model(input_ids=ids, **kwargs)
    return ArrayLogits(out.logits[0].float().cpu().numpy())  # [position, vocab]


def _stack(attentions, kind: str):
    import torch

    if not attentions or any(a is None for a in attentions):
        raise TraceError(f"The model returned no {kind} attention weights.")
    return torch.stack([a[0] for a in attentions]).float().cpu().numpy()  # [layer, head, query, key]


def _states(hidden_states) -> list:
    if not hidden_states:
        raise TraceError("The model returned no hidden states.")
    return [h[0] for h in hidden_states]  # [layer + 1] x [seq, d_model], model dtype, on the device
