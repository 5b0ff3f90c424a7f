"""One forward pass of the model's body with hooks that keep only what the lens asks for.

The residual stream is read at the input of the first block and at the output of every block; a head's
output is the input of the attention output projection (heads concatenated, before the projection mixes
them); an MLP's output is its down projection's output and its neuron activations that projection's input
(after the activation function, or after the gate for SwiGLU MLPs).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from viz.core.families import Family
from viz.core.errors import UnsupportedModelError
from viz.core.lens_arch import LensArch, lens_arch


@dataclass
class Captured:
    residuals: list = field(default_factory=list)  # layer + 1 tensors, each [seq, d_model] (model dtype, device)
    encoder_norms: list = field(default_factory=list)  # encoder-decoder: layer + 1 tensors [src_seq], float32
    heads: dict = field(default_factory=dict)  # (layer, "self"|"cross") -> [heads * d_head] at the chosen position
    mlp: dict = field(default_factory=dict)  # layer -> [d_model] MLP output at the chosen position
    neurons: object = None  # [seq, d_mlp] activations of the chosen layer


@dataclass(frozen=True)
class LensBody:
    """A forward pass's residuals, kept for the lens: the inputs it ran on and what it captured."""

    key: tuple  # (input ids, decoder ids or None), as `body_key` makes it
    captured: Captured
    # The model's own prediction at every position of the lens side, when the pass computed it (the trace's
    # top candidates, viz.core.trace_logits.TopCandidates): the lens's last row need not be projected again.
    final_top: object = None


def body_key(input_ids, decoder_ids=None) -> tuple:
    """`input_ids [1, seq]` (and `decoder_ids [1, out]`) as a key that tells whether a recorded pass fits."""
    return tuple(input_ids[0].tolist()), None if decoder_ids is None else tuple(decoder_ids[0].tolist())


@contextmanager
def record_body(loaded, input_ids, decoder_ids=None):
    """Around one forward pass of the model on these inputs (the trace's own): records the residuals the lens
    reads, at no extra cost (the block outputs are the tensors the pass makes anyway). Yields a list that holds,
    after the pass, one `LensBody`; it stays empty for a model the lens cannot read or a pass that did not end."""
    kept: list = []
    try:
        arch = lens_arch(loaded)
    except UnsupportedModelError:  # the Lens tab says why when it is opened; the trace goes on without it
        yield kept
        return
    captured = Captured()
    with _hooks(arch, captured, True, None, None):
        yield kept
    if len(captured.residuals) == len(arch.blocks) + 1:
        kept.append(LensBody(body_key(input_ids, decoder_ids), captured))


def run_body(loaded, arch: LensArch, input_ids, decoder_ids=None, *, keep_residuals=True, position=None, neuron_layer=None) -> Captured:
    """Run the model's body (no output head) on `input_ids` `[1, seq]` and capture what is asked."""
    import torch

    captured = Captured()
    with torch.inference_mode(), _hooks(arch, captured, keep_residuals, position, neuron_layer):
        model = loaded.model
        if loaded.family == Family.ENCODER_DECODER:
            encoder_out = model.get_encoder()(input_ids=input_ids)
            model.get_decoder()(input_ids=decoder_ids, encoder_hidden_states=encoder_out[0])
        else:
            model.base_model(input_ids=input_ids)
    return captured


def _first_tensor(value):
    return value[0] if isinstance(value, tuple) else value


@contextmanager
def _hooks(arch: LensArch, captured: Captured, keep_residuals: bool, position, neuron_layer):
    handles = []
    # The model is shared with the app's other workers (trace, sampling, Why): a hook acts only on the thread
    # that set it, so a forward pass running elsewhere at the same time is neither recorded nor disturbed.
    owner = threading.get_ident()

    def mine(hook):
        def on_owner_thread(*args, **kwargs):
            if threading.get_ident() == owner:
                return hook(*args, **kwargs)
            return None

        return on_owner_thread

    def pre(module, hook, **options):
        return module.register_forward_pre_hook(mine(hook), **options)

    def post(module, hook):
        return module.register_forward_hook(mine(hook))

    def residual(output_or_input, store):
        hidden = _first_tensor(output_or_input)[0]  # [seq, d_model]
        store.append(hidden.detach() if keep_residuals else hidden.detach().float().norm(dim=-1))

    def block_input(store):
        def hook(_module, args, kwargs):
            residual(args[0] if args else kwargs["hidden_states"], store)

        return hook

    def block_output(store):
        return lambda _m, _args, output: residual(output, store)

    store = captured.residuals
    handles.append(pre(arch.blocks[0], block_input(store), with_kwargs=True))
    handles += [post(b, block_output(store)) for b in arch.blocks]
    if arch.encoder_blocks:
        norms = captured.encoder_norms

        def encoder_norm(value):
            norms.append(_first_tensor(value)[0].detach().float().norm(dim=-1))  # [src_seq]

        handles.append(pre(arch.encoder_blocks[0],
            lambda _m, args, kwargs: encoder_norm(args[0] if args else kwargs["hidden_states"]), with_kwargs=True))
        handles += [post(b, lambda _m, _a, out: encoder_norm(out)) for b in arch.encoder_blocks]
    if position is not None:
        for layer, parts in enumerate(arch.parts):
            for kind, module in (("self", parts.self_out), ("cross", parts.cross_out)):
                if module is not None:
                    handles.append(pre(module,
                        lambda _m, args, key=(layer, kind): captured.heads.__setitem__(key, args[0][0, position].detach())))
            if parts.mlp_down is not None:
                handles.append(post(parts.mlp_down,
                    lambda _m, _a, out, key=layer: captured.mlp.__setitem__(key, out[0, position].detach())))
    if neuron_layer is not None:
        down = arch.parts[neuron_layer].mlp_down
        handles.append(pre(down,
            lambda _m, args: setattr(captured, "neurons", args[0][0].detach())))
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()
