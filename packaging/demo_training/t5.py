"""Encoder-decoder demo: T5 on instruction tasks generated in code."""
from __future__ import annotations

import random
import time

import numpy as np
import torch

from . import tasks as T
from .common import (RunSettings, clean_folder, environment, log, machine_name, make_optimizer,
                     setup, train_for, weights_summary, write_json)
from .tokenizers_build import train_unigram

NAME = "demo-t5"
CONFIG = dict(d_model=512, d_kv=64, d_ff=1024, num_layers=2, num_decoder_layers=2, num_heads=8,
              relative_attention_num_buckets=32, relative_attention_max_distance=64,
              dropout_rate=0.0, feed_forward_proj="relu", tie_word_embeddings=True)
VOCAB_REQUEST = 384
HYPER = {"cuda": dict(batch=256, lr=5e-4, warmup=300, eval_every_s=20, weight_decay=0.01,
                      pool=240_000, dev_per_task=100, test_per_task=300, align_per_task=200),
         "cpu": dict(batch=64, lr=5e-4, warmup=200, eval_every_s=90, weight_decay=0.01,
                     pool=60_000, dev_per_task=40, test_per_task=100, align_per_task=60)}
EVAL_PER_TASK = 30


def _pad(rows, pad) -> np.ndarray:
    out = np.full((len(rows), max(map(len, rows))), pad, dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, :len(r)] = r
    return out


class Pool:
    """Pre-tokenized training examples; batches are cut to their longest row."""

    def __init__(self, tok, examples):
        self.src = _pad(tok([e.source for e in examples])["input_ids"], tok.pad_token_id)
        self.tgt = _pad(tok([e.target for e in examples])["input_ids"], -100)
        self.src_len = (self.src != tok.pad_token_id).sum(1)
        self.tgt_len = (self.tgt != -100).sum(1)

    def batch(self, idx):
        s, t = self.src[idx], self.tgt[idx]
        return (torch.from_numpy(s[:, :self.src_len[idx].max()]),
                torch.from_numpy(t[:, :self.tgt_len[idx].max()]))


def generate(model, tok, sources, device, batch=512) -> list[str]:
    out = []
    for i in range(0, len(sources), batch):
        enc = tok(sources[i:i + batch], return_tensors="pt", padding=True).to(device)
        gen = model.generate(**enc, max_new_tokens=32, do_sample=False, num_beams=1)
        out += tok.batch_decode(gen, skip_special_tokens=True)
    return out


def exact_match(model, tok, sets, device) -> dict[str, float]:
    flat = [e for task in T.TASKS for e in sets[task]]
    answers = generate(model, tok, [e.source for e in flat], device)
    hits = {task: 0 for task in T.TASKS}
    for e, a in zip(flat, answers):
        hits[e.task] += a == e.target
    return {task: round(hits[task] / len(sets[task]), 4) for task in T.TASKS}


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[1] > a[0]


def alignment(model, tok, sets, device) -> dict:
    """How often cross-attention's argmax lands on the input piece(s) an output piece
    comes from, per layer and head and for the mean over heads, with the chance
    level of a uniform pick.  Two views of the same output piece: "emit", the
    decoder step that predicts it, and "read", the next step, which gets it as input."""
    layers, heads = CONFIG["num_decoder_layers"], CONFIG["num_heads"]
    result = {}
    for task in T.TASKS:
        exs = sets[task]
        src = tok([e.source for e in exs], return_offsets_mapping=True, padding=True, return_tensors="pt")
        tgt = tok([e.target for e in exs], return_offsets_mapping=True, padding=True, return_tensors="pt")
        labels = tgt["input_ids"].masked_fill(tgt["attention_mask"] == 0, -100)
        out = model(input_ids=src["input_ids"].to(device), attention_mask=src["attention_mask"].to(device),
                    labels=labels.to(device), output_attentions=True)
        att = torch.stack(out.cross_attentions).cpu()  # [layer, batch, head, tgt, src]
        hits = {v: torch.zeros(layers, heads + 1) for v in ("emit", "read")}
        mass = {v: torch.zeros(layers, heads + 1) for v in ("emit", "read")}
        n, chance = 0, 0.0
        for b, e in enumerate(exs):
            n_src, n_tgt = int(src["attention_mask"][b].sum()), int(tgt["attention_mask"][b].sum())
            s_off, t_off = src["offset_mapping"][b].tolist(), tgt["offset_mapping"][b].tolist()
            for t in range(n_tgt - 1):  # the last piece is </s>
                targets = set()
                for out_span, in_span in e.align:
                    if _overlaps(t_off[t], out_span):
                        targets |= {j for j in range(n_src) if _overlaps(s_off[j], in_span)}
                if not targets:
                    continue
                idx = torch.tensor(sorted(targets))
                for view, pos in (("emit", t), ("read", t + 1)):
                    a = att[:, b, :, pos, :n_src]                            # [layer, head, src]
                    a = torch.cat([a, a.mean(1, keepdim=True)], 1)           # last column: mean over heads
                    hits[view] += torch.isin(a.argmax(-1), idx).float()
                    mass[view] += a[..., idx].sum(-1)
                n += 1
                chance += len(targets) / n_src
        result[task] = {"chance": round(chance / max(n, 1), 3), "aligned_pieces": n}
        for view in ("emit", "read"):
            result[task][view] = {"argmax": (hits[view] / max(n, 1)).round(decimals=3).tolist(),
                                  "mass": (mass[view] / max(n, 1)).round(decimals=3).tolist()}
    return result


