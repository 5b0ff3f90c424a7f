"""Logit lens: what every layer would predict if the model stopped there.

Each layer's residual stream goes through the model's own final norm and output head, in chunks of rows so
that no layers x positions x vocabulary array is ever held: per cell only the top tokens, their
probabilities, and the probability and rank of one focus token are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from viz.core.errors import InputTextError
from viz.core.families import Family
from viz.core.lens_arch import lens_arch
from viz.core.lens_capture import LensBody, body_key, run_body
from viz.core.lens_fast import blocked_head, project_top_blocked

TOP_K = 5
ROW_BUDGET = 1 << 24  # logits held at once (rows x vocabulary): 64 MB in float32


@dataclass(frozen=True)
class LensRequest:
    text: str
    decoder_ids: tuple[int, ...] | None = None  # encoder-decoder: the decoder's inputs (start, y1 … yn)
    focus_token: int | None = None  # colour by this token's probability; None: each position's final top token
    top_k: int = TOP_K
    first_positions: int | None = None  # only the first so many positions (a first screen); None: all


@dataclass(frozen=True)
class LensResult:
    family: str
    side: str  # "decoder" (next token) or "encoder" (masked-LM: the token at each position)
    tokens: tuple[str, ...]  # what stands at each position of the lens side
    token_ids: np.ndarray  # [seq]
    layer_labels: tuple[str, ...]  # "emb", "1" … "L"
    top_ids: np.ndarray  # [layer + 1, seq, k] int64
    top_probs: np.ndarray  # [layer + 1, seq, k] float32
    focus_ids: np.ndarray  # [seq] the token whose probability and rank each column follows
    focus_probs: np.ndarray  # [layer + 1, seq]
    focus_ranks: np.ndarray  # [layer + 1, seq], 0 = top-1
    commitment: np.ndarray  # [seq] first layer from which the final top token stays top-1
    residual_norms: np.ndarray  # [layer + 1, seq]
    encoder_tokens: tuple[str, ...] = ()  # encoder-decoder: the input side, shown as context
    encoder_norms: np.ndarray | None = None  # [encoder layer + 1, src_seq]
    vocab: dict | None = None  # token id -> readable text, for every id the result mentions
    total_positions: int = 0  # positions of the whole text; more than `len(tokens)` for a first screen
    # A first screen's forward pass over the whole text, if it had one, so that the whole grid after it need not
    # run the model again (`run_lens(..., after=first_screen)`).
    body: LensBody | None = field(default=None, repr=False, compare=False)

    @property
    def final_ids(self) -> np.ndarray:
        return self.top_ids[-1, :, 0]  # [seq]

    @property
    def complete(self) -> bool:
        return len(self.tokens) >= self.total_positions

    def text_of(self, token_id: int) -> str:
        return self.vocab.get(int(token_id), str(token_id)) if self.vocab else str(token_id)


def encode_inputs(loaded, request):
    """Input ids `[1, seq]` (and decoder ids for encoder-decoder models) on the model's device."""
    import torch

    from viz.core.trace import tokenize

    if not request.text.strip():
        raise InputTextError("The text is empty: type something to look through the lens.")
    _tokens, ids, _cut = tokenize(loaded.tokenizer, request.text, loaded.max_positions())
    input_ids = torch.tensor([ids], device=loaded.device)
    decoder_ids = None
    if loaded.family == Family.ENCODER_DECODER:
        dec = list(request.decoder_ids or ())
        if not dec:
            dec = [loaded.model.config.decoder_start_token_id]
        decoder_ids = torch.tensor([dec], device=loaded.device)
    return input_ids, decoder_ids


