"""Encoder-only demo: BERT with a masked-LM head on Python's documentation prose."""
from __future__ import annotations

import random
import re
import time

import numpy as np
import torch
import torch.nn.functional as F

from .common import (RunSettings, clean_folder, environment, log, machine_name, make_optimizer,
                     setup, train_for, weights_summary, write_json)
from .corpus import build_corpus
from .tokenizers_build import train_wordpiece

NAME = "demo-bert"
CONFIG = dict(vocab_size=4096, hidden_size=192, num_hidden_layers=4, num_attention_heads=6,
              intermediate_size=768, max_position_embeddings=128, type_vocab_size=2,
              hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1)
HYPER = {"cuda": dict(batch=128, lr=7e-4, warmup=500, eval_every_s=15, weight_decay=0.01, mask_rate=0.15,
                      max_epochs=400),
         "cpu": dict(batch=16, lr=5e-4, warmup=200, eval_every_s=60, weight_decay=0.01, mask_rate=0.15,
                     max_epochs=400)}
FILL_INS = [("The [MASK] statement is used to leave a function.", "return"),
            ("If the file does not [MASK], an error is raised.", "exist"),
            ("Return the number of [MASK] in the list.", "items"),
            ("This module provides functions for working with [MASK].", "files"),
            ("The default [MASK] is None.", "value"),
            ("A [MASK] is raised if the key is not found.", "keyerror"),
            ("The [MASK] statement terminates the nearest enclosing loop.", "break")]


class Masker:
    """Whole-word masking: 15% of words, their pieces 80% [MASK], 10% random, 10% kept."""

    def __init__(self, tok, device):
        vocab = tok.convert_ids_to_tokens(list(range(len(tok))))
        self.word_start = torch.tensor([not v.startswith("##") for v in vocab], device=device)
        self.special = torch.zeros(len(tok), dtype=torch.bool, device=device)
        self.special[tok.all_special_ids] = True
        self.mask_id, self.vocab = tok.mask_token_id, len(tok)

    def __call__(self, x, rate, gen=None, replace=True):
        starts = self.word_start[x] | self.special[x]
        word = starts.long().cumsum(1)                        # [batch, seq] word index
        pick = torch.rand(x.shape, device=x.device, generator=gen) < rate
        chosen = pick.gather(1, (word - 1).clamp_min(0)) & ~self.special[x]
        inputs = x.clone()
        if replace:
            r = torch.rand(x.shape, device=x.device, generator=gen)
            rand_tok = torch.randint(5, self.vocab, x.shape, device=x.device, generator=gen)
            inputs[chosen & (r < 0.8)] = self.mask_id
            swap = chosen & (r >= 0.8) & (r < 0.9)
            inputs[swap] = rand_tok[swap]
        else:
            inputs[chosen] = self.mask_id
        return inputs, chosen


def _stream(tok, docs) -> np.ndarray:
    ids = tok(list(docs), add_special_tokens=False)["input_ids"]
    sep = tok.sep_token_id
    return np.fromiter((t for d in ids for t in d + [sep]), dtype=np.int64)


def _with_specials(tok, body: torch.Tensor) -> torch.Tensor:
    cls = torch.full((body.shape[0], 1), tok.cls_token_id, dtype=body.dtype, device=body.device)
    sep = torch.full((body.shape[0], 1), tok.sep_token_id, dtype=body.dtype, device=body.device)
    return torch.cat([cls, body, sep], 1)


def _windows(tok, stream, n_ctx) -> torch.Tensor:
    n = len(stream) // (n_ctx - 2)
    return _with_specials(tok, torch.from_numpy(stream[: n * (n_ctx - 2)].reshape(n, n_ctx - 2)))


def _masked_logits(model, inputs, chosen):
    hidden = model.bert(input_ids=inputs).last_hidden_state   # [batch, seq, hidden]
    return model.cls(hidden[chosen])                           # [masked, vocab]


