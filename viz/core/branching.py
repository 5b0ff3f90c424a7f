"""Branching generation: at any generated position take another candidate and continue greedily from there.

A tree of branches over one prompt (decoder-only models). Each branch keeps the key/value cache of its own
tokens, so a new branch at position p copies its parent's cache cut to p tokens and runs the model only on
the new tokens: one forward pass of one token per generated token, the shared prefix is never recomputed.
Log-probabilities are those of the model's own distribution (temperature 1, no filter), so branches compare.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from viz.core.errors import VizError
from viz.core.families import Family

TOP_CANDIDATES = 10  # alternatives kept per generated position


class BranchError(VizError):
    """A branch the tree cannot make (wrong model family, a position outside the branch)."""


@dataclass(frozen=True)
class Candidate:
    token_id: int
    label: str
    logprob: float


@dataclass(frozen=True)
class Branch:
    id: int
    parent: int | None
    start: int  # index in `ids` of its first own token (prompt length for the root)
    ids: tuple[int, ...]  # prompt and generated tokens
    logprobs: tuple[float, ...]  # log P of each token from `prompt_length` on, given all before it
    candidates: tuple[tuple[Candidate, ...], ...]  # the top alternatives at each of those positions
    text: str  # the generated part, decoded
    prompt_length: int

    @property
    def logprob(self) -> float:
        """Log-probability of the whole continuation after the prompt."""
        return float(sum(self.logprobs))

    def candidates_at(self, position: int) -> tuple[Candidate, ...]:
        return self.candidates[position - self.prompt_length]


@dataclass
class BranchTree:
    """The branches and, beside them, each one's cache (not part of the results)."""

    prompt_ids: tuple[int, ...]
    branches: dict[int, Branch] = field(default_factory=dict)
    _caches: dict[int, object] = field(default_factory=dict, repr=False)

    def children(self, branch_id: int) -> list[Branch]:
        return [b for b in self.branches.values() if b.parent == branch_id]


def start_tree(loaded, prompt_ids, new_tokens: int) -> BranchTree:
    """The root branch: the prompt continued greedily for `new_tokens` tokens (or to the end-of-text token)."""
    if Family(loaded.family) != Family.DECODER:
        raise BranchError("Branching works with decoder-only models (GPT-2, Llama, BLOOM…).")
    if not prompt_ids:
        raise BranchError("Type a prompt first.")
    tree = BranchTree(tuple(int(i) for i in prompt_ids))
    _grow(loaded, tree, parent=None, start=len(prompt_ids), prefix=list(tree.prompt_ids), cache=None,
          first=None, new_tokens=new_tokens)
    return tree


def branch(loaded, tree: BranchTree, parent_id: int, position: int, token_id: int, new_tokens: int) -> Branch:
    """Put `token_id` at `position` of branch `parent_id` instead of its token, and continue greedily.

    `new_tokens` counts the chosen token too. Returns the new branch (also added to the tree).
    """
    parent = tree.branches[parent_id]
    if not parent.prompt_length <= position < len(parent.ids):
        raise BranchError("Branch at a generated position.")
    cache = copy.deepcopy(tree._caches[parent_id])  # the parent's stays whole for other branches
    _crop_to(cache, position)  # now it holds exactly the tokens before `position`
    first = _candidate_logprob(parent, position, token_id)
    return _grow(loaded, tree, parent=parent_id, start=position, prefix=list(parent.ids[:position]), cache=cache,
                 first=(int(token_id), first), new_tokens=new_tokens)


def _candidate_logprob(parent: Branch, position: int, token_id: int) -> float | None:
    for candidate in parent.candidates_at(position):
        if candidate.token_id == token_id:
            return candidate.logprob
    return None  # not among the kept alternatives: measured when the prefix is run (see _grow)


def _grow(loaded, tree: BranchTree, parent, start: int, prefix: list[int], cache, first, new_tokens: int) -> Branch:
    import torch
    from transformers import DynamicCache

    model, device = loaded.model, loaded.device
    eos = _eos_ids(loaded)
    limit = loaded.max_positions()
    ids = list(prefix)
    prompt_length = len(tree.prompt_ids)
    logprobs, candidates = [], []
    if parent is not None:  # the shared positions keep their parent's numbers
        shared = tree.branches[parent]
        keep = start - prompt_length
        logprobs, candidates = list(shared.logprobs[:keep]), list(shared.candidates[:keep])
    with torch.inference_mode():
        if cache is None:  # the root: one pass over the prompt
            cache = DynamicCache(config=model.config)
            out = model(input_ids=torch.tensor([ids], device=device), **_cache_kwarg(model, cache))
            next_logprobs = torch.log_softmax(out.logits[0, -1].float(), dim=-1)  # [vocab]
        else:
            next_logprobs = None
        if first is not None:
            token_id, logprob = first
            if logprob is None:  # rare: an alternative outside the kept top ones; one pass over the prefix end
                before = _cropped(cache, -1)
                out = model(input_ids=torch.tensor([[ids[-1]]], device=device), **_cache_kwarg(model, before))
                logprob = float(torch.log_softmax(out.logits[0, -1].float(), dim=-1)[token_id])
            alternatives = tree.branches[parent].candidates_at(start)
            pending = [(token_id, logprob, alternatives)]
        else:
            pending = []
        while len(ids) - start < new_tokens and len(ids) < limit:
            if pending:
                token_id, logprob, alternatives = pending.pop()
            else:
                token_id = int(next_logprobs.argmax())
                logprob = float(next_logprobs[token_id])
                alternatives = _top(loaded, next_logprobs)
            ids.append(token_id)
            logprobs.append(logprob)
            candidates.append(alternatives)
            if token_id in eos or len(ids) - start >= new_tokens or len(ids) >= limit:
                break
            out = model(input_ids=torch.tensor([[token_id]], device=device), **_cache_kwarg(model, cache))
            next_logprobs = torch.log_softmax(out.logits[0, -1].float(), dim=-1)  # [vocab]
    new_id = max(tree.branches, default=-1) + 1
    made = Branch(
        id=new_id, parent=parent, start=start, ids=tuple(ids), logprobs=tuple(logprobs),
        candidates=tuple(candidates), prompt_length=prompt_length,
        text=loaded.tokenizer.decode(ids[prompt_length:], skip_special_tokens=False),
    )
    tree.branches[new_id] = made
    tree._caches[new_id] = cache  # holds ids[:-1]: the last token was never fed
    return made


def _cache_kwarg(model, cache) -> dict:
    """transformers renamed `past_key_values` to `cache`; pass it under the name this model's forward takes."""
    import inspect

    name = "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"
    return {name: cache, "use_cache": True}


def _cropped(cache, drop: int):
    cut = copy.deepcopy(cache)
    _crop_to(cut, cut.get_seq_length() + drop)
    return cut


def _crop_to(cache, length: int) -> None:
    """Keep the first `length` tokens (a negative count to crop reads the same in every transformers version)."""
    extra = cache.get_seq_length() - length
    if extra > 0:
        cache.crop(-extra)


def _top(loaded, logprobs) -> tuple[Candidate, ...]:
    from viz.core.generation import token_labels

    values, indices = logprobs.topk(TOP_CANDIDATES)  # [TOP_CANDIDATES]
    ids = [int(i) for i in indices]
    labels = token_labels(loaded.tokenizer, ids)
    return tuple(Candidate(i, label, float(v)) for i, label, v in zip(ids, labels, values))


def _eos_ids(loaded) -> set[int]:
    eos = getattr(loaded.config, "eos_token_id", None)
    if eos is None:
        return set()
    return set(eos) if isinstance(eos, (list, tuple)) else {eos}