def run_lens(loaded, request: LensRequest, after: LensResult | None = None, body: LensBody | None = None) -> LensResult:
    """The lens grid of `request`. The model runs only if no pass on the same inputs is at hand: `body`, one
    recorded during the trace (`Trace.lens_body`), or `after`, a first screen of the same text."""
    import torch

    from viz.core.attention import visible_controls

    arch = lens_arch(loaded)
    input_ids, decoder_ids = encode_inputs(loaded, request)
    side_ids = (decoder_ids if decoder_ids is not None else input_ids)[0]  # [seq]
    total = side_ids.shape[0]
    first = request.first_positions if request.first_positions is not None and request.first_positions < total else None
    key = body_key(input_ids, decoder_ids)
    at_hand = [b for b in (body, after.body if after is not None else None) if b is not None and b.key == key]
    kept = None  # a first screen hands the pass it used on to the whole grid
    final_top = None  # the model's own top tokens per position, where the pass kept them
    if at_hand:
        captured, final_top = at_hand[0].captured, at_hand[0].final_top
        kept = at_hand[0] if first is not None else None
    elif first is not None and loaded.family == Family.DECODER:
        # A causal model's first positions see only the tokens before them: run just those.
        captured = run_body(loaded, arch, input_ids[:, :first])
    else:
        captured = run_body(loaded, arch, input_ids, decoder_ids)
        kept = LensBody(key, captured) if first is not None else None
    residuals = torch.stack(captured.residuals)  # [layer + 1, seq, d_model]
    if first is not None:
        residuals, side_ids = residuals[:, :first], side_ids[:first]
    done = _columns_done(loaded, request, after, key, side_ids) if first is None else 0
    known_final = _final_row(final_top, request, done, residuals.shape[1])
    top_ids, top_probs, focus, focus_probs, focus_ranks = _project_columns(
        loaded, arch, residuals[:, done:], request, known_final)
    if done:  # the first screen's columns, then the rest's
        top_ids, top_probs = np.concatenate([after.top_ids, top_ids], 1), np.concatenate([after.top_probs, top_probs], 1)
        focus_probs = np.concatenate([after.focus_probs, focus_probs], 1)
        focus_ranks = np.concatenate([after.focus_ranks, focus_ranks], 1)
        focus = np.concatenate([after.focus_ids, focus])
    commitment = _commitment(top_ids[:, :, 0] == top_ids[-1:, :, 0])  # on top where the final top token is
    norms = residuals.float().norm(dim=-1).cpu().numpy()  # [layer + 1, seq]
    encoder = loaded.family == Family.ENCODER
    tok = loaded.tokenizer
    mentioned = set(top_ids.ravel().tolist()) | set(focus.tolist()) | set(side_ids.tolist())
    known = after.vocab if done and after.vocab else {}
    vocab = {i: known[i] if i in known else visible_controls(tok.decode([i])) for i in mentioned}
    enc_tokens, enc_norms = (), None
    if captured.encoder_norms:
        enc_norms = torch.stack(captured.encoder_norms).cpu().numpy()  # [encoder layer + 1, src_seq]
        enc_tokens = tuple(visible_controls(tok.decode([i])) for i in input_ids[0].tolist())
    return LensResult(
        family=loaded.family.value,
        side="encoder" if encoder else "decoder",
        tokens=tuple(vocab[i] for i in side_ids.tolist()),
        token_ids=side_ids.cpu().numpy(),
        layer_labels=("emb",) + tuple(str(i) for i in range(1, len(arch.blocks) + 1)),
        top_ids=top_ids,
        top_probs=top_probs,
        focus_ids=focus,
        focus_probs=focus_probs,
        focus_ranks=focus_ranks,
        commitment=commitment,
        residual_norms=norms,
        encoder_tokens=enc_tokens,
        encoder_norms=enc_norms,
        vocab=vocab,
        total_positions=total,
        body=kept,
    )


def _columns_done(loaded, request: LensRequest, after: LensResult | None, key, side_ids) -> int:
    """How many leading positions a first screen (`after`) already projected for this whole grid: its columns
    are the whole grid's when it saw the same inputs (a causal model's prefix; else the same pass) and the
    same focus and top k; 0 otherwise."""
    if after is None or after.complete or after.top_ids.shape[2] != request.top_k:
        return 0
    n = len(after.tokens)
    same_focus = (after.focus_ids == request.focus_token).all() if request.focus_token is not None \
        else np.array_equal(after.focus_ids, after.final_ids)
    causal_prefix = loaded.family == Family.DECODER and np.array_equal(after.token_ids, side_ids[:n].cpu().numpy())
    same_pass = after.body is not None and after.body.key == key
    return n if same_focus and (causal_prefix or same_pass) else 0


def _final_row(final_top, request: LensRequest, start: int, stop: int):
    """The last row's answer (`_project_top`'s) for positions `start:stop`, read from the model's own top
    candidates (kept by the trace) when the colour follows the model's prediction; else None."""
    if final_top is None or request.focus_token is not None or final_top.ids.shape[1] < request.top_k:
        return None
    ids = final_top.ids[start:stop, :request.top_k]  # [seq, k]
    probs = final_top.probs[start:stop, :request.top_k]
    return ids, probs, probs[:, 0].copy(), np.zeros(len(ids), dtype=np.int64)  # the focus is the top token