def _evaluate(model, windows, masks, device, frequent=None):
    loss, top1, top5, n, base1, base5 = 0.0, 0, 0, 0, 0, 0
    for i in range(0, len(windows), 64):
        x = windows[i:i + 64].to(device)
        inputs, chosen = masks[i // 64]
        logits = _masked_logits(model, inputs.to(device), chosen.to(device))
        labels = x[chosen.to(device)]
        loss += F.cross_entropy(logits, labels, reduction="sum").item()
        top = logits.topk(5, -1).indices
        top1 += (top[:, 0] == labels).sum().item()
        top5 += (top == labels[:, None]).any(-1).sum().item()
        n += len(labels)
        if frequent is not None:  # always guessing the most frequent tokens
            base1 += (labels == frequent[0]).sum().item()
            base5 += (labels[:, None] == frequent[None, :]).any(-1).sum().item()
    out = {"loss": round(loss / n, 4), "top1": round(top1 / n, 4), "top5": round(top5 / n, 4), "masked": n}
    if frequent is not None:
        out.update(baseline_top1=round(base1 / n, 4), baseline_top5=round(base5 / n, 4))
    return out


def _fixed_masks(tok, windows, rate, seed):
    gen, masker = torch.Generator().manual_seed(seed), Masker(tok, torch.device("cpu"))
    return [masker(windows[i:i + 64], rate, gen, replace=False) for i in range(0, len(windows), 64)]


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _fill_in_items(tok, docs, count, rng) -> list[dict]:
    """Held-out sentences with one word (a single vocabulary piece) masked."""
    sentences = [" ".join(s.split()) for d in docs for s in _SENTENCE.split(d)]
    sentences = [s for s in sentences if 8 <= len(s.split()) <= 30 and s[-1] in ".!?"]
    items, used = [], set()
    for _ in range(200 * count):
        if len(items) == count:
            break
        s = rng.choice(sentences)
        words = [m for m in re.finditer(r"[A-Za-z]{3,}", s)]
        if s in used or not words:
            continue
        m = rng.choice(words)
        if len(tok(m.group(), add_special_tokens=False)["input_ids"]) != 1:
            continue
        used.add(s)
        items.append({"text": s[:m.start()] + tok.mask_token + s[m.end():], "answer": m.group().lower()})
    return items


def _predict(model, tok, text, device, k=5):
    enc = tok(text, return_tensors="pt").to(device)
    logits = model(**enc).logits[0]
    pos = (enc["input_ids"][0] == tok.mask_token_id).nonzero()[0, 0]
    probs = logits[pos].softmax(-1).topk(k)
    return [[tok.convert_ids_to_tokens(int(i)), round(float(p), 3)] for p, i in zip(probs.values, probs.indices)]


def run(settings: RunSettings) -> None:
    from transformers import BertConfig, BertForMaskedLM

    device = setup(settings)
    hp = HYPER[settings.device]
    t0 = time.time()
    corpus = build_corpus()
    tok = train_wordpiece(corpus.train, CONFIG["vocab_size"])
    tok.model_max_length = CONFIG["max_position_embeddings"]
    n_ctx = CONFIG["max_position_embeddings"]
    train = torch.from_numpy(_stream(tok, corpus.train))
    masker = Masker(tok, device)
    dev = _windows(tok, _stream(tok, corpus.dev), n_ctx)
    dev_masks = _fixed_masks(tok, dev, hp["mask_rate"], settings.seed + 1)
    log(NAME, f"corpus {corpus.describe()}; {len(train)} training tokens; setup {time.time() - t0:.1f}s")

    config = BertConfig(**CONFIG, pad_token_id=tok.pad_token_id)
    model = BertForMaskedLM(config).to(device)
    clean_folder(settings.out)
    tok.save_pretrained(settings.out)
    optimizer = make_optimizer(model, hp["lr"], hp["weight_decay"], settings.device)
    gen = torch.Generator().manual_seed(settings.seed)
    dgen = torch.Generator(device=device).manual_seed(settings.seed)

    def step_fn(step):
        starts = torch.randint(0, len(train) - n_ctx, (hp["batch"],), generator=gen)
        body = torch.stack([train[s:s + n_ctx - 2] for s in starts.tolist()]).to(device, non_blocking=True)
        x = _with_specials(tok, body)
        inputs, chosen = masker(x, hp["mask_rate"], dgen)
        return F.cross_entropy(_masked_logits(model, inputs, chosen), x[chosen])

    def eval_fn():
        m = _evaluate(model, dev, dev_masks, device)
        return -m["loss"], {"dev_loss": m["loss"], "dev_top1": m["top1"], "dev_top5": m["top5"]}

    summary = train_for(NAME, settings, model, optimizer, step_fn, eval_fn,
                        lambda step, info: model.save_pretrained(settings.out),
                        hp["lr"], hp["warmup"], hp["eval_every_s"], final_reserve_s=40,
                        max_steps=hp["max_epochs"] * len(train) // (hp["batch"] * (n_ctx - 2)))
    finish(settings, summary, hp, corpus, tok, len(train))


def finish(settings, summary, hp, corpus, tok, n_train_tokens) -> None:
    from transformers import AutoModelForMaskedLM

    device = torch.device(settings.device)
    model = AutoModelForMaskedLM.from_pretrained(settings.out, attn_implementation="eager").to(device).eval()
    n_ctx = CONFIG["max_position_embeddings"]
    test = _windows(tok, _stream(tok, corpus.test), n_ctx)
    rng = random.Random(settings.seed)
    counts = torch.bincount(torch.from_numpy(_stream(tok, corpus.train)), minlength=len(tok))
    counts[tok.all_special_ids] = 0
    frequent = counts.topk(5).indices.to(device)
    with torch.no_grad():
        metrics = _evaluate(model, test, _fixed_masks(tok, test, hp["mask_rate"], settings.seed + 2),
                            device, frequent)
        items = _fill_in_items(tok, corpus.test, 50, rng)
        hits = []
        for it in items:
            it["top5"] = [w for w, _ in _predict(model, tok, it["text"], device)]
            hits.append(it["answer"] in it["top5"])
        fill_ins = [{"text": t, "expected": a, "top5": _predict(model, tok, t, device)} for t, a in FILL_INS]
    best = summary["history"][[h["step"] for h in summary["history"]].index(summary["best_step"])]
    record = {
        "model": NAME, "architecture": "BertForMaskedLM", "config": CONFIG, "hyper": hp,
        "machine": machine_name(settings.device), "environment": environment(), "seed": settings.seed,
        "budget_minutes": round(settings.budget_s / 60, 2),
        "data": {"corpus": corpus.describe(), "train_tokens": n_train_tokens,
                 "test_masked_tokens": metrics["masked"],
                 "epochs_at_best": round(summary["best_step"] * hp["batch"] * (n_ctx - 2) / n_train_tokens, 1)},
        "training": {k: summary[k] for k in ("steps", "best_step", "train_seconds")},
        "best_dev": {k: best[k] for k in ("dev_loss", "dev_top1", "dev_top5")}, "history": summary["history"],
        "test": metrics, "fill_ins": fill_ins,
        "frequent_tokens": tok.convert_ids_to_tokens(frequent.tolist()),
        "weights": weights_summary(settings.out),
    }
    evaluation = {"model": NAME, "kind": "fill-mask", "metric": "top5",
                  "rate": round(sum(hits) / len(hits), 3), "n": len(hits), "prompts": items,
                  "record": record}
    write_json(settings.out / "eval.json", evaluation)
    write_json(settings.out / "viz.json", {
        "name": NAME, "family": "encoder-only",
        "description": "BERT style masked-word model, 4 layers x 6 heads, trained on Python's documentation prose"})
    from .cards import write_card
    write_card(settings.out, evaluation)
    log(NAME, f"done: test top-1 {metrics['top1']:.3f} top-5 {metrics['top5']:.3f}, "
              f"held-out fill-in top-5 {evaluation['rate']:.2f}")
