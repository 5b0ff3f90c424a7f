"""Model cards (README.md) rendered from the measurements in eval.json."""
from __future__ import annotations

import json
from pathlib import Path

from .common import write_json

COMMAND = "python packaging/train_demo_models.py --out resources/models --device {device} --minutes-per-model {minutes}"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _code(text: str) -> str:
    """A token or snippet as inline code that survives a markdown table."""
    return "`" + text.replace("\n", "\\n").replace("|", "\\|").replace("`", "'") + "`"


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _common(rec: dict, device_hint: str) -> list[str]:
    w, tr, env = rec["weights"], rec["training"], rec["environment"]
    cfg = ", ".join(f"{k}={v}" for k, v in rec["config"].items())
    hyper = ", ".join(f"{k}={v}" for k, v in rec["hyper"].items())
    device = "cuda" if "GPU" in rec["machine"] else "cpu"
    return [
        "## Configuration", "",
        f"`{rec['architecture']}`: {cfg}.", "",
        f"Training settings: {hyper}; AdamW, linear warm-up then cosine decay to 10% over the time "
        "budget (or over max_epochs where that comes first), "
        f"seed {rec['seed']}.", "",
        f"**Parameters:** {w['parameters']:,} ({w['bytes'] / 1e6:.1f} MB, {', '.join(w['dtypes'])}, "
        "safetensors).", "",
        "## Training", "",
        f"Trained for {tr['train_seconds'] / 60:.1f} minutes of wall-clock time on {rec['machine']} "
        f"({tr['steps']:,} steps; the checkpoint kept is the one with the best held-out score, "
        f"from step {tr['best_step']:,}). Python {env['python']}, PyTorch {env['torch']}, "
        f"transformers {env['transformers']}, tokenizers {env['tokenizers']}.", "",
        "Reproduce (the whole set, or one model with `--only`):", "",
        "```", COMMAND.format(device=device, minutes=rec["budget_minutes"]) + f" --seed {rec['seed']}", "```", "",
    ]


def reference_summary(ref: dict) -> dict:
    """The figures of a run of the same recipe on another machine (a CPU), kept in eval.json."""
    r = ref["record"]
    out = {"machine": r["machine"], "python": r["environment"]["python"],
           "minutes": round(r["training"]["train_seconds"] / 60, 1), "steps": r["training"]["steps"],
           "batch": r["hyper"]["batch"], "lr": r["hyper"]["lr"]}
    if "test_exact_match" in r:
        out["exact_match"] = r["test_exact_match"]
    elif "test_loss" in r:
        out.update(test_loss=r["test_loss"], top5=ref["rate"])
    else:
        out.update(top1=r["test"]["top1"], top5=r["test"]["top5"])
    return out


def _reference(ref: dict | None, line) -> list[str]:
    if not ref:
        return []
    return ["## The same recipe on a CPU", "",
            f"Trained with the CPU settings (batch {ref['batch']}, learning rate {ref['lr']}) "
            f"for {ref['minutes']:.1f} minutes on {ref['machine']} ({ref['steps']:,} steps"
            + (f", Python {ref['python']}" if "python" in ref else "") + f"): {line(ref)}.", ""]


