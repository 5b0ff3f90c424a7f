"""Assemble a k-shot prompt from a visible template: exactly the text the model receives."""

from __future__ import annotations

from dataclasses import dataclass

from viz.core.errors import InputTextError

SHOTS = (0, 1, 2, 4)


@dataclass(frozen=True)
class Example:
    input: str
    answer: str


@dataclass(frozen=True)
class Template:
    """`example` and `query` hold {input} (and {answer}); examples are joined by `separator` and followed by it.

    A decoder continues the prompt, so its answer is scored as `answer_prefix + answer` right after the
    query (usually a space). An encoder-decoder reads the prompt and writes the answer as its own output.
    """

    example: str = "Q: {input}\nA: {answer}"
    query: str = "Q: {input}\nA:"
    separator: str = "\n\n"
    answer_prefix: str = " "


def build_prompt(template: Template, examples: list[Example] | tuple[Example, ...], query: str, shots: int) -> str:
    """The first `shots` examples, then the query; 0 shots is the query alone."""
    if shots > len(examples):
        raise ValueError(f"{shots} examples asked for, {len(examples)} in the bank")
    try:
        parts = [template.example.format(input=e.input, answer=e.answer) for e in examples[:shots]]
        parts.append(template.query.format(input=query))
    except (KeyError, IndexError, ValueError):
        raise TemplateError("A template may use only {input} and {answer} in braces "
                            "(write {{ and }} for a brace itself).") from None
    return template.separator.join(parts)


class TemplateError(InputTextError):
    """A template with an unknown {placeholder} or an unmatched brace."""


def answer_text(template: Template, answer: str, encoder_decoder: bool) -> str:
    """What is scored: the decoder's continuation of the prompt, or the encoder-decoder's output."""
    return answer if encoder_decoder else template.answer_prefix + answer
