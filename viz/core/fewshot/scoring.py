"""Teacher-forced probability of the reference answer after a k-shot prompt.

The prompt and the answer are tokenized apart and joined, so the prompt's tokens are exactly those of the
text shown, whatever the answer; log P(answer) is the sum over the answer's tokens of log softmax of the
logits at the position before each (decoder), or at each output position (encoder-decoder, whose output
starts with the decoder start token). No end-of-text token is scored: the question is whether the model
says the answer, not whether it stops there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from viz.core.errors import InputTextError, VizError
from viz.core.families import Family
from viz.core.fewshot.prompt import SHOTS, Example, Template, answer_text, build_prompt


class FewShotError(VizError):
    """The model cannot score an answer (no language-model head, an encoder-only model)."""


@dataclass(frozen=True)
class FewShotRequest:
    template: Template
    examples: tuple[Example, ...]
    query: Example
    shots: tuple[int, ...] = SHOTS


@dataclass(frozen=True)
class ShotScore:
    shots: int
    prompt: str  # exactly the text the model receives
    prompt_tokens: int
    answer_tokens: tuple[str, ...]
    token_logprobs: tuple[float, ...]  # log P of each answer token given all before it
    first_token_rank: int  # 1 = the model's top choice for the answer's first token
    greedy_match: bool  # the top choice at every answer position is the answer's token

    @property
    def logprob(self) -> float:
        return float(sum(self.token_logprobs))

    @property
    def probability(self) -> float:
        return math.exp(self.logprob)


@dataclass(frozen=True)
class FewShotResult:
    request: FewShotRequest
    scores: tuple[ShotScore, ...]
    too_long: tuple[int, ...] = ()  # the k whose prompt does not fit the model's positions
    limit: int = 0  # the model's positions


def score_shots(loaded, request: FewShotRequest, cancelled=lambda: False) -> FewShotResult:
    """One forward pass per k; `cancelled()` is checked between them (newest request wins)."""
    family = Family(loaded.family)
    if family == Family.ENCODER:
        raise FewShotError("Few-shot prompts need a model that writes text: a decoder or an encoder-decoder.")
    if not loaded.has_lm_head:
        raise FewShotError("This checkpoint has no language-model head, so it gives no answer probabilities.")
    if not request.query.answer.strip():
        raise InputTextError("Type the reference answer to score.")
    available = len(request.examples)
    answer = answer_text(request.template, request.query.answer, family == Family.ENCODER_DECODER)
    scores, too_long = [], []
    for shots in request.shots:
        if shots > available:
            continue
        if cancelled():
            break
        prompt = build_prompt(request.template, request.examples, request.query.input, shots)
        if not fits(loaded, prompt, answer):
            too_long.append(shots)
            continue
        scores.append(score_answer(loaded, prompt, answer, shots))
    return FewShotResult(request, tuple(scores), tuple(too_long), loaded.max_positions())


def _ids(loaded, prompt: str, answer: str) -> tuple[list[int], list[int]]:
    tokenizer = loaded.tokenizer
    prompt_ids = tokenizer(prompt, add_special_tokens=True)["input_ids"]
    if Family(loaded.family) == Family.ENCODER_DECODER:
        answer_ids = tokenizer(text_target=answer, add_special_tokens=False)["input_ids"]
    else:
        answer_ids = tokenizer(answer, add_special_tokens=False)["input_ids"]
    return prompt_ids, answer_ids


def fits(loaded, prompt: str, answer: str) -> bool:
    """The prompt (and, for a decoder, the answer after it) within the model's positions."""
    prompt_ids, answer_ids = _ids(loaded, prompt, answer)
    encoder_decoder = Family(loaded.family) == Family.ENCODER_DECODER
    longest = max(len(prompt_ids), len(answer_ids)) if encoder_decoder else len(prompt_ids) + len(answer_ids)
    return longest <= loaded.max_positions()


def score_answer(loaded, prompt: str, answer: str, shots: int = 0) -> ShotScore:
    import torch

    tokenizer, model = loaded.tokenizer, loaded.model
    encoder_decoder = Family(loaded.family) == Family.ENCODER_DECODER
    prompt_ids, answer_ids = _ids(loaded, prompt, answer)
    if not answer_ids:
        raise InputTextError("The answer has no tokens.")
    if not fits(loaded, prompt, answer):
        raise InputTextError(f"The {shots}-shot prompt is {len(prompt_ids)} tokens; this model reads at most "
                             f"{loaded.max_positions()}. Use fewer or shorter examples.")
    device = loaded.device
    with torch.inference_mode():
        if encoder_decoder:
            start = model.config.decoder_start_token_id
            decoder_ids = [start] + answer_ids[:-1]
            logits = model(input_ids=torch.tensor([prompt_ids], device=device),
                           decoder_input_ids=torch.tensor([decoder_ids], device=device)).logits[0]  # [answer, vocab]
        else:
            ids = prompt_ids + answer_ids
            logits = model(input_ids=torch.tensor([ids], device=device)).logits[0]  # [position, vocab]
            logits = logits[len(prompt_ids) - 1 : len(ids) - 1]  # [answer, vocab]: each predicts the next token
        logprobs = torch.log_softmax(logits.float(), dim=-1)  # [answer, vocab]
        targets = torch.tensor(answer_ids, device=logprobs.device)
        picked = logprobs[torch.arange(len(answer_ids)), targets]  # [answer]
        first_rank = int((logprobs[0] > picked[0]).sum().item()) + 1
        greedy = bool((logprobs.argmax(dim=-1) == targets).all().item())
    return ShotScore(
        shots=shots,
        prompt=prompt,
        prompt_tokens=len(prompt_ids),
        answer_tokens=tuple(tokenizer.convert_ids_to_tokens(answer_ids)),
        token_logprobs=tuple(float(x) for x in picked.cpu()),
        first_token_rank=first_rank,
        greedy_match=greedy,
    )