def gpt2_card(ev: dict, ref: dict | None) -> str:
    rec = ev["record"]
    heads = rec["heads"]
    rows = [[l, h, f"{c['previous']:.2f}", _pct(c["previous_argmax"]), f"{c['first']:.2f}", _pct(c["first_argmax"])]
            for l, layer in enumerate(heads) for h, c in enumerate(layer)]
    prev_heads = [f"{l}.{h}" for l, layer in enumerate(heads) for h, c in enumerate(layer) if c["previous"] >= 0.5]
    first_heads = [f"{l}.{h}" for l, layer in enumerate(heads) for h, c in enumerate(layer) if c["first"] >= 0.5]
    flat = [(f"{l}.{h}", c) for l, layer in enumerate(heads) for h, c in enumerate(layer)]
    top_prev = max(flat, key=lambda x: x[1]["previous"])
    top_first = max(flat, key=lambda x: x[1]["first"])
    prompts = [[_code(p["prompt"]), p["entropy"], ", ".join(f"{_code(t)} {q:.2f}" for t, q in p["top"])]
               for p in rec["prompts"]]
    d = rec["data"]
    out = [
        "# demo-gpt2", "",
        "A small decoder-only language model with the GPT-2 architecture, trained from scratch "
        "on English prose that ships with Python. Small enough to inspect every head.", "",
        "## Data", "",
        f"The documentation topics of `pydoc_data.topics` plus the docstrings of the standard library "
        f"(modules, classes, functions; read with `ast`, doctest examples removed), as shipped with "
        f"Python {rec['environment']['python']}: {d['corpus']}. Documents are split by a hash of their "
        f"text; the training script rebuilds the corpus, none of it is stored here.", "",
        f"Tokenizer: byte-level BPE, {rec['config']['vocab_size']:,} pieces, `<|endoftext|>` (id 0) as "
        f"beginning/end of text. {d['train_tokens']:,} training tokens; the kept checkpoint had seen "
        f"about {d['epochs_at_best']} epochs.", "",
        *_common(rec, "gpt2"),
        "## Measured quality", "",
        f"- Held-out (test) loss **{rec['test_loss']:.3f}** nats per token, perplexity "
        f"**{rec['test_perplexity']}** ({d['test_tokens']:,} tokens); loss on training text "
        f"{rec['train_loss']:.3f}. Best held-out (dev) loss during training: {rec['best_dev_loss']:.3f}.",
        f"- Next word in held-out text (`eval.json`, {ev['n']} contexts, next token starts a word): "
        f"in the top 5 **{_pct(ev['rate'])}** of the time.", "",
        f"Next-token distributions on a few prompts (entropy in nats; a uniform distribution "
        f"would have {rec['max_entropy']}):", "",
        _table(["prompt", "entropy", "top 5"], prompts), "",
        "Samples (temperature 0.8, top-k 40):", "",
        *[line for s in rec["samples"] for line in ("```text", s["text"], "```", "")],
        "## Attention heads", "",
        "Mean attention weight on the previous token and on the first token of the window, over "
        "held-out windows of 128 tokens (queries from position 2 on), and how often that key is the "
        "head's strongest. Head `l.h` is layer l, head h.", "",
        _table(["layer", "head", "previous (mean)", "previous (argmax)", "first (mean)", "first (argmax)"], rows), "",
        f"Previous-token heads (mean weight >= 0.5): {', '.join(prev_heads) or 'none'}. "
        f"First-token heads (mean weight >= 0.5): {', '.join(first_heads) or 'none'}. "
        f"Strongest previous-token head: {top_prev[0]} (mean {top_prev[1]['previous']:.2f}, strongest key "
        f"{_pct(top_prev[1]['previous_argmax'])} of the time); strongest first-token head: {top_first[0]} "
        f"(mean {top_first[1]['first']:.2f}). A uniform head would put 1/n on each of n earlier tokens.", "",
        *_reference(ref, lambda r: f"held-out loss {r['test_loss']:.3f}, top-5 next word {_pct(r['top5'])}"),
        "## Limitations", "",
        "A teaching model: it writes fluent-looking Python documentation English without meaning, "
        "knows nothing beyond its small corpus and loops under greedy decoding.", "",
    ]
    return "\n".join(out)


def bert_card(ev: dict, ref: dict | None) -> str:
    rec = ev["record"]
    t, d = rec["test"], rec["data"]
    fills = [[_code(f["text"]), _code(f["expected"]), ", ".join(f"{_code(w)} {p:.2f}" for w, p in f["top5"])]
             for f in rec["fill_ins"]]
    out = [
        "# demo-bert", "",
        "A small encoder-only model with the BERT architecture and a masked-language-model head "
        "(`BertForMaskedLM`), trained from scratch on English prose that ships with Python.", "",
        "## Data", "",
        f"The documentation topics of `pydoc_data.topics` plus the standard library's docstrings, as "
        f"shipped with Python {rec['environment']['python']}: {d['corpus']}. The training script "
        f"rebuilds the corpus; none of it is stored here.", "",
        f"Tokenizer: WordPiece, {rec['config']['vocab_size']:,} pieces, lower-cased, with `[PAD]` `[UNK]` "
        f"`[CLS]` `[SEP]` `[MASK]`; a post-processor adds `[CLS]` and `[SEP]`. {d['train_tokens']:,} "
        f"training tokens; whole-word masking of 15% of words (80% `[MASK]`, 10% random, 10% kept); "
        f"the kept checkpoint had seen about {d['epochs_at_best']} epochs.", "",
        *_common(rec, "bert"),
        "## Measured quality", "",
        f"- Held-out masked tokens ({t['masked']:,} tokens, whole words masked, all replaced by `[MASK]`): "
        f"top-1 **{_pct(t['top1'])}**, top-5 **{_pct(t['top5'])}** (always guessing the most frequent "
        f"tokens {', '.join('`' + w + '`' for w in rec['frequent_tokens'])}: "
        f"{_pct(t['baseline_top1'])} / {_pct(t['baseline_top5'])}).",
        f"- Held-out sentences with one word masked (`eval.json`, {ev['n']} sentences): the word is "
        f"in the top 5 **{_pct(ev['rate'])}** of the time.", "",
        "Fill-in examples (top 5 with probabilities):", "",
        _table(["input", "expected", "top 5"], fills), "",
        *_reference(ref, lambda r: f"held-out masked top-1 {_pct(r['top1'])}, top-5 {_pct(r['top5'])}"),
        "## Limitations", "",
        "A teaching model trained on half a million tokens: it knows the frequent words of Python's "
        "documentation and little else.", "",
    ]
    return "\n".join(out)


