"""Decoder-only demo: GPT-2 architecture on Python's own documentation prose."""
from __future__ import annotations

import math
import random
import time

import numpy as np
import torch

from .common import (RunSettings, clean_folder, environment, log, machine_name, make_optimizer,
                     setup, train_for, weights_summary, write_json)
from .corpus import build_corpus
from .tokenizers_build import train_bpe

NAME = "demo-gpt2"
CONFIG = dict(vocab_size=4096, n_positions=128, n_embd=192, n_layer=4, n_head=6,
              resid_pdrop=0.2, embd_pdrop=0.2, attn_pdrop=0.2)
HYPER = {"cuda": dict(batch=64, lr=1e-3, warmup=300, eval_every_s=15, weight_decay=0.1, max_epochs=60),
         "cpu": dict(batch=8, lr=1e-3, warmup=200, eval_every_s=60, weight_decay=0.1, max_epochs=60)}
PROMPTS = ["The return statement", "A list is a", "Return the number of",
           "If the file does not exist,", "This module provides", "Raise ValueError if",
           "The default value is", "An iterator is an object"]
SAMPLE_PROMPTS = ["The with statement", "This function returns", "A dictionary"]


def _stream(tok, docs) -> np.ndarray:
    ids = tok(list(docs), add_special_tokens=False)["input_ids"]
    eos = tok.eos_token_id
    return np.fromiter((t for d in ids for t in d + [eos]), dtype=np.int64)


def _windows(stream: np.ndarray, n_ctx: int) -> torch.Tensor:
    n = len(stream) // n_ctx
    return torch.from_numpy(stream[: n * n_ctx].reshape(n, n_ctx))


def _mean_loss(model, windows, device, batch=64) -> float:
    total, count = 0.0, 0
    for i in range(0, len(windows), batch):
        x = windows[i:i + batch].to(device)
        out = model(input_ids=x, labels=x)
        total += out.loss.item() * x.numel()
        count += x.numel()
    return total / count


def attention_patterns(model, windows, device) -> list[list[dict]]:
    """Per layer and head: mean attention on the previous token and on the first
    token (queries from position 2 on), and how often each is the argmax."""
    sums = None
    n = 0
    for i in range(0, len(windows), 32):
        x = windows[i:i + 32].to(device)
        att = torch.stack(model(input_ids=x, output_attentions=True).attentions)  # [layer, batch, head, q, k]
        q = torch.arange(2, x.shape[1], device=device)
        prev = att[..., q, q - 1]           # [layer, batch, head, q]
        first = att[..., q, 0]
        arg = att[..., q, :].argmax(-1)
        stats = torch.stack([prev.sum((1, 3)), first.sum((1, 3)),
                             (arg == (q - 1)).float().sum((1, 3)), (arg == 0).float().sum((1, 3))])
        sums = stats if sums is None else sums + stats
        n += x.shape[0] * len(q)
    sums = (sums / n).cpu().numpy()  # [4, layer, head]
    return [[{"previous": round(float(sums[0, l, h]), 3), "first": round(float(sums[1, l, h]), 3),
              "previous_argmax": round(float(sums[2, l, h]), 3), "first_argmax": round(float(sums[3, l, h]), 3)}
             for h in range(sums.shape[2])] for l in range(sums.shape[1])]


