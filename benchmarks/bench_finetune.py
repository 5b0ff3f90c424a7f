"""Fine-tuning benchmark: time, peak memory and exact match of LoRA and full fine-tuning on the bundled models.

Run: `python benchmarks/bench_finetune.py [--models demo-t5 demo-gpt2] [--methods lora full] [--device cpu]`
(prints figures, asserts nothing). Each run is a fresh process, so its peak resident memory is its own; the
load average is printed beside each figure because a shared machine slows every run.
On a GPU (`--device cuda`) the peak is torch's allocator peak as well.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

# The Fine-tune tab's defaults: its suggested learning rate and steps per method, batch 16, LoRA on the model's
# default target modules (the attention projections).
BATCH = 16

CHILD = r"""
import json, os, resource, sys, time
import torch
from viz.core.loading import LoadRequest, load_model
from viz.core.finetune.methods import MethodSpec, default_targets
from viz.core.finetune.tasks import bundled_tasks
from viz.core.finetune.training import TrainRequest, run_finetune

model_name, method, device, settings = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
loaded = load_model(LoadRequest(model_name, device=device))
tasks = bundled_tasks()
task = tasks["time"]
if loaded.family.value == "decoder-only":
    task = task.with_template("{input} =")
others = tuple(t for k, t in tasks.items() if k != "time") if loaded.family.value == "encoder-decoder" else ()
spec = MethodSpec(method, 8, 16.0, default_targets(loaded.model)) if method == "lora" else MethodSpec(method)
request = TrainRequest(task, spec, steps=settings["steps"], batch_size=settings["batch"], learning_rate=settings["lr"],
                       eval_tasks=(task, *others))
if device == "cuda":
    torch.cuda.reset_peak_memory_stats()
load_before = os.getloadavg()[0]
started = time.perf_counter()
result = run_finetune(loaded.model, loaded.tokenizer, loaded.family, request)
total = time.perf_counter() - started
print(json.dumps({
    "train_s": result.train_seconds, "total_s": total, "load": [load_before, os.getloadavg()[0]],
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "cuda_peak_mb": torch.cuda.max_memory_allocated() / 2**20 if device == "cuda" else None,
    "trainable": result.counts.trainable, "total_params": result.counts.total,
    "final_loss": float(result.losses[-1]),
    "exact": {t.key: [t.mean.exact, result.after.task(t.key).mean.exact] for t in result.before.tasks},
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=["demo-t5", "demo-gpt2"])
    parser.add_argument("--methods", nargs="+", default=["lora", "full"])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--steps", type=int, help="override the number of steps (a quicker look)")
    args = parser.parse_args()
    import torch

    from viz.core.finetune.methods import SUGGESTED_LEARNING_RATES, SUGGESTED_STEPS

    print(f"{os.cpu_count()} CPU cores, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"device {args.device}; load average {os.getloadavg()[0]:.1f} at start")
    for model in args.models:
        for method in args.methods:
            settings = dict(lr=SUGGESTED_LEARNING_RATES[method], steps=args.steps or SUGGESTED_STEPS, batch=BATCH)
            out = subprocess.run([sys.executable, "-c", CHILD, model, method, args.device, json.dumps(settings)],
                                 capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if out.returncode or not lines:
                print(f"{model} {method}: failed\n{out.stderr[-2000:]}")
                continue
            r = json.loads(lines[-1])
            exact = ", ".join(f"{k} {a:.0%}→{b:.0%}" for k, (a, b) in r["exact"].items())
            gpu = f", GPU peak {r['cuda_peak_mb']:.0f} MB" if r["cuda_peak_mb"] else ""
            print(f"{model:9s} {method:4s} {settings}: trains {r['trainable']:,} of {r['total_params']:,}; "
                  f"training {r['train_s']:.1f} s, with evaluation {r['total_s']:.1f} s; peak RSS "
                  f"{r['peak_rss_mb']:.0f} MB{gpu}; final loss {r['final_loss']:.3f}; load average "
                  f"{r['load'][0]:.1f}→{r['load'][1]:.1f}\n    exact match before→after: {exact}")
            time.sleep(0.1)


if __name__ == "__main__":
    main()
