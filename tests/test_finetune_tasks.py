"""Fine-tune task sets: the demo-t5 generator, the new time task, templates and JSONL files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from viz.core.finetune.errors import FinetuneError
from viz.core.finetune.jsonl import load_jsonl
from viz.core.finetune.tasks import bundled_task, bundled_tasks, render
from viz.core.finetune.time_task import all_pairs

ROOT = Path(__file__).resolve().parents[1]


def test_demo_tasks_are_the_ones_demo_t5_was_trained_with():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from demo_training import tasks as training_tasks
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    from viz.core.finetune import demo_tasks

    ours, theirs = demo_tasks.held_out_sets(12, 5), training_tasks.held_out_sets(12, 5)
    assert {k: [(e.source, e.target) for e in v] for k, v in ours.items()} == \
        {k: [(e.source, e.target) for e in v] for k, v in theirs.items()}


def test_bundled_sets_keep_held_out_inputs_out_of_training():
    tasks = bundled_tasks(held_out_size=20, train_size=300)
    assert list(tasks) == ["time", "date", "words", "number", "reverse"]
    for task in tasks.values():
        assert len(task.held_out) == 20
        assert not {p.input for p in task.held_out} & {p.input for p in task.train}
        assert "{input}" in task.template
    date = tasks["date"]
    assert date.prompt(date.held_out[0]).startswith("normalize date: ")
    assert bundled_task("date", 300, 20) == date  # seeded


@pytest.mark.parametrize("phrase, time", [("quarter past seven", "07:15"), ("half past twelve", "12:30"),
                                          ("one sharp", "01:00"), ("seven forty-two", "07:42"),
                                          ("eleven ten", "11:10")])
def test_time_task_pairs(phrase, time):
    assert dict(all_pairs())[phrase] == time


def test_time_task_is_new_to_demo_t5_vocabulary_safe():
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(ROOT / "resources" / "models" / "demo-t5"))
    task = bundled_task("time")
    texts = [task.prompt(p) for p in task.train + task.held_out] + [p.target for p in task.train]
    assert all(tokenizer.unk_token_id not in tokenizer(t)["input_ids"] for t in texts)


def test_template_must_have_a_slot():
    task = bundled_task("time")
    assert task.with_template("time please: {input}").prompt(task.train[0]).startswith("time please: ")
    with pytest.raises(FinetuneError, match="input"):
        task.with_template("no slot")
    assert render("a {input} b", "x") == "a x b"


def _write(tmp_path, lines):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_jsonl_file_is_split_seeded(tmp_path):
    rows = [json.dumps({"prompt": f"q{i}", "completion": f"a{i}"}) for i in range(10)]
    task = load_jsonl(_write(tmp_path, rows + [""]))
    assert len(task.train) == 8 and len(task.held_out) == 2
    assert {p.input for p in task.train + task.held_out} == {f"q{i}" for i in range(10)}
    assert load_jsonl(_write(tmp_path, rows)) == task


@pytest.mark.parametrize("lines, message", [
    (['{"prompt": "a", "completion": "b"}', "{not json"], "line 2: not valid JSON"),
    (['{"prompt": "a"}'] * 5, 'line 1: no "completion"'),
    (['["a", "b"]'] * 5, "line 1: expected an object"),
    (['{"prompt": "a", "completion": 3}'] * 5, "must be text"),
    (['{"prompt": "a", "completion": "b"}'] * 2, "at least 4"),
])
def test_jsonl_errors_say_what_is_wrong(tmp_path, lines, message):
    with pytest.raises(FinetuneError, match=message):
        load_jsonl(_write(tmp_path, lines))


def test_missing_jsonl_file(tmp_path):
    with pytest.raises(FinetuneError, match="no such file"):
        load_jsonl(tmp_path / "nope.jsonl")
