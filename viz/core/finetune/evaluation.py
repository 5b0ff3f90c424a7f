"""Greedy answers on held-out sets, scored per example and averaged per task."""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.families import Family
from viz.core.finetune.batches import encode_prompts, pad_id
from viz.core.finetune.metrics import Scores, mean_scores, score
from viz.core.finetune.tasks import TaskSet


@dataclass(frozen=True)
class ScoredExample:
    task: str
    prompt: str
    reference: str
    output: str
    scores: Scores


@dataclass(frozen=True)
class TaskReport:
    key: str
    name: str
    examples: tuple[ScoredExample, ...]

    @property
    def mean(self) -> Scores:
        return mean_scores([e.scores for e in self.examples])


@dataclass(frozen=True)
class EvalReport:
    tasks: tuple[TaskReport, ...]

    def task(self, key: str) -> TaskReport | None:
        return next((t for t in self.tasks if t.key == key), None)


def model_device(model):
    return next(model.parameters()).device


def generate_answers(model, tokenizer, family: Family, prompts: list[str], max_new_tokens: int = 24,
                     batch_size: int = 32) -> list[str]:
    """Greedy answers, one per prompt (a decoder's answer ends at its first line break)."""
    import torch

    device = model_device(model)
    answers: list[str] = []
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for start in range(0, len(prompts), batch_size):
            batch = encode_prompts(tokenizer, family, prompts[start:start + batch_size], device)
            out = model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False, num_beams=1,
                                 pad_token_id=pad_id(tokenizer), eos_token_id=tokenizer.eos_token_id)
            if family != Family.ENCODER_DECODER:
                out = out[:, batch["input_ids"].shape[1]:]  # [batch, new tokens]
            for text in tokenizer.batch_decode(out, skip_special_tokens=True):
                answers.append(text.strip() if family == Family.ENCODER_DECODER else text.split("\n")[0].strip())
    model.train(was_training)
    return answers


def evaluate(model, tokenizer, family: Family, tasks: list[TaskSet] | tuple[TaskSet, ...],
             max_new_tokens: int = 24) -> EvalReport:
    """Every task's held-out set, answered by `model` and scored against the references."""
    reports = []
    for task in tasks:
        prompts = [task.prompt(p) for p in task.held_out]
        outputs = generate_answers(model, tokenizer, family, prompts, max_new_tokens)
        examples = tuple(ScoredExample(task.key, prompt, pair.target, output, score(output, pair.target))
                         for prompt, pair, output in zip(prompts, task.held_out, outputs))
        reports.append(TaskReport(task.key, task.name, examples))
    return EvalReport(tuple(reports))


def misleading_example(*reports: EvalReport) -> ScoredExample | None:
    """A wrong answer that ROUGE-L scores highest: the metric's blind spot, from real outputs."""
    wrong = [e for r in reports if r for t in r.tasks for e in t.examples if not e.scores.exact and e.output]
    return max(wrong, key=lambda e: (e.scores.rougeL, e.scores.rouge1), default=None)
