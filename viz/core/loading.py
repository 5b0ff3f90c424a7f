"""Load any encoder, decoder or encoder-decoder checkpoint with the head that yields token probabilities."""

from __future__ import annotations

import logging
import pickle
import time
from dataclasses import dataclass, field

import numpy as np

from viz.core.devices import dtype_note, resolve_device, torch_dtype
from viz.core.errors import UnsupportedModelError, VizError, WeightsError
from viz.core.families import Family, family_of
from viz.core.model_checks import check_config, check_tokenizer_files, size_mismatch_message
from viz.core.sources import resolve_source
from viz.core.trace_capture import use_capture

log = logging.getLogger(__name__)

_HEAD_CLASSES = {
    Family.ENCODER: "AutoModelForMaskedLM",
    Family.DECODER: "AutoModelForCausalLM",
    Family.ENCODER_DECODER: "AutoModelForSeq2SeqLM",
}


@dataclass(frozen=True)
class LoadRequest:
    source: str  # bundled name, folder, or Hub id
    device: str = "auto"  # auto, cuda, mps or cpu
    dtype: str = "float32"  # float32, float16 or bfloat16
    allow_pickle: bool = False  # load pickled .bin weights (with torch's weights_only)


@dataclass
class LoadedModel:
    """A model ready to trace. Views receive it as an opaque handle and pass it to core functions."""

    name: str
    path: str
    family: Family
    model: object  # a transformers PreTrainedModel in eval mode
    tokenizer: object  # a fast tokenizer with offsets
    device: str
    dtype: str
    has_lm_head: bool
    notes: tuple[str, ...] = ()
    load_seconds: float = 0.0
    _embedding_cache: dict = field(default_factory=dict, repr=False)

    @property
    def config(self):
        return self.model.config

    @property
    def parameter_count(self) -> int:
        return sum(p.numel() for p in self.model.parameters())

    def memory_bytes(self) -> int:
        params = sum(p.numel() * p.element_size() for p in self.model.parameters())
        buffers = sum(b.numel() * b.element_size() for b in self.model.buffers())
        return params + buffers

    def input_embeddings(self) -> np.ndarray:
        """The input-embedding matrix as float32 numpy, `[vocab, d_model]`."""
        if "input" not in self._embedding_cache:
            weight = self.model.get_input_embeddings().weight.detach()
            self._embedding_cache["input"] = weight.float().cpu().numpy()
        return self._embedding_cache["input"]

    def max_positions(self) -> int:
        config = self.config
        for key in ("n_positions", "max_position_embeddings"):
            value = getattr(config, key, None)
            if isinstance(value, int) and value > 0:
                return value
        limit = getattr(self.tokenizer, "model_max_length", 0) or 0
        return limit if 0 < limit < 100_000 else 512  # relative positions (T5): a practical cap


def load_model(request: LoadRequest | str) -> LoadedModel:
    """Resolve the source, read the family from the config, load the LM head in eager attention."""
    if isinstance(request, str):
        request = LoadRequest(request)
    started = time.perf_counter()
    logging.getLogger("torchao").setLevel(logging.ERROR)  # optional kernels it cannot load are not the user's concern
    import torch
    import transformers
    from safetensors import SafetensorError
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    transformers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()  # load reports go to the notes instead
    resolved = resolve_source(request.source, request.allow_pickle)
    device = resolve_device(request.device)
    dtype = torch_dtype(request.dtype)
    try:
        config = AutoConfig.from_pretrained(resolved.path, trust_remote_code=False)
    except (ValueError, KeyError, OSError) as exc:
        raise UnsupportedModelError(f"{resolved.name}: cannot read its config ({_short(exc)}).") from None
    check_config(config, resolved.name)
    family = family_of(config)  # a vision or audio model is refused as such first
    check_tokenizer_files(resolved.path, resolved.name)
    notes = [n for n in (dtype_note(device, request.dtype),) if n]
    kwargs = dict(
        dtype=dtype,
        attn_implementation="eager",  # SDPA returns no attention weights
        trust_remote_code=False,
        use_safetensors=not request.allow_pickle or None,
    )
    spread = _spread_over_gpus(device)
    if spread:
        kwargs["device_map"] = "auto"  # accelerate places layers across the GPUs
    head_class = getattr(transformers, _HEAD_CLASSES[family])
    try:
        model, info = head_class.from_pretrained(resolved.path, output_loading_info=True, **kwargs)
        has_head = not _head_missing(model, info)
        if not has_head:
            notes.append(
                "This checkpoint has no language-model head; it is shown as a bare model "
                "(attention, embeddings and hidden states, but no token probabilities)."
            )
            model = AutoModel.from_pretrained(resolved.path, **kwargs)
    except VizError:
        raise
    except pickle.UnpicklingError:
        raise WeightsError(
            f"{resolved.name}: torch's safe loader (weights_only) refused its pickled weights: the file is "
            "corrupt or holds more than tensors. Nothing in it was run; use .safetensors weights instead."
        ) from None
    except (OSError, ValueError, RuntimeError, KeyError, SafetensorError) as exc:
        if "ignore_mismatched_sizes" in str(exc):
            raise WeightsError(size_mismatch_message(resolved.name, resolved.path, config, head_class)) from None
        raise WeightsError(f"{resolved.name}: the weights could not be loaded ({_short(exc)}).") from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(resolved.path, trust_remote_code=False)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UnsupportedModelError(f"{resolved.name}: no usable tokenizer ({_short(exc)}).") from None
    if not len(tokenizer) or not tokenizer("a", add_special_tokens=False)["input_ids"]:
        raise UnsupportedModelError(
            f"{resolved.name}: its tokenizer is empty (no vocabulary); copy the tokenizer files into the folder."
        )
    if not getattr(tokenizer, "is_fast", False):
        raise UnsupportedModelError(f"{resolved.name}: its tokenizer has no fast version, so no character offsets.")
    with torch.no_grad():
        if not spread:
            model.to(device)
        model.eval()
    # Traces record attention through their own function (SDPA while recording, eager otherwise).
    use_capture(model)
    return LoadedModel(
        name=resolved.name,
        path=str(resolved.path),
        family=family,
        model=model,
        tokenizer=tokenizer,
        device=device,
        dtype=request.dtype,
        has_lm_head=has_head,
        notes=tuple(notes),
        load_seconds=time.perf_counter() - started,
    )


def _spread_over_gpus(device: str) -> bool:
    """With several GPUs and the optional `accelerate`, large models are split across them."""
    import importlib.util

    import torch

    return device == "cuda" and torch.cuda.device_count() > 1 and importlib.util.find_spec("accelerate") is not None


def _head_missing(model, info: dict) -> bool:
    """True when the head's weights were not in the checkpoint (freshly initialised)."""
    missing = set(info.get("missing_keys", ()))
    if not missing:
        return False
    head = model.get_output_embeddings()
    tied = getattr(model.config, "tie_word_embeddings", False)
    head_params = [n for n, _ in model.named_parameters() if n in missing]
    if tied and head is not None:
        head_params = [n for n in head_params if not n.endswith(("lm_head.weight", "decoder.weight"))]
    # The whole body missing means the checkpoint is not this architecture at all.
    return bool(head_params)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