def _project_columns(loaded, arch, residuals, request: LensRequest, final_part=None):
    """Residuals `[layer + 1, seq, d_model]` through the final norm and head: top-k ids and probabilities
    `[layer + 1, seq, k]`, the focus token per position `[seq]`, its probability and rank `[layer + 1, seq]`.
    `final_part`: the last row's answer, if it is known already."""
    layers, seq, d_model = residuals.shape
    step = max(1, ROW_BUDGET // _vocab_size(loaded))
    last = residuals[-1]  # [seq, d_model]: the model's own prediction first, it is the default focus
    fixed = np.full(seq, request.focus_token) if request.focus_token is not None else None
    if final_part is None:
        final_part = _project_top(loaded, arch, last, fixed, request.top_k, step)
    focus = fixed if fixed is not None else final_part[0][:, 0].copy()
    flat = residuals[:-1].reshape((layers - 1) * seq, d_model)  # [rows, d_model], layer-major
    blocked = blocked_head(loaded, arch, flat.shape[0])  # on a CPU: a block of the vocabulary at a time
    if blocked is not None:
        early = project_top_blocked(arch, blocked, flat, np.tile(focus, layers - 1), request.top_k)
    else:
        early = _project_top(loaded, arch, flat, np.tile(focus, layers - 1), request.top_k, step)
    top_ids, top_probs, focus_probs, focus_ranks = (np.concatenate([e, f]) for e, f in zip(early, final_part))
    return (top_ids.reshape(layers, seq, -1), top_probs.reshape(layers, seq, -1), focus,
            focus_probs.reshape(layers, seq), focus_ranks.reshape(layers, seq))


def lens_logits(loaded, request: LensRequest, layer: int, positions) -> np.ndarray:
    """Full lens logits `[len(positions), vocab]` at one layer (0 = embeddings); for checks and notebooks."""
    import torch

    arch = lens_arch(loaded)
    input_ids, decoder_ids = encode_inputs(loaded, request)
    captured = run_body(loaded, arch, input_ids, decoder_ids)
    with torch.inference_mode():
        rows = captured.residuals[layer][list(positions)]  # [n, d_model]
        return arch.project(loaded.model, rows).float().cpu().numpy()


def _project_top(loaded, arch, flat, focus_rows: np.ndarray | None, k: int, step: int):
    """One pass over the rows `[rows, d_model]`: per row the top-k ids and probabilities, and the
    probability and rank (0 = top-1) of its focus token (None: each row's own top token)."""
    import torch

    rows = flat.shape[0]
    top_ids = np.empty((rows, k), dtype=np.int64)
    top_probs = np.empty((rows, k), dtype=np.float32)
    focus_probs = np.empty(rows, dtype=np.float32)
    focus_ranks = np.empty(rows, dtype=np.int64)
    focus_t = torch.as_tensor(focus_rows, device=flat.device) if focus_rows is not None else None  # [rows]
    with torch.inference_mode():
        for start in range(0, rows, step):
            end = min(rows, start + step)
            logits = arch.project(loaded.model, flat[start:end]).float()  # [chunk, vocab]
            probs = torch.softmax(logits, dim=-1)
            best, ids = probs.topk(k, dim=-1)
            top_ids[start:end] = ids.cpu().numpy()
            top_probs[start:end] = best.cpu().numpy()
            if focus_t is None:
                focus_probs[start:end], focus_ranks[start:end] = top_probs[start:end, 0], 0
                continue
            wanted = focus_t[start:end, None]  # [chunk, 1]
            chosen = probs.gather(1, wanted)  # [chunk, 1]
            focus_probs[start:end] = chosen[:, 0].cpu().numpy()
            in_top = ids == wanted  # [chunk, k]: a focus among the top k has its rank there; the others are counted
            ranks = torch.where(in_top.any(-1), in_top.int().argmax(-1), -1)
            outside = (ranks < 0).nonzero()[:, 0]
            if 2 * len(outside) > len(ranks):  # most rows: count in place (gathering the rows would copy them)
                counted = (probs > chosen).sum(-1, dtype=torch.int32)
                ranks = torch.where(ranks < 0, counted.to(ranks.dtype), ranks)
            elif len(outside):
                counted = (probs[outside] > chosen[outside]).sum(-1, dtype=torch.int32)
                ranks[outside] = counted.to(ranks.dtype)
            focus_ranks[start:end] = ranks.cpu().numpy()
    return top_ids, top_probs, focus_probs, focus_ranks


def _commitment(on_top: np.ndarray) -> np.ndarray:
    """[layer + 1, seq] booleans -> [seq]: first layer of the final run of True (the last layer is True)."""
    layers = on_top.shape[0]
    misses = ~on_top[::-1]  # from the last layer down
    first_miss = np.where(misses.any(0), misses.argmax(0), layers)  # layers counted from the top
    return (layers - first_miss).astype(np.int64)


def _vocab_size(loaded) -> int:
    head = loaded.model.get_output_embeddings()
    return int(head.weight.shape[0]) if head is not None else int(loaded.model.config.vocab_size)
