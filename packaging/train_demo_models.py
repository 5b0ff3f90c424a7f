"""Train the three demo models shipped in resources/models (one command, seeded).

    python packaging/train_demo_models.py --out resources/models --device auto --minutes-per-model 5

Each model trains for a wall-clock budget, keeps its best held-out checkpoint and
then writes its folder: config.json, model.safetensors (fp32), tokenizer files,
README.md (model card with the measured numbers), eval.json (held-out prompts with
expected answers and the measured rates) and viz.json (name for the model picker).
On CUDA the three train in parallel processes; on a CPU one after another.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MODELS = {"gpt2": "demo-gpt2", "bert": "demo-bert", "t5": "demo-t5"}


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=Path("resources/models"))
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--minutes-per-model", type=float, default=5.0)
    p.add_argument("--only", default="gpt2,bert,t5", help="comma-separated subset of gpt2,bert,t5")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores, 4 per model on CUDA)")
    p.add_argument("--deadline-minutes", type=float, default=0,
                   help="hard limit for the whole run; training stops early to leave time to write files")
    p.add_argument("--cards-only", action="store_true",
                   help="re-render README.md from eval.json without training")
    p.add_argument("--evaluate-only", action="store_true",
                   help="measure the trained T5 in --out again on this machine, without training")
    p.add_argument("--reference", type=Path, default=None,
                   help="folder of another run (e.g. on a CPU) whose figures the cards should quote")
    p.add_argument("--continue-t5", type=float, default=0, metavar="MINUTES",
                   help="second stage: train the saved T5 in --out further for MINUTES at a lower learning rate")
    p.add_argument("--child", choices=list(MODELS), help=argparse.SUPPRESS)
    p.add_argument("--deadline-at", type=float, default=0, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def resolve_device(name: str) -> str:
    if name != "auto":
        return name
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def run_child(args: argparse.Namespace) -> None:
    from demo_training.common import RunSettings

    module = __import__(f"demo_training.{args.child}", fromlist=["run"])
    threads = args.threads or (4 if args.device == "cuda" else os.cpu_count() or 1)
    settings = RunSettings(out=args.out / MODELS[args.child], device=args.device,
                           budget_s=args.minutes_per_model * 60, seed=args.seed,
                           deadline=args.deadline_at or float("inf"), threads=threads)
    module.run(settings)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.cards_only:
        from demo_training.cards import rewrite_cards

        rewrite_cards(args.out, args.reference)
        return 0
    args.device = resolve_device(args.device)
    if args.continue_t5:
        from demo_training import t5
        from demo_training.common import RunSettings

        t5.resume(RunSettings(out=args.out / MODELS["t5"], device=args.device, budget_s=args.continue_t5 * 60,
                              seed=args.seed, deadline=float("inf"), threads=args.threads or os.cpu_count() or 1))
        if args.reference:
            from demo_training.cards import rewrite_cards

            rewrite_cards(args.out, args.reference)
        return 0
    if args.evaluate_only:
        from demo_training import t5
        from demo_training.common import RunSettings

        t5.reevaluate(RunSettings(out=args.out / MODELS["t5"], device=args.device, budget_s=0,
                                  seed=args.seed, deadline=float("inf"),
                                  threads=args.threads or os.cpu_count() or 1))
        if args.reference:
            from demo_training.cards import rewrite_cards

            rewrite_cards(args.out, args.reference)
        return 0
    if args.child:
        run_child(args)
        return 0
    start = time.time()
    deadline = start + args.deadline_minutes * 60 if args.deadline_minutes else 0
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = set(names) - set(MODELS)
    if unknown:
        raise SystemExit(f"unknown model(s): {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, str(Path(__file__).resolve()), "--out", str(args.out), "--device", args.device,
            "--minutes-per-model", str(args.minutes_per_model), "--seed", str(args.seed),
            "--threads", str(args.threads), "--deadline-at", str(deadline)]
    failed = []
    if args.device == "cuda":
        procs = {n: subprocess.Popen(base + ["--child", n]) for n in names}
        for n, p in procs.items():
            if p.wait() != 0:
                failed.append(n)
    else:
        for n in names:
            if subprocess.call(base + ["--child", n]) != 0:
                failed.append(n)
    if args.reference:
        from demo_training.cards import rewrite_cards

        rewrite_cards(args.out, args.reference)
    total = 0
    for n in MODELS.values():
        path = args.out / n / "model.safetensors"
        if path.exists():
            total += path.stat().st_size
            print(f"{n}: {path.stat().st_size / 1e6:.1f} MB", flush=True)
    print(f"total weights {total / 1e6:.1f} MB; {(time.time() - start) / 60:.1f} minutes; "
          f"failed: {', '.join(failed) or 'none'}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
