"""Few-shot prompts: the exact text for each k, and answer probabilities equal to the model's own loss."""

from __future__ import annotations

import math

import pytest
import torch

from viz.core.fewshot.bank import TASKS, default_task, task
from viz.core.fewshot.prompt import Example, Template, build_prompt
from viz.core.fewshot.scoring import FewShotError, FewShotRequest, score_answer, score_shots

PLURAL_PROMPTS = {
    0: "function ->",
    1: "list -> lists\nfunction ->",
    2: "list -> lists\nstring -> strings\nfunction ->",
    4: "list -> lists\nstring -> strings\nmodule -> modules\nobject -> objects\nfunction ->",
}
DATE_PROMPTS = {
    0: "normalize date: Tuesday, July 2, 2041",
    1: "normalize date: the 13th of March 1982 = 1982-03-13\nnormalize date: Tuesday, July 2, 2041",
    2: "normalize date: the 13th of March 1982 = 1982-03-13\nnormalize date: 4 Sep 1918 = 1918-09-04\n"
       "normalize date: Tuesday, July 2, 2041",
}


@pytest.mark.parametrize("shots", [0, 1, 2, 4])
def test_plural_prompt_text_for_each_k(shots):
    plural = task("plural")
    assert build_prompt(plural.template, plural.examples, plural.query.input, shots) == PLURAL_PROMPTS[shots]


@pytest.mark.parametrize("shots", [0, 1, 2])
def test_date_prompt_text_for_each_k(shots):
    date = task("date")
    assert build_prompt(date.template, date.examples, date.query.input, shots) == DATE_PROMPTS[shots]


def test_every_bank_has_four_examples_and_a_query():
    for t in TASKS:
        assert len(t.examples) >= 4 and t.query.answer and t.query not in t.examples
    assert default_task("demo-t5", True).key == "date" and default_task("demo-gpt2", False).key == "plural"
    with pytest.raises(ValueError):
        build_prompt(Template(), (Example("a", "b"),), "c", 2)


def _request(t):
    return FewShotRequest(t.template, t.examples, t.query)


SHORT = FewShotRequest(Template(example="{input}: {answer}", query="{input}:", separator=". "),
                       (Example("fox", "dog"), Example("cat", "dog"), Example("run", "dog"), Example("red", "dog")),
                       Example("the", "dog"))


def test_decoder_answer_logprob_equals_the_models_loss(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    result = score_shots(loaded, SHORT)
    assert [s.shots for s in result.scores] == [0, 1, 2, 4] and not result.too_long
    tok = loaded.tokenizer
    for score in result.scores:
        assert score.prompt == build_prompt(SHORT.template, SHORT.examples, "the", score.shots)
        prompt_ids = tok(score.prompt)["input_ids"]
        answer_ids = tok(" dog", add_special_tokens=False)["input_ids"]
        ids = torch.tensor([prompt_ids + answer_ids])
        labels = torch.tensor([[-100] * len(prompt_ids) + answer_ids])
        with torch.no_grad():
            loss = loaded.model(input_ids=ids, labels=labels).loss.item()  # mean over the answer's tokens
        assert score.logprob == pytest.approx(-loss * len(answer_ids), rel=1e-4, abs=1e-4)
        assert score.probability == pytest.approx(math.exp(score.logprob))
        assert score.prompt_tokens == len(prompt_ids)


def test_prompts_longer_than_the_model_reads_are_reported_not_scored(tiny_loaded):
    loaded = tiny_loaded("gpt2")  # 64 positions
    result = score_shots(loaded, _request(task("plural")))
    assert result.too_long and result.limit == 64
    assert {s.shots for s in result.scores} | set(result.too_long) == {0, 1, 2, 4}


def test_encoder_decoder_answer_logprob_equals_the_models_loss(tiny_loaded):
    loaded = tiny_loaded("t5")
    date = task("date")
    result = score_shots(loaded, FewShotRequest(date.template, date.examples, date.query, shots=(0, 1)))
    tok = loaded.tokenizer
    assert result.scores
    for score in result.scores:
        answer_ids = tok(text_target="2041-07-02", add_special_tokens=False)["input_ids"]
        with torch.no_grad():
            loss = loaded.model(input_ids=torch.tensor([tok(score.prompt)["input_ids"]]),
                                labels=torch.tensor([answer_ids])).loss.item()
        assert score.logprob == pytest.approx(-loss * len(answer_ids), rel=1e-4, abs=1e-4)


def test_rank_and_greedy_flag_follow_the_distribution(tiny_loaded):
    loaded = tiny_loaded("gpt2")
    prompt = "The quick brown"
    with torch.no_grad():
        logits = loaded.model(input_ids=torch.tensor([loaded.tokenizer(prompt)["input_ids"]])).logits[0, -1]
    order = torch.argsort(logits, descending=True)
    tok = loaded.tokenizer
    checked = 0
    for rank, token_id in enumerate(order[:40].tolist(), start=1):
        text = tok.decode([token_id])
        if tok(text, add_special_tokens=False)["input_ids"] != [token_id]:
            continue  # a piece that does not survive decoding and encoding again
        score = score_answer(loaded, prompt, text)
        assert score.first_token_rank == rank
        assert score.greedy_match == (rank == 1)
        checked += 1
    assert checked >= 3


def test_encoder_only_models_are_refused_in_one_sentence(tiny_loaded):
    with pytest.raises(FewShotError):
        score_shots(tiny_loaded("bert"), _request(task("capital")))


def test_a_broken_template_is_one_clear_error():
    from viz.core.fewshot.prompt import TemplateError

    for broken in ("{question}", "{input", "{0}"):
        with pytest.raises(TemplateError):
            build_prompt(Template(query=broken), (), "x", 0)
