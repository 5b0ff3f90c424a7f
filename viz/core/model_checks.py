"""Checks on a model folder before and after loading, so a broken folder gives one sentence, not a traceback."""

from __future__ import annotations

from pathlib import Path

from viz.core.errors import UnsupportedModelError

# Sizes a config must give as positive whole numbers (transformers maps each family's own names onto these).
_POSITIVE_SIZES = ("num_hidden_layers", "num_attention_heads", "hidden_size", "vocab_size")
# What a tokenizer can be built from; `save_pretrained` of a model alone writes none of them.
_TOKENIZER_FILES = ("tokenizer.json", "vocab.json", "vocab.txt", "merges.txt", "tokenizer.model", "spiece.model",
                    "sentencepiece.bpe.model", "*.model", "vocab.*")


def check_config(config, name: str) -> None:
    for key in _POSITIVE_SIZES:
        try:
            value = getattr(config, key, None)
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if value < 1 or value != int(value):
            raise UnsupportedModelError(
                f"{name}: its config.json gives {key} = {value}; it must be a whole number of at least 1."
            )


def check_tokenizer_files(folder: Path, name: str) -> None:
    folder = Path(folder)
    if any(any(folder.glob(pattern)) for pattern in _TOKENIZER_FILES):
        return
    raise UnsupportedModelError(
        f"{name}: the folder has no tokenizer files (tokenizer.json, vocab…), as when only the model was saved; "
        "save the tokenizer into the same folder too (tokenizer.save_pretrained)."
    )


def size_mismatch_message(name: str, folder: Path, config, head_class) -> str:
    """Which tensor disagrees with config.json, found by building the model on the meta device (no memory)."""
    generic = (
        f"{name}: the weights do not have the sizes its config.json gives; the config and the weights come from "
        "different models. Use the config.json saved with these weights."
    )
    try:
        import torch
        from safetensors import safe_open

        with torch.device("meta"):
            expected = {k: tuple(v.shape) for k, v in head_class.from_config(config).state_dict().items()}
        for file in sorted(Path(folder).glob("*.safetensors")):
            with safe_open(str(file), framework="pt") as weights:
                for key in weights.keys():
                    stored = tuple(weights.get_slice(key).get_shape())
                    want = expected.get(key)
                    if want is not None and want != stored:
                        return (
                            f"{name}: the weight {key} is {list(stored)} in {file.name} but config.json asks for "
                            f"{list(want)}; the config and the weights come from different models. "
                            "Use the config.json saved with these weights."
                        )
    except Exception:  # noqa: BLE001 - the search for a better sentence must not replace the error itself
        return generic
    return generic