def t5_card(ev: dict, ref: dict | None) -> str:
    rec = ev["record"]
    tasks = list(rec["test_exact_match"])
    stages = _stages(rec)
    best_dev = _best_row(stages[-1]) if stages else rec["best_dev"]
    em_rows = [[f"`{rec['data']['tasks'][k]}`", _pct(v), _pct(best_dev.get(f"dev_{k}", 0))]
               for k, v in rec["test_exact_match"].items()]
    ex_rows = [[f"`{s}`", f"`{t}`", " ".join(f"`{p}`" for p in sp), " ".join(f"`{p}`" for p in tp)]
               for k in tasks for s, t, sp, tp in rec["data"]["examples"][k]]
    al = rec["alignment"]
    n_layers = len(al[tasks[0]]["emit"]["argmax"])
    n_heads = len(al[tasks[0]]["emit"]["argmax"][0]) - 1

    def align_table(view):
        rows = []
        for l in range(n_layers):
            for h in range(n_heads + 1):
                name = "mean of heads" if h == n_heads else str(h)
                rows.append([l, name] + [f"{_pct(al[k][view]['argmax'][l][h])} ({al[k][view]['mass'][l][h]:.2f})"
                                         for k in tasks])
        rows.append(["", "chance"] + [_pct(al[k]["chance"]) for k in tasks])
        return _table(["layer", "head"] + [f"`{rec['data']['tasks'][k]}`" for k in tasks], rows)

    def best_heads(view):
        best = {k: max(((l, h) for l in range(n_layers) for h in range(n_heads)),
                       key=lambda lh: al[k][view]["argmax"][lh[0]][lh[1]]) for k in tasks}
        return ", ".join(f"{rec['data']['tasks'][k]} layer {l} head {h} ({_pct(al[k][view]['argmax'][l][h])})"
                         for k, (l, h) in best.items())
    below = [k for k, v in rec["test_exact_match"].items() if v < 0.95]
    out = [
        "# demo-t5", "",
        "A small encoder-decoder model with the T5 architecture (`T5ForConditionalGeneration`), "
        "trained from scratch on a FLAN-style set of instruction tasks generated in code. Its "
        "cross-attention lines each output piece up with the input piece it comes from.", "",
        "## Data", "",
        "Tasks (one instruction prefix each; inputs drawn at random, about 1 input in 12 never "
        "trained on and used for the held-out sets):", "",
        _table(["input", "target", "input pieces", "target pieces"], ex_rows), "",
        "Dates come in ten formats (`the 26th of November 2026`, `Nov 26 2026`, `26.11.2026`, "
        "`2026/11/26`, with or without a weekday, ...), years 1900-2099; numbers run from 0 to 9999; "
        "`reverse` takes 3 to 7 distinct words from a list of 64.", "",
        f"Tokenizer: Unigram (SentencePiece style, `\u2581` marks word starts), "
        f"{rec['config']['vocab_size']} pieces, trained on the task text: month names, number words and "
        "the reversed words are whole pieces, digits and punctuation are pieces of their own. "
        "`<pad>` = 0 (also the decoder start), `</s>` = 1 (appended to every input), `<unk>` = 2. "
        + _examples_line(rec["data"], first_of_stages=bool(stages)), "",
        *_common(rec, "t5"),
        *_continued(rec, stages),
        "## Measured quality", "",
        f"Exact match on held-out inputs ({rec['data']['test_per_task']} per task, greedy decoding); "
        "the kept checkpoint was chosen on a separate held-out dev set:", "",
        _table(["task", "test exact match", "dev exact match"], em_rows), "",
        (f"Goal: at least 95% on every task. Below it: {', '.join(below)}." if below
         else "Goal: at least 95% on every task: met."), "",
        f"`eval.json` holds {ev['n']} held-out prompts ({ev['n'] // len(tasks)} per task) with their "
        f"exact answers: {ev['n'] - ev['failures']} of {ev['n']} answered exactly "
        f"({ev['failures']} failures).", "",
        "## Cross-attention alignment", "",
        "For every output piece that comes from a known part of the input (a year digit from the "
        "same digit, `11` from `November`, `twenty` from `2`, a reversed word from the same word), "
        "how often the cross-attention's strongest input piece is that part of the input; in "
        "brackets the mean attention weight on it. Teacher-forced on held-out examples; decoder "
        "layer and head.", "",
        "**Emitting** (the decoder step that predicts the output piece):", "",
        align_table("emit"), "",
        f"Clearest single head per task: {best_heads('emit')}.", "",
        "**Reading** (the next decoder step, which gets that output piece as its input):", "",
        align_table("read"), "",
        f"Clearest single head per task: {best_heads('read')}.", "",
        *([f"Measured on {rec['measured_on']}; trained on {rec['machine']}.", ""]
          if rec.get("measured_on", rec["machine"]) != rec["machine"] else []),
        *_reference(ref, lambda r: "held-out exact match " + ", ".join(
            f"{rec['data']['tasks'][k]} {_pct(v)}" for k, v in r["exact_match"].items())),
        "## Limitations", "",
        "It knows these four tasks and nothing else; inputs outside their formats get confident "
        "nonsense.", "",
    ]
    return "\n".join(out)


