"""The four ways to fine-tune, what each one trains, and a trainable copy of the model for each.

LoRA and prompt tuning come from `peft` (the library a practitioner would use), not hand-written adapters.
Parameter counts are worked out from the shapes, before any copy is made, and equal what peft reports
for the model it builds (tests check it).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from viz.core.families import Family
from viz.core.finetune.errors import FinetuneError

FULL, SELECTIVE, LORA, PROMPT = "full", "selective", "lora", "prompt"
KINDS = (FULL, SELECTIVE, LORA, PROMPT)
# Attention projections by model type: the usual LoRA targets.
ATTENTION_TARGETS = {"t5": ("q", "k", "v", "o"), "gpt2": ("c_attn",), "bart": ("q_proj", "v_proj")}
# Each method's learning rate (AdamW), found with benchmarks/bench_finetune.py on demo-t5's time task, 300 steps of
# 16: LoRA at 2e-3 learns it to over 90 % exact match (5e-3 diverged after about 100 steps); the whole model at 1e-3
# learns it as well and forgets the four old tasks almost entirely (the catastrophic forgetting a class should see),
# while LoRA forgets less and mixing in a quarter of old-task examples keeps them; prompt tuning's few virtual-token
# vectors take a larger rate, and even at 3e-1 its loss falls slowly (prompt tuning needs a large model).
SUGGESTED_LEARNING_RATES = {FULL: 1e-3, SELECTIVE: 1e-3, LORA: 2e-3, PROMPT: 3e-1}
SUGGESTED_STEPS = 300


@dataclass(frozen=True)
class MethodSpec:
    kind: str = LORA
    lora_rank: int = 8
    lora_alpha: float = 16.0
    lora_targets: tuple[str, ...] = ()  # module names (the last part, e.g. "q", "v"); empty: attention projections
    layers: tuple[str, ...] = ()  # selective: the parameter groups trained (see parameter_groups)
    virtual_tokens: int = 8


@dataclass(frozen=True)
class ParameterCounts:
    trainable: int
    total: int  # of the model that trains, adapter included

    @property
    def share(self) -> float:
        return self.trainable / self.total if self.total else 0.0


def group_of(name: str) -> str:
    """The layer a parameter belongs to: up to the first index ("encoder.block.1"), else its module ("shared")."""
    parts = name.split(".")
    for i, part in enumerate(parts):
        if part.isdigit():
            return ".".join(parts[: i + 1])
    return ".".join(parts[:-1]) or name


def parameter_groups(model) -> list[str]:
    """The layers a selective fine-tune can choose from, in model order."""
    groups: list[str] = []
    for name, _ in model.named_parameters():
        group = group_of(name)
        if group not in groups:
            groups.append(group)
    return groups


def lora_target_choices(model) -> list[str]:
    """Names (last part) of the linear layers LoRA can wrap, in model order."""
    names: list[str] = []
    for name, module in model.named_modules():
        if _linear_shape(module) and name:
            short = name.rsplit(".", 1)[-1]
            if short not in names and short != "lm_head":
                names.append(short)
    return names


def default_targets(model) -> tuple[str, ...]:
    preferred = ATTENTION_TARGETS.get(getattr(model.config, "model_type", ""), ())
    choices = lora_target_choices(model)
    chosen = tuple(t for t in preferred if t in choices)
    return chosen or tuple(choices[:2])


def parameter_counts(model, family: Family, spec: MethodSpec) -> ParameterCounts:
    """Trainable and total parameters of `spec` applied to `model` (which is left as it is)."""
    base = sum(p.numel() for p in model.parameters())
    if spec.kind == FULL:
        return ParameterCounts(base, base)
    if spec.kind == SELECTIVE:
        chosen = set(spec.layers)
        trainable = sum(p.numel() for n, p in model.named_parameters() if group_of(n) in chosen)
        return ParameterCounts(trainable, base)
    if spec.kind == LORA:
        targets = spec.lora_targets or default_targets(model)
        trainable = 0
        for name, module in model.named_modules():
            shape = _linear_shape(module)
            if shape and _matches(name, targets):
                trainable += spec.lora_rank * (shape[0] + shape[1])
        return ParameterCounts(trainable, base + trainable)
    if spec.kind == PROMPT:
        submodules = 2 if family == Family.ENCODER_DECODER else 1  # peft prompts encoder and decoder apart
        trainable = spec.virtual_tokens * submodules * model.get_input_embeddings().weight.shape[1]
        return ParameterCounts(trainable, base + trainable)
    raise FinetuneError(f"Unknown fine-tuning method {spec.kind!r}.")


def check_spec(model, spec: MethodSpec) -> None:
    if spec.kind == SELECTIVE and not spec.layers:
        raise FinetuneError("Selective fine-tuning needs at least one chosen layer.")
    if spec.kind == LORA:
        if spec.lora_rank < 1:
            raise FinetuneError("The LoRA rank must be at least 1.")
        targets = spec.lora_targets or default_targets(model)
        unknown = [t for t in targets if t not in lora_target_choices(model)]
        if unknown or not targets:
            raise FinetuneError(f"This model has no linear layer called {unknown[0] if unknown else '(none)'}.")
    if spec.kind == PROMPT and spec.virtual_tokens < 1:
        raise FinetuneError("Prompt tuning needs at least one virtual token.")


def trainable_copy(model, family: Family, spec: MethodSpec, seed: int):
    """A deep copy of `model` set up for `spec`; the original is never touched. Returns the module that trains."""
    import torch

    check_spec(model, spec)
    if family == Family.ENCODER:
        raise FinetuneError("Fine-tuning here needs a model that generates text (decoder or encoder-decoder).")
    torch.manual_seed(seed)  # adapter and virtual-token initialisation
    work = copy.deepcopy(model)
    work.train()
    if spec.kind in (FULL, SELECTIVE):
        chosen = set(spec.layers)
        for name, param in work.named_parameters():
            param.requires_grad_(spec.kind == FULL or group_of(name) in chosen)
        return work
    from peft import LoraConfig, PromptTuningConfig, TaskType, get_peft_model

    task_type = TaskType.SEQ_2_SEQ_LM if family == Family.ENCODER_DECODER else TaskType.CAUSAL_LM
    if spec.kind == LORA:
        targets = list(spec.lora_targets or default_targets(model))
        conv1d = any(_is_conv1d(m) for n, m in work.named_modules() if _matches(n, targets))
        config = LoraConfig(task_type=task_type, r=spec.lora_rank, lora_alpha=spec.lora_alpha, lora_dropout=0.0,
                            target_modules=targets, fan_in_fan_out=conv1d)
    else:
        config = PromptTuningConfig(task_type=task_type, num_virtual_tokens=spec.virtual_tokens)
    return get_peft_model(work, config)


def _matches(name: str, targets) -> bool:
    return any(name == t or name.endswith("." + t) for t in targets)


def _is_conv1d(module) -> bool:
    return type(module).__name__ == "Conv1D"  # GPT-2's transposed linear layer


def _linear_shape(module) -> tuple[int, int] | None:
    """(in, out) of a linear layer, or None."""
    import torch

    if isinstance(module, torch.nn.Linear):
        return module.in_features, module.out_features
    if _is_conv1d(module):
        n_in, n_out = module.weight.shape  # Conv1D stores [in, out]
        return int(n_in), int(n_out)
    return None
