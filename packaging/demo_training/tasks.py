"""FLAN-style instruction tasks generated in code, with input/output alignment.

The generator lives in the app (`viz.core.finetune.demo_tasks`), whose Fine-tune tab evaluates on the same
held-out sets demo-t5 was trained against; training imports it from there so the two never drift apart.
"""
from __future__ import annotations

from viz.core.finetune.demo_tasks import (  # noqa: F401  (re-exported for the training scripts)
    MONTHS, ONES, PREFIX, REVERSE_WORDS, TASKS, TENS, WEEKDAYS, Example, held_out_sets, is_held_out, make_example,
    number_words, sample, w_is_digit_word,
)
