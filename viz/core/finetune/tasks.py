"""Task sets: prompt/completion pairs with a template, training pool and held-out set.

The four demo-t5 tasks come from the generator demo-t5 was trained with, so its held-out rule (a hash of the
input) keeps the evaluation sets out of what the model saw; the time task is new to every bundled model.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from viz.core.finetune import demo_tasks, time_task
from viz.core.finetune.errors import FinetuneError

SLOT = "{input}"
DEMO_NAMES = {"date": "normalize date", "words": "number to words", "number": "words to number",
              "reverse": "reverse"}
BUNDLED = ("time", *demo_tasks.TASKS)  # the new task first: it is the one a class tunes on


@dataclass(frozen=True)
class Pair:
    input: str  # what fills the template's {input}
    target: str


@dataclass(frozen=True)
class TaskSet:
    key: str  # "time", "date", ... or "custom"
    name: str
    template: str  # contains {input}
    train: tuple[Pair, ...]
    held_out: tuple[Pair, ...]

    def prompt(self, pair: Pair) -> str:
        return render(self.template, pair.input)

    def with_template(self, template: str) -> "TaskSet":
        check_template(template)
        return TaskSet(self.key, self.name, template, self.train, self.held_out)


def check_template(template: str) -> None:
    if SLOT not in template:
        raise FinetuneError(f"The prompt template must contain {SLOT}, where each example's input goes.")


def render(template: str, text: str) -> str:
    return template.replace(SLOT, text)


def template_of(key: str) -> str:
    """The prompt template of a bundled task (without generating its pairs)."""
    if key == "time":
        return time_task.PREFIX + SLOT
    if key not in demo_tasks.TASKS:
        raise FinetuneError(f"There is no bundled task called {key!r}.")
    return demo_tasks.PREFIX[key] + SLOT


def bundled_task(key: str, train_size: int = 2000, held_out_size: int = 30, seed: int = 0) -> TaskSet:
    """One bundled task set; the same seed always gives the same pairs."""
    if key == "time":
        pairs = [Pair(p, t) for p, t in time_task.all_pairs()]
        held = tuple(p for p in pairs if time_task.is_held_out(p.input))
        train = tuple(p for p in pairs if not time_task.is_held_out(p.input))
        return TaskSet("time", "normalize time", template_of("time"), train,
                       held[:held_out_size])
    template = template_of(key)
    prefix = demo_tasks.PREFIX[key]
    rng = random.Random(seed)
    train = tuple(_pair(demo_tasks.sample(key, rng, held_out=False), prefix) for _ in range(train_size))
    held = demo_tasks.held_out_sets(held_out_size, seed + 1)[key]
    return TaskSet(key, DEMO_NAMES[key], template, train, tuple(_pair(e, prefix) for e in held))


def bundled_tasks(held_out_size: int = 30, train_size: int = 2000, seed: int = 0) -> dict[str, TaskSet]:
    return {key: bundled_task(key, train_size, held_out_size, seed) for key in BUNDLED}


def _pair(example, prefix: str) -> Pair:
    return Pair(example.source[len(prefix):], example.target)