def _next_token_pairs(tok, docs, count, rng) -> list[dict]:
    """Held-out (context, next token) pairs whose next token starts a word, so that
    encoding the context text gives back exactly the context tokens."""
    pairs = []
    docs = [d for d in docs if len(d) > 200]
    for _ in range(200 * count):
        if len(pairs) == count:
            break
        doc = rng.choice(docs)
        enc = tok(doc, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        if len(ids) < 40:
            continue
        i = rng.randrange(24, min(len(ids), 120))
        piece = tok.convert_ids_to_tokens(ids[i])
        if not piece.startswith("\u0120") or not piece[1:].isalpha():
            continue
        start = max(0, i - 48)
        ctx_text = doc[offsets[start][0]:offsets[i][0]]
        ctx_text = ctx_text.rstrip(" ")  # the space belongs to the next token
        if tok(ctx_text, add_special_tokens=False)["input_ids"] != ids[start:i]:
            continue
        pairs.append({"context": ctx_text, "next_token": tok.decode([ids[i]]), "next_token_id": ids[i]})
    return pairs


def _top5_hits(model, tok, pairs, device) -> list[bool]:
    hits = []
    for p in pairs:
        x = torch.tensor([tok(p["context"], add_special_tokens=False)["input_ids"]], device=device)
        top = model(input_ids=x).logits[0, -1].topk(5).indices.tolist()
        p["top5"] = [tok.decode([t]) for t in top]
        hits.append(p["next_token_id"] in top)
    return hits


def _prompt_stats(model, tok, device) -> list[dict]:
    rows = []
    for prompt in PROMPTS:
        x = torch.tensor([tok(prompt)["input_ids"]], device=device)
        probs = model(input_ids=x).logits[0, -1].float().softmax(-1)
        entropy = float(-(probs * probs.clamp_min(1e-12).log()).sum())
        top = probs.topk(5)
        rows.append({"prompt": prompt, "entropy": round(entropy, 2),
                     "top": [[tok.decode([int(i)]), round(float(p), 3)] for p, i in zip(top.values, top.indices)]})
    return rows


def _samples(model, tok, device, seed) -> list[dict]:
    out = []
    for k, prompt in enumerate(SAMPLE_PROMPTS):
        torch.manual_seed(seed + k)
        x = torch.tensor([tok(prompt)["input_ids"]], device=device)
        gen = model.generate(x, attention_mask=torch.ones_like(x), do_sample=True, temperature=0.8,
                             top_k=40, max_new_tokens=40, pad_token_id=tok.eos_token_id)
        out.append({"prompt": prompt, "text": tok.decode(gen[0], skip_special_tokens=True)})
    return out


def run(settings: RunSettings) -> None:
    from transformers import GPT2Config, GPT2LMHeadModel

    device = setup(settings)
    hp = HYPER[settings.device]
    t0 = time.time()
    corpus = build_corpus()
    tok = train_bpe(corpus.train, CONFIG["vocab_size"])
    tok.model_max_length = CONFIG["n_positions"]
    train = _stream(tok, corpus.train)
    dev = _windows(_stream(tok, corpus.dev), CONFIG["n_positions"])
    test = _windows(_stream(tok, corpus.test), CONFIG["n_positions"])
    log(NAME, f"corpus {corpus.describe()}; {len(train)} training tokens; setup {time.time() - t0:.1f}s")

    config = GPT2Config(**CONFIG, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                        pad_token_id=tok.pad_token_id)
    model = GPT2LMHeadModel(config).to(device)
    model.generation_config.pad_token_id = tok.pad_token_id
    clean_folder(settings.out)
    tok.save_pretrained(settings.out)
    optimizer = make_optimizer(model, hp["lr"], hp["weight_decay"], settings.device)
    gen = torch.Generator().manual_seed(settings.seed)
    n_ctx, train_t = CONFIG["n_positions"], torch.from_numpy(train)

    def step_fn(step):
        starts = torch.randint(0, len(train_t) - n_ctx, (hp["batch"],), generator=gen)
        x = torch.stack([train_t[s:s + n_ctx] for s in starts.tolist()]).to(device, non_blocking=True)
        return model(input_ids=x, labels=x).loss

    def eval_fn():
        loss = _mean_loss(model, dev, device)
        return -loss, {"dev_loss": round(loss, 4)}

    summary = train_for(NAME, settings, model, optimizer, step_fn, eval_fn,
                        lambda step, info: model.save_pretrained(settings.out),
                        hp["lr"], hp["warmup"], hp["eval_every_s"], final_reserve_s=40,
                        max_steps=hp["max_epochs"] * len(train) // (hp["batch"] * n_ctx))
    finish(settings, summary, hp, corpus, tok, len(train))


def finish(settings, summary, hp, corpus, tok, n_train_tokens) -> None:
    from transformers import AutoModelForCausalLM

    device = torch.device(settings.device)
    model = AutoModelForCausalLM.from_pretrained(settings.out, attn_implementation="eager").to(device).eval()
    rng = random.Random(settings.seed)
    n_ctx = CONFIG["n_positions"]
    test = _windows(_stream(tok, corpus.test), n_ctx)
    train_sample = _windows(_stream(tok, corpus.train[:300]), n_ctx)
    with torch.no_grad():
        test_loss = _mean_loss(model, test, device)
        train_loss = _mean_loss(model, train_sample, device)
        heads = attention_patterns(model, test, device)
        pairs = _next_token_pairs(tok, corpus.test, 50, rng)
        hits = _top5_hits(model, tok, pairs, device)
        prompts = _prompt_stats(model, tok, device)
        samples = _samples(model, tok, device, settings.seed)
    best = summary["history"][[h["step"] for h in summary["history"]].index(summary["best_step"])]
    record = {
        "model": NAME, "architecture": "GPT2LMHeadModel", "config": CONFIG, "hyper": hp,
        "machine": machine_name(settings.device), "environment": environment(), "seed": settings.seed,
        "budget_minutes": round(settings.budget_s / 60, 2),
        "data": {"corpus": corpus.describe(), "train_tokens": n_train_tokens,
                 "dev_tokens": int(len(_stream(tok, corpus.dev))), "test_tokens": int(test.numel()),
                 "epochs_at_best": round(summary["best_step"] * hp["batch"] * n_ctx / n_train_tokens, 1)},
        "training": {k: summary[k] for k in ("steps", "best_step", "train_seconds")},
        "best_dev_loss": best["dev_loss"], "history": summary["history"],
        "test_loss": round(test_loss, 4), "test_perplexity": round(math.exp(test_loss), 1),
        "train_loss": round(train_loss, 4), "max_entropy": round(math.log(CONFIG["vocab_size"]), 2),
        "heads": heads, "prompts": prompts, "samples": samples,
        "weights": weights_summary(settings.out),
    }
    evaluation = {"model": NAME, "kind": "next-token", "metric": "top5",
                  "rate": round(sum(hits) / len(hits), 3), "n": len(hits), "prompts": pairs,
                  "record": record}
    write_json(settings.out / "eval.json", evaluation)
    write_json(settings.out / "viz.json", {
        "name": NAME, "family": "decoder-only",
        "description": "GPT-2 style, 4 layers x 6 heads, trained on Python's documentation prose"})
    from .cards import write_card
    write_card(settings.out, evaluation)
    log(NAME, f"done: test loss {test_loss:.3f}, top-5 next token {evaluation['rate']:.2f}")
