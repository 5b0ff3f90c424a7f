"""Branching: continuing a branch equals generate() from its prefix, and reuses the cache (counted passes)."""

from __future__ import annotations

import pytest
import torch

from viz.core.branching import BranchError, branch, start_tree

PROMPT = "The quick brown fox"


def _generate(loaded, ids, new_tokens):
    with torch.no_grad():
        out = loaded.model.generate(torch.tensor([ids]), max_new_tokens=new_tokens, do_sample=False,
                                    attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                                    pad_token_id=loaded.tokenizer.pad_token_id)
    return tuple(out[0].tolist())


class PassCounter:
    """Counts the model's forward passes and the tokens each one reads."""

    def __init__(self, model):
        self.lengths = []
        self.handle = model.register_forward_pre_hook(self._count, with_kwargs=True)

    def _count(self, _module, args, kwargs):
        ids = kwargs.get("input_ids", args[0] if args else None)
        self.lengths.append(ids.shape[-1])

    def close(self):
        self.handle.remove()


@pytest.fixture(params=["gpt2", "llama"])
def gpt2(tiny_loaded, request):
    loaded = tiny_loaded(request.param)
    prompt = loaded.tokenizer(PROMPT)["input_ids"]
    return loaded, prompt


def _logprobs(loaded, ids, start):
    with torch.no_grad():
        logits = loaded.model(input_ids=torch.tensor([ids])).logits[0]
    logprobs = torch.log_softmax(logits, dim=-1)
    return [float(logprobs[i - 1, ids[i]]) for i in range(start, len(ids))]


def test_root_is_greedy_generation(gpt2):
    loaded, prompt = gpt2
    tree = start_tree(loaded, prompt, 8)
    root = tree.branches[0]
    assert root.ids == _generate(loaded, prompt, 8)
    assert root.logprobs == pytest.approx(_logprobs(loaded, list(root.ids), len(prompt)), abs=1e-4)
    assert root.text == loaded.tokenizer.decode(root.ids[len(prompt):])


def test_branch_continues_like_generate_and_reuses_the_cache(gpt2):
    loaded, prompt = gpt2
    tree = start_tree(loaded, prompt, 8)
    root = tree.branches[0]
    position = len(prompt) + 2
    alternative = root.candidates_at(position)[1]  # the runner-up at that position
    assert alternative.token_id != root.ids[position]
    counter = PassCounter(loaded.model)
    try:
        made = branch(loaded, tree, 0, position, alternative.token_id, new_tokens=5)
    finally:
        counter.close()
    prefix = list(root.ids[:position]) + [alternative.token_id]
    assert made.ids == _generate(loaded, prefix, 4)
    generated = len(made.ids) - position  # the chosen token and its greedy continuation
    assert counter.lengths == [1] * (generated - 1)  # one token per pass: the prefix is never run again
    assert made.parent == 0 and made.start == position
    assert made.logprobs == pytest.approx(_logprobs(loaded, list(made.ids), len(prompt)), abs=1e-4)
    assert made.logprobs[2] == pytest.approx(alternative.logprob)
    assert tree.branches[0] == root  # the parent is untouched, and its cache too:
    again = branch(loaded, tree, 0, position, alternative.token_id, new_tokens=5)
    assert again.ids == made.ids


def test_branch_of_a_branch(gpt2):
    loaded, prompt = gpt2
    tree = start_tree(loaded, prompt, 6)
    first = branch(loaded, tree, 0, len(prompt) + 1, tree.branches[0].candidates_at(len(prompt) + 1)[2].token_id, 5)
    position = first.start + 2
    second = branch(loaded, tree, first.id, position, first.candidates_at(position)[1].token_id, 3)
    assert second.ids == _generate(loaded, list(first.ids[:position]) + [second.ids[position]], 2)
    assert [b.id for b in tree.children(first.id)] == [second.id]


def test_errors_are_one_sentence(gpt2, tiny_loaded):
    loaded, prompt = gpt2
    with pytest.raises(BranchError):
        start_tree(tiny_loaded("bert"), [5, 6, 7], 4)
    tree = start_tree(loaded, prompt, 4)
    with pytest.raises(BranchError):
        branch(loaded, tree, 0, 0, 5, 3)  # inside the prompt