def held_out(hp: dict, seed: int) -> tuple[dict, dict]:
    """The dev and test sets of a run with this seed (generated in code, so every stage and every
    re-evaluation gets the same ones); no input is in both."""
    dev = T.held_out_sets(hp["dev_per_task"], seed + 1)
    test = T.held_out_sets(hp["test_per_task"], seed + 2, exclude={e.source for v in dev.values() for e in v})
    return dev, test


def _step_and_eval(model, tok, pool: Pool, batch: int, seed: int, dev: dict, device):
    """``train_for``'s two callbacks: the loss on a random batch from the pool, and the mean
    exact match on the dev set (with each task's)."""
    rng = np.random.default_rng(seed)

    def step_fn(step):
        s, t = pool.batch(rng.integers(0, len(pool.src), batch))
        s, t = s.to(device, non_blocking=True), t.to(device, non_blocking=True)
        return model(input_ids=s, attention_mask=(s != tok.pad_token_id).long(), labels=t).loss

    def eval_fn():
        em = exact_match(model, tok, dev, device)
        mean = sum(em.values()) / len(em)
        return mean, {"dev_exact": round(mean, 4), **{f"dev_{k}": v for k, v in em.items()}}

    return step_fn, eval_fn


def run(settings: RunSettings) -> None:
    from transformers import T5Config, T5ForConditionalGeneration

    device = setup(settings)
    hp = HYPER[settings.device]
    t0 = time.time()
    rng = random.Random(settings.seed)
    tok_texts = []
    for i in range(20_000):
        e = T.sample(T.TASKS[i % len(T.TASKS)], rng, held_out=False)
        tok_texts += [e.source, e.target]
    tok = train_unigram(tok_texts, VOCAB_REQUEST)
    tok.model_max_length = 64
    examples = [T.sample(T.TASKS[i % len(T.TASKS)], rng, held_out=False) for i in range(hp["pool"])]
    pool = Pool(tok, examples)
    dev, test = held_out(hp, settings.seed)
    log(NAME, f"vocabulary {len(tok)} pieces; {hp['pool']} training examples; "
              f"longest input {pool.src.shape[1]} pieces; setup {time.time() - t0:.1f}s")

    config = T5Config(vocab_size=len(tok), **CONFIG, pad_token_id=tok.pad_token_id,
                      eos_token_id=tok.eos_token_id, decoder_start_token_id=tok.pad_token_id)
    model = T5ForConditionalGeneration(config).to(device)
    clean_folder(settings.out)
    tok.save_pretrained(settings.out)
    optimizer = make_optimizer(model, hp["lr"], hp["weight_decay"], settings.device)
    step_fn, eval_fn = _step_and_eval(model, tok, pool, hp["batch"], settings.seed, dev, device)
    summary = train_for(NAME, settings, model, optimizer, step_fn, eval_fn,
                        lambda step, info: model.save_pretrained(settings.out),
                        hp["lr"], hp["warmup"], hp["eval_every_s"], final_reserve_s=45)
    finish(settings, summary, hp, tok, test, len(examples))


RESUME = {"cuda": dict(lr=1e-4, warmup=100, batch=256, eval_every_s=20, pool=200_000),
          "cpu": dict(lr=5e-5, warmup=100, batch=64, eval_every_s=150, pool=120_000)}


