"""Example banks: the tasks of the bundled models (demo-t5's four, demo-gpt2's plurals) and one for Hub models.

demo-t5's examples use the exact input forms it was trained on ("normalize date: …"), so zero-shot is its
home ground; demo-gpt2 read Python's documentation, so its task uses words from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.catalogue import QT_TRANSLATE_NOOP
from viz.core.fewshot.prompt import Example, Template

_SEQ2SEQ = Template(example="{input} = {answer}", query="{input}", separator="\n", answer_prefix="")


@dataclass(frozen=True)
class FewShotTask:
    key: str
    name: str
    template: Template
    examples: tuple[Example, ...]  # the bank; the first k are the shots
    query: Example  # what the model is asked, with the reference answer
    suits: str  # which model it was written for: "demo-t5", "demo-gpt2" or "any"


def _bank(*pairs: tuple[str, str]) -> tuple[Example, ...]:
    return tuple(Example(i, a) for i, a in pairs)


TASKS = (
    FewShotTask(
        "date", QT_TRANSLATE_NOOP("FewShotTask", "normalize date"), _SEQ2SEQ,
        _bank(("normalize date: the 13th of March 1982", "1982-03-13"), ("normalize date: 4 Sep 1918", "1918-09-04"),
              ("normalize date: Saturday, 30th January 2049", "2049-01-30"),
              ("normalize date: 03.01.1954", "1954-01-03"), ("normalize date: 8 February 2007", "2007-02-08")),
        Example("normalize date: Tuesday, July 2, 2041", "2041-07-02"), "demo-t5",
    ),
    FewShotTask(
        "words", QT_TRANSLATE_NOOP("FewShotTask", "number to words"), _SEQ2SEQ,
        _bank(("number to words: 2013", "two thousand thirteen"), ("number to words: 74", "seventy-four"),
              ("number to words: 670", "six hundred seventy"), ("number to words: 53", "fifty-three"),
              ("number to words: 73", "seventy-three")),
        Example("number to words: 684", "six hundred eighty-four"), "demo-t5",
    ),
    FewShotTask(
        "number", QT_TRANSLATE_NOOP("FewShotTask", "words to number"), _SEQ2SEQ,
        _bank(("words to number: two thousand twenty-eight", "2028"),
              ("words to number: seven hundred thirty-three", "733"),
              ("words to number: six hundred forty-four", "644"), ("words to number: six hundred ninety-nine", "699"),
              ("words to number: three thousand nine hundred forty-five", "3945")),
        Example("words to number: two thousand three hundred forty-one", "2341"), "demo-t5",
    ),
    FewShotTask(
        "reverse", QT_TRANSLATE_NOOP("FewShotTask", "reverse"), _SEQ2SEQ,
        _bank(("reverse: big golden song paper book", "book paper song golden big"),
              ("reverse: lamp paper quick golden", "golden quick paper lamp"),
              ("reverse: stone city green lamp dog moon", "moon dog lamp green city stone"),
              ("reverse: night sun green yellow", "yellow green sun night"),
              ("reverse: king river bird", "bird river king")),
        Example("reverse: queen ocean green teacher", "teacher green ocean queen"), "demo-t5",
    ),
    FewShotTask(
        "plural", QT_TRANSLATE_NOOP("FewShotTask", "plural of a noun"),
        Template(example="{input} -> {answer}", query="{input} ->", separator="\n"),
        _bank(("list", "lists"), ("string", "strings"), ("module", "modules"), ("object", "objects"),
              ("method", "methods")),
        Example("function", "functions"), "demo-gpt2",
    ),
    FewShotTask(
        "capital", QT_TRANSLATE_NOOP("FewShotTask", "capital of a country"),
        Template(example="Country: {input}\nCapital: {answer}", query="Country: {input}\nCapital:"),
        _bank(("France", "Paris"), ("Japan", "Tokyo"), ("Italy", "Rome"), ("Egypt", "Cairo"), ("Canada", "Ottawa")),
        Example("Hungary", "Budapest"), "any",
    ),
)


def task(key: str) -> FewShotTask:
    return next(t for t in TASKS if t.key == key)


def default_task(model_name: str, encoder_decoder: bool) -> FewShotTask:
    """The bundled model's own task, else the general one."""
    if model_name == "demo-t5":
        return task("date")
    if model_name == "demo-gpt2":
        return task("plural")
    return task("capital")