def _examples_line(data: dict, first_of_stages: bool) -> str:
    stage = " in the first stage" if first_of_stages else ""
    return (f"{data['training_examples']:,} distinct training examples{stage}, "
            f"{data['examples_seen_at_best']:,} seen up to the kept checkpoint.")


def _best_row(stage: dict) -> dict:
    return next(h for h in stage["history"] if h["step"] == stage["training"]["best_step"])


def _stages(rec: dict) -> list[dict]:
    """The further training stages (`--continue-t5`), in order."""
    return rec.get("continued", [])


def _continued(rec: dict, stages: list[dict]) -> list[str]:
    """One section per further stage, each trained from the checkpoint the previous one kept."""
    tasks = list(rec["test_exact_match"])
    out = []
    for i, c in enumerate(stages):
        tr, env = c["training"], c["environment"]
        start, best = c["history"][0], _best_row(c)
        before = c.get("before_test") or c["first_stage_test"]
        after = stages[i + 1].get("before_test") if i + 1 < len(stages) else rec["test_exact_match"]
        change = ", ".join(f"{rec['data']['tasks'][k]} {_pct(before[k])} → {_pct(after[k])}" for k in tasks)
        settings = ", ".join(f"{k}={v}" for k, v in c["settings"].items())
        heading = f"{['Second', 'Third', 'Fourth', 'Fifth'][i]} stage" if i < 4 else f"Stage {i + 2}"
        out += [
            f"## {heading}", "",
            f"Then trained further for {tr['train_seconds'] / 60:.1f} minutes on "
            f"{'' if c['machine'].startswith('one ') else 'a '}{c['machine']} from the checkpoint "
            f"above, on fresh random examples of the same tasks ({settings}; cosine decay as above; "
            f"{tr['steps']:,} steps, the checkpoint kept is the best on the dev set, from step {tr['best_step']:,}; "
            f"dev exact match {_pct(start['dev_exact'])} before, {_pct(best['dev_exact'])} kept). "
            f"Python {env['python']}, PyTorch {env['torch']}, transformers {env['transformers']}.", "",
            f"Held-out test exact match before → after this stage: {change}.", "",
            "Reproduce this stage (after the ones above):", "",
            "```", f"python packaging/train_demo_models.py --out resources/models "
            f"--device {'cuda' if 'GPU' in c['machine'] else 'cpu'} --continue-t5 "
            f"{c['budget_minutes']} --seed {rec['seed']}", "```", "",
        ]
    if stages:
        minutes: dict[str, float] = {rec["machine"]: rec["training"]["train_seconds"] / 60}
        for c in stages:
            minutes[c["machine"]] = minutes.get(c["machine"], 0) + c["training"]["train_seconds"] / 60
        out += [f"All stages together: {sum(minutes.values()):.1f} minutes of training ("
                + ", ".join(f"{m:.1f} minutes on {name}" for name, m in minutes.items()) + ").", ""]
    return out


def render_card(evaluation: dict) -> str:
    """The model card (README.md) for a model's eval.json."""
    render = {"demo-gpt2": gpt2_card, "demo-bert": bert_card, "demo-t5": t5_card}[evaluation["model"]]
    return render(evaluation, evaluation["record"].get("cpu_reference"))


def write_card(folder: Path, evaluation: dict) -> None:
    (folder / "README.md").write_text(render_card(evaluation), encoding="utf-8")


def rewrite_cards(out: Path, reference_root: Path | None) -> None:
    """Re-render the cards from eval.json; with a reference run's folder, first keep that run's
    figures in each model's eval.json (as ``cpu_reference``), so the cards quote them from then on."""
    for folder in sorted(out.glob("demo-*")):
        path = folder / "eval.json"
        if not path.exists():
            continue
        ev = json.loads(path.read_text(encoding="utf-8"))
        ref_path = reference_root / folder.name / "eval.json" if reference_root else None
        if ref_path and ref_path.exists():
            ev["record"]["cpu_reference"] = reference_summary(json.loads(ref_path.read_text(encoding="utf-8")))
            write_json(path, ev)
        write_card(folder, ev)
