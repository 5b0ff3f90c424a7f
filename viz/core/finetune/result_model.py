"""What happens to a trained copy: saved with save_pretrained, reopened, or merged into a model every view can show."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from viz.core.finetune.errors import FinetuneError


def is_peft(model) -> bool:
    return hasattr(model, "peft_config")


def is_prompt_tuned(model) -> bool:
    return is_peft(model) and getattr(model, "active_peft_config", None) is not None and \
        model.active_peft_config.is_prompt_learning


def save_result(model, tokenizer, folder: str | Path) -> list[str]:
    """LoRA / prompt tuning: the adapter folder (adapter_config.json + weights); full or selective: the whole model.
    The tokenizer goes along, so the folder opens on its own. Returns the file names written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
    except OSError as exc:
        raise FinetuneError(f"Cannot write to {folder}: {exc.strerror or exc}.") from None
    return sorted(p.name for p in folder.iterdir())


def reopen_adapter(base_model, folder: str | Path):
    """A saved adapter on a copy of `base_model` (the base is not changed)."""
    from peft import PeftModel

    folder = Path(folder)
    if not (folder / "adapter_config.json").is_file():
        raise FinetuneError(f"{folder.name}: no adapter_config.json; not an adapter folder.")
    model = PeftModel.from_pretrained(copy.deepcopy(base_model), str(folder))
    model.eval()
    return model


def merged(model):
    """A plain model with the update folded into the weights (the trained copy stays as it is)."""
    if is_prompt_tuned(model):
        raise FinetuneError("Prompt tuning puts learnt virtual tokens in front of every input; they cannot be "
                            "folded into the weights, so other views cannot show this result.")
    result = copy.deepcopy(model)
    if is_peft(result):
        result = result.merge_and_unload()
    result.eval()
    for param in result.parameters():
        param.requires_grad_(False)
    return result


def as_loaded_model(base, model, label: str):
    """A LoadedModel (see viz.core.loading) for the merged result: the app can show it like any loaded model."""
    return dataclasses.replace(base, name=f"{base.name} + {label}", model=merged(model),
                               notes=(*base.notes, f"Fine-tuned in this session ({label}); not saved to disk."),
                               _embedding_cache={})