def resume(settings: RunSettings) -> None:
    """A further stage: continue training the saved model at a lower learning rate (on another machine,
    say a CPU after a short GPU run). Same tokenizer, same tasks, fresh random examples; the held-out
    sets are the first stage's, so the figures compare. The kept checkpoint is the best on dev, which
    the first evaluation (before any step) already sets, so the model never gets worse on dev.
    Each stage is recorded in order under ``continued``."""
    import json

    from transformers import AutoTokenizer, T5ForConditionalGeneration

    device = setup(settings)
    rec = json.loads((settings.out / "eval.json").read_text(encoding="utf-8"))["record"]
    hp = rec["hyper"]
    tok = AutoTokenizer.from_pretrained(settings.out)
    earlier = rec.get("continued", [])
    hr = RESUME[settings.device]
    seed = settings.seed + 100 * (len(earlier) + 1)  # fresh examples for every stage
    rng = random.Random(seed)
    examples = [T.sample(T.TASKS[i % len(T.TASKS)], rng, held_out=False) for i in range(hr["pool"])]
    pool = Pool(tok, examples)
    dev, test = held_out(hp, rec["seed"])
    model = T5ForConditionalGeneration.from_pretrained(settings.out).to(device)
    optimizer = make_optimizer(model, hr["lr"], hp["weight_decay"], settings.device)
    step_fn, eval_fn = _step_and_eval(model, tok, pool, hr["batch"], seed, dev, device)
    summary = train_for(NAME, settings, model, optimizer, step_fn, eval_fn,
                        lambda step, info: model.save_pretrained(settings.out),
                        hr["lr"], hr["warmup"], hr["eval_every_s"], final_reserve_s=0, eval_first=True)
    first = {k: rec[k] for k in ("machine", "environment", "budget_minutes", "seed", "cpu_reference") if k in rec}
    continued = {"machine": machine_name(settings.device), "environment": environment(),
                 "budget_minutes": round(settings.budget_s / 60, 2), "settings": hr,
                 "training": {k: summary[k] for k in ("steps", "best_step", "train_seconds")},
                 "history": summary["history"],
                 "before_test": rec["test_exact_match"]}
    first_summary = {**rec["training"], "history": rec["history"]}
    finish(settings, first_summary, hp, tok, test, rec["data"]["training_examples"],
           {**first, "continued": [*earlier, continued]})


def reevaluate(settings: RunSettings) -> None:
    """Measure a trained folder again (on this machine) without training it; the
    tasks are generated in code, so the held-out sets come out the same."""
    import json

    from transformers import AutoTokenizer

    setup(settings)
    rec = json.loads((settings.out / "eval.json").read_text(encoding="utf-8"))["record"]
    hp = rec["hyper"]
    _, test = held_out(hp, rec["seed"])
    summary = {**rec["training"], "history": rec["history"]}
    trained = {k: rec[k] for k in ("machine", "environment", "budget_minutes", "seed", "continued", "cpu_reference")
               if k in rec}
    finish(settings, summary, hp, AutoTokenizer.from_pretrained(settings.out), test,
           rec["data"]["training_examples"], trained)


def finish(settings, summary, hp, tok, test, n_pool, trained=None) -> None:
    from transformers import AutoModelForSeq2SeqLM

    device = torch.device(settings.device)
    model = AutoModelForSeq2SeqLM.from_pretrained(settings.out, attn_implementation="eager").to(device).eval()
    with torch.no_grad():
        em = exact_match(model, tok, test, device)
        align = alignment(model, tok, {k: v[:hp["align_per_task"]] for k, v in test.items()}, device)
        prompts = [e for task in T.TASKS for e in test[task][:EVAL_PER_TASK]]
        answers = generate(model, tok, [e.source for e in prompts], device)
    items = [{"task": e.task, "input": e.source, "expected": e.target, "answer": a}
             for e, a in zip(prompts, answers)]
    failures = sum(it["answer"] != it["expected"] for it in items)
    best = summary["history"][[h["step"] for h in summary["history"]].index(summary["best_step"])]
    examples = {task: [[e.source, e.target, tok.convert_ids_to_tokens(tok(e.source)["input_ids"]),
                        tok.convert_ids_to_tokens(tok(e.target)["input_ids"])] for e in test[task][:1]]
                for task in T.TASKS}
    record = {
        "model": NAME, "architecture": "T5ForConditionalGeneration",
        "config": {"vocab_size": len(tok), **CONFIG}, "hyper": hp,
        **(trained or {"machine": machine_name(settings.device), "environment": environment(),
                       "budget_minutes": round(settings.budget_s / 60, 2), "seed": settings.seed}),
        "measured_on": machine_name(settings.device), "measured_with": environment(),
        "data": {"tasks": {t: T.PREFIX[t].strip() for t in T.TASKS}, "training_examples": n_pool,
                 "test_per_task": hp["test_per_task"],
                 "examples_seen_at_best": summary["best_step"] * hp["batch"], "examples": examples},
        "training": {k: summary[k] for k in ("steps", "best_step", "train_seconds")},
        "best_dev": {k: v for k, v in best.items() if k.startswith("dev_")}, "history": summary["history"],
        "test_exact_match": em, "alignment": align,
        "weights": weights_summary(settings.out),
    }
    evaluation = {"model": NAME, "kind": "text2text", "metric": "exact_match",
                  "rate": round(1 - failures / len(items), 3), "n": len(items), "failures": failures,
                  "prompts": items, "record": record}
    write_json(settings.out / "eval.json", evaluation)
    write_json(settings.out / "viz.json", {
        "name": NAME, "family": "encoder-decoder",
        "description": "T5 style, 2+2 layers x 8 heads, d_model 512: dates, numbers in words, reversing"})
    from .cards import write_card
    write_card(settings.out, evaluation)
    log(NAME, "done: test exact match " + ", ".join(f"{k} {v:.3f}" for k, v in em.items()))
